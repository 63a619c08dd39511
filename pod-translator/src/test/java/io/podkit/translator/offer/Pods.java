package io.podkit.translator.offer;

import io.podkit.model.Constraint;
import io.podkit.model.Container;
import io.podkit.model.Endpoint;
import io.podkit.model.ExecutorResources;
import io.podkit.model.Pod;
import io.podkit.model.Resources;
import io.podkit.model.SchedulingPolicy;
import io.podkit.validation.PodValidator;
import io.podkit.validation.ValidPod;
import java.util.List;

/** Pods for the matcher's tests, validated (and so normalized) with the default validator. */
final class Pods {
  private Pods() {}

  static ValidPod valid(Pod pod) {
    return PodValidator.withDefaults().validate(pod).orElseThrow();
  }

  static ValidPod valid(Pod.Builder pod) {
    return valid(pod.build());
  }

  /** A container asking for exactly these resources. */
  static Container.Builder container(String name, double cpus, double mem, double disk, int gpus) {
    return Container.builder(name).shell("sleep 1000").resources(Resources.of(cpus, mem, disk, gpus));
  }

  /** {@code /web} with role {@code *}, the given executor resources and containers. */
  static Pod.Builder pod(ExecutorResources executor, Container.Builder... containers) {
    return pod("/web", executor, containers);
  }

  static Pod.Builder pod(String id, ExecutorResources executor, Container.Builder... containers) {
    Pod.Builder b = Pod.builder(id).executorResources(executor);
    for (Container.Builder c : containers) {
      b.container(c);
    }
    return b;
  }

  static Endpoint endpoint(String name, int hostPort) {
    return Endpoint.builder(name).hostPort(hostPort).build();
  }

  static SchedulingPolicy placement(List<Constraint> constraints, List<String> acceptedRoles) {
    return SchedulingPolicy.empty().withPlacement(SchedulingPolicy.Placement.of(constraints, acceptedRoles));
  }
}
