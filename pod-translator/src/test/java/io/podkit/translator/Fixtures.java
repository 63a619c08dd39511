package io.podkit.translator;

import io.podkit.model.Container;
import io.podkit.model.ExecutorResources;
import io.podkit.model.Pod;
import io.podkit.model.Resources;
import io.podkit.translator.offer.ResourceMatch;
import io.podkit.validation.PodValidator;
import io.podkit.validation.ValidPod;
import io.podkit.validation.ValidationConfig;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.mesos.Protos;

/**
 * Pods, offers and resource matches written by hand, so the translator's tests do not depend on the
 * offer matcher: every piece has role {@code *} and carries {@code allocation_info.role *}.
 */
@SuppressWarnings("deprecation") // Marathon's resources carry the deprecated single role (G25)
final class Fixtures {
  /** A time-based (version 1) UUID: 2024-05-27T10:35:03.7...Z. */
  static final UUID UUID_V1 = UUID.fromString("3f0c6e1a-1d2b-11ef-9c41-0242ac120002");
  static final String FRAMEWORK = "marathon";
  static final String AGENT = "slave0";
  static final String HOSTNAME = "localhost";
  static final OffsetDateTime VERSION = OffsetDateTime.of(2024, 3, 1, 12, 30, 15, 7_000_000, ZoneOffset.UTC);
  static final ValidationConfig SECRETS = ValidationConfig.DEFAULT.withSecrets(true);

  private Fixtures() {}

  /** A pod {@code id} with a version and one container per builder. */
  static Pod.Builder pod(String id, Container.Builder... containers) {
    Pod.Builder pod = Pod.builder(id).version(VERSION);
    for (Container.Builder c : containers) {
      pod.container(c);
    }
    return pod;
  }

  static Container.Builder container(String name) {
    return Container.builder(name).resources(1.0, 128);
  }

  static ValidPod valid(Pod pod) {
    return valid(pod, ValidationConfig.DEFAULT);
  }

  static ValidPod valid(Pod pod, ValidationConfig config) {
    return new PodValidator(config).validate(pod).orElseThrow();
  }

  static InstanceId instance(ValidPod pod) {
    return new InstanceId(pod.pod().id(), UUID_V1);
  }

  static Protos.Offer offer() {
    return Protos.Offer.newBuilder()
        .setId(Protos.OfferID.newBuilder().setValue("offer-1"))
        .setFrameworkId(Protos.FrameworkID.newBuilder().setValue(FRAMEWORK))
        .setSlaveId(Protos.SlaveID.newBuilder().setValue(AGENT))
        .setHostname(HOSTNAME)
        .setAllocationInfo(Protos.Resource.AllocationInfo.newBuilder().setRole("*"))
        .addResources(scalar("cpus", 10))
        .addResources(scalar("mem", 4096))
        .addResources(scalar("disk", 1024))
        .addResources(ports(List.of(31000L, 32000L)))
        .build();
  }

  /** A scalar piece with role {@code *}. */
  static Protos.Resource scalar(String name, double value) {
    return Protos.Resource.newBuilder()
        .setName(name)
        .setType(Protos.Value.Type.SCALAR)
        .setScalar(Protos.Value.Scalar.newBuilder().setValue(value))
        .setRole("*")
        .setAllocationInfo(Protos.Resource.AllocationInfo.newBuilder().setRole("*"))
        .build();
  }

  /** A {@code ports} resource; {@code bounds} are begin/end pairs. */
  static Protos.Resource ports(List<Long> bounds) {
    Protos.Value.Ranges.Builder ranges = Protos.Value.Ranges.newBuilder();
    for (int i = 0; i < bounds.size(); i += 2) {
      ranges.addRange(Protos.Value.Range.newBuilder().setBegin(bounds.get(i)).setEnd(bounds.get(i + 1)));
    }
    return Protos.Resource.newBuilder()
        .setName("ports")
        .setType(Protos.Value.Type.RANGES)
        .setRanges(ranges)
        .setRole("*")
        .setAllocationInfo(Protos.Resource.AllocationInfo.newBuilder().setRole("*"))
        .build();
  }

