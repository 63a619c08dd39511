package io.podkit.validation.arbitrary;

import io.podkit.model.CheckKind;
import io.podkit.model.Command;
import io.podkit.model.Container;
import io.podkit.model.Endpoint;
import io.podkit.model.HealthCheck;
import io.podkit.model.Network;
import io.podkit.model.Pod;
import io.podkit.model.Resources;
import io.podkit.model.Volume;
import io.podkit.model.VolumeMount;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/**
 * Generators of pods that pass {@code PodValidator} with the default configuration: 1 to 4 containers with resources, commands, endpoints in
 * every network mode (none, host, bridge, named container networks), static and dynamic host ports
 * (static ones in {@link #STATIC_PORT_BASE}..+99), health checks of every kind, labels, environment
 * and shared volumes. Property tests downstream (translation, launching) start from these.
 */
public final class ValidPodArbitraries {
  /** Static host ports are chosen from this port upwards (100 of them). */
  public static final int STATIC_PORT_BASE = 31000;

  private ValidPodArbitraries() {}

  /** How the generated pod is networked. */
  public enum NetworkKind {
    NONE, HOST, BRIDGE, CONTAINER
  }

  /** Valid pods with 1 to 4 containers. */
  public static Arbitrary<Pod> pods() {
    return pods(4);
  }

  /** Valid pods with 1 to {@code maxContainers} containers. */
  public static Arbitrary<Pod> pods(int maxContainers) {
    return Combinators.combine(
            Arbitraries.of(NetworkKind.values()),
            Arbitraries.integers().between(1, maxContainers),
            Arbitraries.longs().between(0L, Long.MAX_VALUE),
            Arbitraries.of("/web", "/shop/web", "/a/b/c", "/ops/audit-log"))
        .as(ValidPodArbitraries::pod);
  }

  /** A pod drawn from {@code seed}: deterministic, so shrinking and replay work. */
  static Pod pod(NetworkKind network, int containers, long seed, String id) {
    java.util.Random random = new java.util.Random(seed);
    Pod.Builder pod = Pod.builder(id).label("team", "t" + random.nextInt(3));
    switch (network) {
      case HOST -> pod.network(Network.host());
      case BRIDGE -> pod.network(Network.bridge());
      case CONTAINER -> {
        pod.network(Network.container("net-a"));
        if (random.nextBoolean()) {
          pod.network(Network.container("net-b"));
        }
      }
      case NONE -> { }
    }
    boolean twoContainerNetworks = network == NetworkKind.CONTAINER
        && pod.build().networks().size() == 2;
    if (random.nextBoolean()) {
      pod.env("POD_LEVEL", "v" + random.nextInt(10));
    }
    boolean sharedVolume = containers > 1 && random.nextBoolean();
    if (sharedVolume) {
      pod.volume(Volume.ephemeral("shared"));
    }
    int staticPort = STATIC_PORT_BASE;
    int containerPort = 8000;
    List<Container> built = new ArrayList<>();
    for (int c = 0; c < containers; c++) {
      Container.Builder container = Container.builder("c" + c)
          .resources(Resources.of(pick(random, 0.1, 0.25, 0.5, 1.0), pick(random, 32, 64, 128),
              pick(random, 0, 0, 16), 0));
      switch (random.nextInt(3)) {
        case 0 -> container.shell("sleep " + (1000 + random.nextInt(1000)));
        case 1 -> container.argv("/bin/app", "--flag=" + random.nextInt(9));
        default -> container.image("registry.example.com/app:" + random.nextInt(5));
      }
      if (random.nextBoolean()) {
        container.label("role", "r" + random.nextInt(3));
      }
      if (random.nextBoolean()) {
        container.env("CONTAINER_LEVEL", "x" + random.nextInt(10));
      }
      int endpoints = random.nextInt(3);
      List<String> names = new ArrayList<>();
      for (int e = 0; e < endpoints; e++) {
        String name = "e" + c + "-" + e;
        names.add(name);
        Endpoint.Builder endpoint = Endpoint.builder(name).protocol(random.nextBoolean() ? "tcp" : "udp");
        boolean needsContainerPort = network == NetworkKind.CONTAINER;
        boolean forbidsContainerPort = network == NetworkKind.HOST;
        if (needsContainerPort || (!forbidsContainerPort && random.nextBoolean())) {
          endpoint.containerPort(containerPort++);
        }
        int hostPortChoice = random.nextInt(3);
        if (network == NetworkKind.CONTAINER && twoContainerNetworks) {
          // V-49: with two container networks a host port needs exactly one network name.
          if (hostPortChoice > 0) {
            endpoint.networkName(random.nextBoolean() ? "net-a" : "net-b");
          }
        }
        if (hostPortChoice == 1) {
          endpoint.hostPort(0);
        } else if (hostPortChoice == 2) {
          endpoint.hostPort(staticPort++);
        }
        container.endpoint(endpoint.build());
      }
      if (!names.isEmpty() && random.nextBoolean()) {
        String target = names.get(random.nextInt(names.size()));
        CheckKind kind = random.nextBoolean() ? CheckKind.http(target, "/health") : CheckKind.tcp(target);
        container.healthCheck(HealthCheck.of(kind).withTimings(30, 10, 3, 5, 15));
      } else if (random.nextInt(4) == 0) {
        container.healthCheck(HealthCheck.of(CheckKind.exec(Command.shell("true"))));
      }
      if (sharedVolume) {
        container.volumeMount(VolumeMount.of("shared", "shared"));
      }
      built.add(container.build());
    }
    return pod.containers(built).build();
  }

  private static double pick(java.util.Random random, double... values) {
    return values[random.nextInt(values.length)];
  }
}
