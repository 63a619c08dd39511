package io.podkit.translator.offer;

import io.podkit.model.Container;
import io.podkit.model.ExecutorResources;
import io.podkit.model.PersistentVolumeType;
import io.podkit.model.Pod;
import io.podkit.model.Resources;
import io.podkit.model.Volume;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What a normalized pod asks of an offer, in thousandths: one row per consumer (the executor first,
 * then each container in pod order) with its cpus, mem, disk and gpus, and the persistent volumes
 * when they are to be reserved (E.2).
 */
record PodDemand(List<long[]> consumers, List<VolumeDemand> volumes) {

  /** A persistent volume to carve out of an offered disk, in pod volume order ({@code index}). */
  record VolumeDemand(int index, String name, PersistentVolumeType type, long sizeMillis,
      Optional<Long> maxSizeMillis, Optional<String> profileName, List<List<String>> constraints) {}

  /**
   * @param pod a normalized pod: executor and container resources are explicit
   * @param withVolumes whether persistent volume sizes count (a reservation) or not (a launch)
   */
  static PodDemand of(Pod pod, boolean withVolumes) {
    List<long[]> consumers = new ArrayList<>(pod.containers().size() + 1);
    ExecutorResources exec = pod.executorResources().orElseGet(ExecutorResources::defaults);
    consumers.add(new long[] {
        Millis.of(exec.cpusOrDefault()), Millis.of(exec.memOrDefault()), Millis.of(exec.diskOrDefault()), 0});
    for (Container c : pod.containers()) {
      Resources r = c.resources();
      consumers.add(new long[] {
          Millis.of(r.cpusOrDefault()), Millis.of(r.memOrDefault()), Millis.of(r.diskOrDefault()),
          Millis.ofWhole(r.gpusOrDefault())});
    }
    List<VolumeDemand> volumes = new ArrayList<>();
    if (withVolumes) {
      for (int i = 0; i < pod.volumes().size(); i++) {
        if (pod.volumes().get(i) instanceof Volume.Persistent p) {
          var info = p.persistent();
          volumes.add(new VolumeDemand(i, p.name(), info.typeOrDefault(), Millis.ofWhole(info.size()),
              info.maxSize().map(Millis::ofWhole), info.profileName(), info.constraints()));
        }
      }
    }
    return new PodDemand(List.copyOf(consumers), List.copyOf(volumes));
  }

  /** The sum over all consumers of one kind, without volumes; saturates ({@link Millis#sum}). */
  long total(ScalarKind kind) {
    long sum = 0;
    for (long[] c : consumers) {
      sum = Millis.sum(sum, c[kind.ordinal()]);
    }
    return sum;
  }

  /** The sum of the persistent volume sizes; saturates ({@link Millis#sum}). */
  long volumeTotal() {
    long sum = 0;
    for (VolumeDemand v : volumes) {
      sum = Millis.sum(sum, v.sizeMillis());
    }
    return sum;
  }
}