  /** The executor's pieces of {@code pod}: cpus, mem, disk, each when > 0. */
  static List<Protos.Resource> executorPieces(Pod pod) {
    ExecutorResources r = pod.executorResources().orElse(ExecutorResources.defaults());
    List<Protos.Resource> out = new ArrayList<>();
    addIfPositive(out, "cpus", r.cpusOrDefault());
    addIfPositive(out, "mem", r.memOrDefault());
    addIfPositive(out, "disk", r.diskOrDefault());
    return out;
  }

  /** A container's pieces: cpus, mem, disk, gpus, each when > 0. */
  static List<Protos.Resource> containerPieces(Container c) {
    Resources r = c.resources();
    List<Protos.Resource> out = new ArrayList<>();
    addIfPositive(out, "cpus", r.cpusOrDefault());
    addIfPositive(out, "mem", r.memOrDefault());
    addIfPositive(out, "disk", r.diskOrDefault());
    addIfPositive(out, "gpus", r.gpusOrDefault());
    return out;
  }

  private static void addIfPositive(List<Protos.Resource> out, String name, double value) {
    if (value > 0) {
      out.add(scalar(name, value));
    }
  }

  /** A match giving every amount of {@code pod} its own piece, and {@code hostPorts} as one ports resource. */
  static ResourceMatch match(ValidPod pod, Map<String, Integer> hostPorts) {
    return match(pod, hostPorts, List.of());
  }

  static ResourceMatch match(ValidPod pod, Map<String, Integer> hostPorts, List<Protos.Resource> volumes) {
    Pod p = pod.pod();
    List<Long> bounds = new ArrayList<>();
    hostPorts.values().forEach(port -> {
      bounds.add((long) port);
      bounds.add((long) port);
    });
    return new ResourceMatch(
        executorPieces(p),
        p.containers().stream().map(Fixtures::containerPieces).toList(),
        bounds.isEmpty() ? List.of() : List.of(ports(bounds)),
        hostPorts,
        volumes);
  }

  /** Translates a new instance of {@code pod} with the default configuration. */
  static Translation translate(ValidPod pod, Map<String, Integer> hostPorts) {
    return translate(TranslationConfig.DEFAULT, pod, hostPorts);
  }

  static Translation translate(TranslationConfig config, ValidPod pod, Map<String, Integer> hostPorts) {
    return new TaskGroupTranslator(config).translate(pod, offer(), match(pod, hostPorts), instance(pod));
  }

  /** Translates a pod without endpoints. */
  static Translation translate(ValidPod pod) {
    return translate(pod, Map.of());
  }

  static Protos.TaskInfo task(Translation t, String name) {
    return t.taskGroup().getTasksList().stream().filter(task -> task.getName().equals(name)).findFirst()
        .orElseThrow();
  }

  static Protos.TaskInfo onlyTask(Translation t) {
    if (t.taskGroup().getTasksCount() != 1) {
      throw new AssertionError("expected one task, got " + t.taskGroup().getTasksCount());
    }
    return t.taskGroup().getTasks(0);
  }

  /** The plain (VALUE) variables of {@code task}, in order. */
  static Map<String, String> env(Protos.TaskInfo task) {
    Map<String, String> out = new LinkedHashMap<>();
    for (Protos.Environment.Variable v : task.getCommand().getEnvironment().getVariablesList()) {
      if (v.getType() != Protos.Environment.Variable.Type.SECRET) {
        out.put(v.getName(), v.getValue());
      }
    }
    return out;
  }

  /** The variable named {@code name} of {@code task}. */
  static Protos.Environment.Variable variable(Protos.TaskInfo task, String name) {
    return task.getCommand().getEnvironment().getVariablesList().stream()
        .filter(v -> v.getName().equals(name)).findFirst().orElseThrow();
  }

  static Map<String, String> labels(Protos.Labels labels) {
    Map<String, String> out = new LinkedHashMap<>();
    labels.getLabelsList().forEach(l -> out.put(l.getKey(), l.getValue()));
    return out;
  }

  static Map<String, Integer> hostPorts(Object... nameThenPort) {
    Map<String, Integer> out = new LinkedHashMap<>();
    for (int i = 0; i < nameThenPort.length; i += 2) {
      out.put((String) nameThenPort[i], (Integer) nameThenPort[i + 1]);
    }
    return out;
  }
}
