package io.podkit.translator;

import java.util.Map;
import org.apache.mesos.Protos;

/** Key/value maps as Mesos {@code Labels}, in the map's (insertion) order so the output is stable. */
final class MesosLabels {
  private MesosLabels() {}

  /** {@code labels} as a {@code Labels} message; empty labels give an empty message. */
  static Protos.Labels of(Map<String, String> labels) {
    Protos.Labels.Builder out = Protos.Labels.newBuilder();
    labels.forEach((key, value) -> out.addLabels(Protos.Label.newBuilder().setKey(key).setValue(value)));
    return out.build();
  }
}
