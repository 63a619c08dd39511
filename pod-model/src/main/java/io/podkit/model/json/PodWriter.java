package io.podkit.model.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.podkit.model.Artifact;
import io.podkit.model.Check;
import io.podkit.model.CheckKind;
import io.podkit.model.Command;
import io.podkit.model.Constraint;
import io.podkit.model.Container;
import io.podkit.model.Endpoint;
import io.podkit.model.EnvValue;
import io.podkit.model.Exec;
import io.podkit.model.ExecutorResources;
import io.podkit.model.HealthCheck;
import io.podkit.model.Image;
import io.podkit.model.Lifecycle;
import io.podkit.model.LinuxInfo;
import io.podkit.model.Network;
import io.podkit.model.PersistentVolumeInfo;
import io.podkit.model.Pod;
import io.podkit.model.PodEnum;
import io.podkit.model.PodPath;
import io.podkit.model.ResourceLimit;
import io.podkit.model.ResourceLimits;
import io.podkit.model.Resources;
import io.podkit.model.ScalingPolicy;
import io.podkit.model.SchedulingPolicy;
import io.podkit.model.Secret;
import io.podkit.model.UnreachableStrategy;
import io.podkit.model.Volume;
import io.podkit.model.VolumeMount;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Writes pods as Marathon pod JSON: members in the schema's order, enum values in canonical case,
 * absent members and empty collections left out, whole numbers without a fraction. What
 * {@link PodReader} reads, this writes back with nothing lost.
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class PodWriter {
  private static final JsonFactory FACTORY = JsonFactory.builder().build();
  private static final PodWriter COMPACT = new PodWriter(false);
  private static final PodWriter PRETTY = new PodWriter(true);
  /** Doubles with a magnitude below this that are whole are written as integers. */
  private static final double EXACT_LONG_LIMIT = 9.007199254740992E15;

  private final boolean pretty;

  private PodWriter(boolean pretty) {
    this.pretty = pretty;
  }

  /** One line, no spaces. */
  public static PodWriter compact() {
    return COMPACT;
  }

  /** Indented, for people. */
  public static PodWriter pretty() {
    return PRETTY;
  }

  /**
   * The pod as JSON text.
   *
   * @throws PodWriteException if the pod holds a number JSON cannot represent (NaN, infinity)
   */
  public String write(Pod pod) {
    return new String(writeBytes(pod), StandardCharsets.UTF_8);
  }

  /** The pod as UTF-8 JSON. */
  public byte[] writeBytes(Pod pod) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(1024);
    try {
      write(pod, out);
    } catch (IOException e) {
      throw new UncheckedIOException("writing to memory failed", e);
    }
    return out.toByteArray();
  }

  /**
   * Writes the pod to {@code out} as UTF-8 JSON; the stream is flushed, not closed.
   *
   * @throws IOException if {@code out} fails
   */
  public void write(Pod pod, OutputStream out) throws IOException {
    try (JsonGenerator g = FACTORY.createGenerator(out)) {
      g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
      if (pretty) {
        g.useDefaultPrettyPrinter();
      }
      new Emitter(g).pod(pod);
    }
  }

  /** Writes one pod; carries the path of the value being written, for error messages. */
  private static final class Emitter {
    private final JsonGenerator g;

    Emitter(JsonGenerator g) {
      this.g = g;
    }

    void pod(Pod pod) throws IOException {
      PodPath p = PodPath.root();
      g.writeStartObject();
      g.writeStringField("id", pod.id());
      stringMap("labels", pod.labels());
      if (pod.version().isPresent()) {
        g.writeStringField("version", DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(pod.version().get()));
      }
      optionalString("user", pod.user());
      environment(pod.environment());
      g.writeArrayFieldStart("containers");
      for (int i = 0; i < pod.containers().size(); i++) {
        container(pod.containers().get(i), p.field("containers").index(i));
      }
      g.writeEndArray();
      secrets(pod.secrets());
      volumes(pod.volumes(), p.field("volumes"));
      networks(pod.networks());
      if (pod.scaling().isPresent()) {
        scaling(pod.scaling().get());
      }
      if (pod.scheduling().isPresent()) {
        scheduling(pod.scheduling().get(), p.field("scheduling"));
      }
      if (pod.executorResources().isPresent()) {
        executorResources(pod.executorResources().get(), p.field("executorResources"));
      }
      optionalString("role", pod.role());
      if (pod.linuxInfo().isPresent()) {
        linuxInfo(pod.linuxInfo().get());
      }
      optionalBoolean("legacySharedCgroups", pod.legacySharedCgroups());
      g.writeEndObject();
    }

    private void container(Container c, PodPath p) throws IOException {
      g.writeStartObject();
      g.writeStringField("name", c.name());
      if (c.exec().isPresent()) {
        exec(c.exec().get());
      }
      resources(c.resources(), p.field("resources"));
      if (c.resourceLimits().isPresent()) {
        resourceLimits(c.resourceLimits().get(), p.field("resourceLimits"));
      }
      if (!c.endpoints().isEmpty()) {
        g.writeArrayFieldStart("endpoints");
        for (Endpoint e : c.endpoints()) {
          endpoint(e);
        }
        g.writeEndArray();
      }
      if (c.linuxInfo().isPresent()) {
        linuxInfo(c.linuxInfo().get());
      }
      if (c.image().isPresent()) {
        image(c.image().get());
      }
      environment(c.environment());
      optionalString("user", c.user());
      if (c.healthCheck().isPresent()) {
        healthCheck(c.healthCheck().get());
      }
      if (c.check().isPresent()) {
        check(c.check().get());
      }
      if (!c.volumeMounts().isEmpty()) {
        g.writeArrayFieldStart("volumeMounts");
        for (VolumeMount m : c.volumeMounts()) {
          g.writeStartObject();
          g.writeStringField("name", m.name());
          g.writeStringField("mountPath", m.mountPath());
          optionalBoolean("readOnly", m.readOnly());
          g.writeEndObject();
        }
        g.writeEndArray();
      }
      if (!c.artifacts().isEmpty()) {
        g.writeArrayFieldStart("artifacts");
        for (Artifact a : c.artifacts()) {
          artifact(a);
        }
        g.writeEndArray();
      }
      stringMap("labels", c.labels());
      if (c.lifecycle().isPresent()) {
        Lifecycle l = c.lifecycle().get();
        g.writeObjectFieldStart("lifecycle");
        optionalNumber("killGracePeriodSeconds", l.killGracePeriodSeconds(), p.field("lifecycle"));
        g.writeEndObject();
      }
      optionalBoolean("tty", c.tty());
      g.writeEndObject();
    }

    private void exec(Exec exec) throws IOException {
      g.writeObjectFieldStart("exec");
      g.writeFieldName("command");
      command(exec.command());
      optionalBoolean("overrideEntrypoint", exec.overrideEntrypoint());
      g.writeEndObject();
    }

    private void command(Command command) throws IOException {
      g.writeStartObject();
      if (command instanceof Command.Shell s) {
        g.writeStringField("shell", s.shell());
      } else if (command instanceof Command.Argv a) {
        stringArray("argv", a.argv(), true);
      }
      g.writeEndObject();
    }

    private void resources(Resources r, PodPath p) throws IOException {
      g.writeObjectFieldStart("resources");
      optionalNumber("cpus", r.cpus(), p);
      optionalNumber("mem", r.mem(), p);
      optionalNumber("disk", r.disk(), p);
      optionalInt("gpus", r.gpus());
      g.writeEndObject();
    }

    private void resourceLimits(ResourceLimits limits, PodPath p) throws IOException {
      g.writeObjectFieldStart("resourceLimits");
      resourceLimit("cpus", limits.cpus(), p);
      resourceLimit("mem", limits.mem(), p);
      g.writeEndObject();
    }

    private void resourceLimit(String name, Optional<ResourceLimit> limit, PodPath p) throws IOException {
      if (limit.isEmpty()) {
        return;
      }
      if (limit.get() instanceof ResourceLimit.Limited l) {
        g.writeFieldName(name);
        number(l.value(), p.field(name));
      } else {
        g.writeStringField(name, ResourceLimit.Unlimited.JSON);
      }
    }

    private void endpoint(Endpoint e) throws IOException {
      g.writeStartObject();
      g.writeStringField("name", e.name());
      optionalInt("containerPort", e.containerPort());
      optionalInt("hostPort", e.hostPort());
      stringArray("protocol", e.protocol(), false);
      stringMap("labels", e.labels());
      stringArray("networkNames", e.networkNames(), false);
      g.writeEndObject();
    }

    private void linuxInfo(LinuxInfo info) throws IOException {
      g.writeObjectFieldStart("linuxInfo");
      if (info.seccomp().isPresent()) {
        LinuxInfo.Seccomp s = info.seccomp().get();
        g.writeObjectFieldStart("seccomp");
        optionalString("profileName", s.profileName());
        optionalBoolean("unconfined", s.unconfined());
        g.writeEndObject();
      }
      if (info.ipcInfo().isPresent()) {
        LinuxInfo.IpcInfo ipc = info.ipcInfo().get();
        g.writeObjectFieldStart("ipcInfo");
        enumField("mode", ipc.mode());
        optionalInt("shmSize", ipc.shmSize());
        g.writeEndObject();
      }
      g.writeEndObject();
    }

    private void image(Image image) throws IOException {
      g.writeObjectFieldStart("image");
      enumField("kind", image.kind());
      g.writeStringField("id", image.id());
      if (image.pullConfig().isPresent()) {
        g.writeObjectFieldStart("pullConfig");
        g.writeStringField("secret", image.pullConfig().get().secret());
        g.writeEndObject();
      }
      optionalBoolean("forcePull", image.forcePull());
      stringMap("labels", image.labels());
      g.writeEndObject();
    }

    private void healthCheck(HealthCheck hc) throws IOException {
      g.writeObjectFieldStart("healthCheck");
      checkKind(hc.kind());
      optionalInt("gracePeriodSeconds", hc.gracePeriodSeconds());
      optionalInt("intervalSeconds", hc.intervalSeconds());
      optionalInt("maxConsecutiveFailures", hc.maxConsecutiveFailures());
      optionalInt("timeoutSeconds", hc.timeoutSeconds());
      optionalInt("delaySeconds", hc.delaySeconds());
      g.writeEndObject();
    }

    private void check(Check check) throws IOException {
      g.writeObjectFieldStart("check");
      checkKind(check.kind());
      optionalInt("intervalSeconds", check.intervalSeconds());
      optionalInt("timeoutSeconds", check.timeoutSeconds());
      optionalInt("delaySeconds", check.delaySeconds());
      g.writeEndObject();
    }

    private void checkKind(CheckKind kind) throws IOException {
      if (kind instanceof CheckKind.Http h) {
        g.writeObjectFieldStart("http");
        g.writeStringField("endpoint", h.endpoint());
        optionalString("path", h.path());
        if (h.scheme().isPresent()) {
          enumField("scheme", h.scheme().get());
        }
        g.writeEndObject();
      } else if (kind instanceof CheckKind.Tcp t) {
        g.writeObjectFieldStart("tcp");
        g.writeStringField("endpoint", t.endpoint());
        g.writeEndObject();
      } else if (kind instanceof CheckKind.Exec e) {
        g.writeObjectFieldStart("exec");
        g.writeFieldName("command");
        command(e.command());
        g.writeEndObject();
      }
    }

    private void artifact(Artifact a) throws IOException {
      g.writeStartObject();
      g.writeStringField("uri", a.uri());
      optionalBoolean("extract", a.extract());
      optionalBoolean("executable", a.executable());
      optionalBoolean("cache", a.cache());
      optionalString("destPath", a.destPath());
      g.writeEndObject();
    }

    private void environment(Map<String, EnvValue> env) throws IOException {
      if (env.isEmpty()) {
        return;
      }
      g.writeObjectFieldStart("environment");
      for (Map.Entry<String, EnvValue> e : env.entrySet()) {
        if (e.getValue() instanceof EnvValue.Literal l) {
          g.writeStringField(e.getKey(), l.value());
        } else if (e.getValue() instanceof EnvValue.SecretRef s) {
          g.writeObjectFieldStart(e.getKey());
          g.writeStringField("secret", s.secret());
          g.writeEndObject();
        }
      }
      g.writeEndObject();
    }

    private void secrets(Map<String, Secret> secrets) throws IOException {
      if (secrets.isEmpty()) {
        return;
      }
      g.writeObjectFieldStart("secrets");
      for (Map.Entry<String, Secret> e : secrets.entrySet()) {
        g.writeObjectFieldStart(e.getKey());
        g.writeStringField("source", e.getValue().source());
        g.writeEndObject();
      }
      g.writeEndObject();
    }

    private void volumes(List<Volume> volumes, PodPath p) throws IOException {
      if (volumes.isEmpty()) {
        return;
      }
      g.writeArrayFieldStart("volumes");
      for (int i = 0; i < volumes.size(); i++) {
        Volume v = volumes.get(i);
        g.writeStartObject();
        g.writeStringField("name", v.name());
        if (v instanceof Volume.Host h) {
          g.writeStringField("host", h.host());
        } else if (v instanceof Volume.SecretVolume s) {
          g.writeStringField("secret", s.secret());
        } else if (v instanceof Volume.Persistent pv) {
          persistent(pv.persistent());
        }
        g.writeEndObject();
      }
      g.writeEndArray();
    }

    private void persistent(PersistentVolumeInfo info) throws IOException {
      g.writeObjectFieldStart("persistent");
      if (info.type().isPresent()) {
        enumField("type", info.type().get());
      }
      g.writeNumberField("size", info.size());
      if (info.maxSize().isPresent()) {
        g.writeNumberField("maxSize", info.maxSize().get());
      }
      optionalString("profileName", info.profileName());
      if (!info.constraints().isEmpty()) {
        g.writeArrayFieldStart("constraints");
        for (List<String> c : info.constraints()) {
          g.writeStartArray();
          for (String s : c) {
            g.writeString(s);
          }
          g.writeEndArray();
        }
        g.writeEndArray();
      }
      g.writeEndObject();
    }

    private void networks(List<Network> networks) throws IOException {
      if (networks.isEmpty()) {
        return;
      }
      g.writeArrayFieldStart("networks");
      for (Network n : networks) {
        g.writeStartObject();
        optionalString("name", n.name());
        if (n.mode().isPresent()) {
          enumField("mode", n.mode().get());
        }
        stringMap("labels", n.labels());
        g.writeEndObject();
      }
      g.writeEndArray();
    }

    private void scaling(ScalingPolicy scaling) throws IOException {
      g.writeObjectFieldStart("scaling");
      if (scaling instanceof ScalingPolicy.Fixed f) {
        g.writeStringField("kind", ScalingPolicy.Fixed.KIND);
        optionalInt("instances", f.instances());
      }
      g.writeEndObject();
    }

    private void scheduling(SchedulingPolicy s, PodPath p) throws IOException {
      g.writeObjectFieldStart("scheduling");
      if (s.backoff().isPresent()) {
        SchedulingPolicy.Backoff b = s.backoff().get();
        PodPath bp = p.field("backoff");
        g.writeObjectFieldStart("backoff");
        optionalNumber("backoff", b.backoff(), bp);
        optionalNumber("backoffFactor", b.backoffFactor(), bp);
        optionalNumber("maxLaunchDelay", b.maxLaunchDelay(), bp);
        g.writeEndObject();
      }
      if (s.upgrade().isPresent()) {
        SchedulingPolicy.UpgradeStrategy u = s.upgrade().get();
        PodPath up = p.field("upgrade");
        g.writeObjectFieldStart("upgrade");
        optionalNumber("minimumHealthCapacity", u.minimumHealthCapacity(), up);
        optionalNumber("maximumOverCapacity", u.maximumOverCapacity(), up);
        g.writeEndObject();
      }
      if (s.placement().isPresent()) {
        SchedulingPolicy.Placement placement = s.placement().get();
        g.writeObjectFieldStart("placement");
        if (!placement.constraints().isEmpty()) {
          g.writeArrayFieldStart("constraints");
          for (Constraint c : placement.constraints()) {
            g.writeStartObject();
            g.writeStringField("fieldName", c.fieldName());
            enumField("operator", c.operator());
            optionalString("value", c.value());
            g.writeEndObject();
          }
          g.writeEndArray();
        }
        stringArray("acceptedResourceRoles", placement.acceptedResourceRoles(), false);
        g.writeEndObject();
      }
      if (s.killSelection().isPresent()) {
        enumField("killSelection", s.killSelection().get());
      }
      if (s.unreachableStrategy().isPresent()) {
        UnreachableStrategy strategy = s.unreachableStrategy().get();
        if (strategy instanceof UnreachableStrategy.Enabled e) {
          g.writeObjectFieldStart("unreachableStrategy");
          if (e.inactiveAfterSeconds().isPresent()) {
            g.writeNumberField("inactiveAfterSeconds", e.inactiveAfterSeconds().get());
          }
          if (e.expungeAfterSeconds().isPresent()) {
            g.writeNumberField("expungeAfterSeconds", e.expungeAfterSeconds().get());
          }
          g.writeEndObject();
        } else {
          g.writeStringField("unreachableStrategy", UnreachableStrategy.Disabled.JSON);
        }
      }
      g.writeEndObject();
    }

    private void executorResources(ExecutorResources r, PodPath p) throws IOException {
      g.writeObjectFieldStart("executorResources");
      optionalNumber("cpus", r.cpus(), p);
      optionalNumber("mem", r.mem(), p);
      optionalNumber("disk", r.disk(), p);
      g.writeEndObject();
    }

    // ------------------------------------------------------------ scalars

    private void stringMap(String name, Map<String, String> map) throws IOException {
      if (map.isEmpty()) {
        return;
      }
      g.writeObjectFieldStart(name);
      for (Map.Entry<String, String> e : map.entrySet()) {
        g.writeStringField(e.getKey(), e.getValue());
      }
      g.writeEndObject();
    }

    /** Writes a string array; an empty one only when {@code evenIfEmpty} (argv is required). */
    private void stringArray(String name, List<String> items, boolean evenIfEmpty) throws IOException {
      if (items.isEmpty() && !evenIfEmpty) {
        return;
      }
      g.writeArrayFieldStart(name);
      for (String s : items) {
        g.writeString(s);
      }
      g.writeEndArray();
    }

    private void optionalString(String name, Optional<String> value) throws IOException {
      if (value.isPresent()) {
        g.writeStringField(name, value.get());
      }
    }

    private void optionalBoolean(String name, Optional<Boolean> value) throws IOException {
      if (value.isPresent()) {
        g.writeBooleanField(name, value.get());
      }
    }

    private void optionalInt(String name, Optional<Integer> value) throws IOException {
      if (value.isPresent()) {
        g.writeNumberField(name, value.get());
      }
    }

    private void optionalNumber(String name, Optional<Double> value, PodPath parent) throws IOException {
      if (value.isPresent()) {
        g.writeFieldName(name);
        number(value.get(), parent.field(name));
      }
    }

    private void enumField(String name, PodEnum value) throws IOException {
      g.writeStringField(name, value.json());
    }

    /** Whole numbers without a fraction ({@code 128}, not {@code 128.0}); {@code -0.0} keeps its sign. */
    private void number(double d, PodPath p) throws IOException {
      if (Double.isNaN(d) || Double.isInfinite(d)) {
        throw new PodWriteException(p, "JSON cannot represent the number " + d);
      }
      boolean negativeZero = d == 0.0 && Double.doubleToRawLongBits(d) != 0L;
      if (!negativeZero && d == Math.rint(d) && Math.abs(d) < EXACT_LONG_LIMIT) {
        g.writeNumber((long) d);
      } else {
        g.writeNumber(d);
      }
    }
  }
}
