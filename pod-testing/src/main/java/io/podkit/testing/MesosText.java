package io.podkit.testing;

import java.math.BigDecimal;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.mesos.Protos;

/** Mesos protobuf parts as short text for failure messages, and amounts compared as Mesos does. */
final class MesosText {
  private MesosText() {}

  /** The total of the scalar resources named {@code name}, in Mesos' fixed-point thousandths. */
  static long scalarMillis(List<Protos.Resource> resources, String name) {
    long total = 0;
    for (Protos.Resource r : resources) {
      if (r.getName().equals(name) && r.getType() == Protos.Value.Type.SCALAR) {
        total += millis(r.getScalar().getValue());
      }
    }
    return total;
  }

  /** Whether {@code name} is among the resources at all. */
  static boolean hasResource(List<Protos.Resource> resources, String name) {
    return resources.stream().anyMatch(r -> r.getName().equals(name));
  }

  /** Mesos keeps three decimals: 0.1 + 0.2 is 0.3, exactly, and so are the comparisons here. */
  static long millis(double amount) {
    return Math.round(amount * 1000);
  }

  static String amount(long millis) {
    return BigDecimal.valueOf(millis, 3).stripTrailingZeros().toPlainString();
  }

  static String amount(double value) {
    return amount(millis(value));
  }

  /** {@code cpus 0.5, mem 256, ports [31000-31000]}: every resource, in order. */
  static String resources(List<Protos.Resource> resources) {
    if (resources.isEmpty()) {
      return "none";
    }
    return resources.stream().map(MesosText::resource).collect(Collectors.joining(", "));
  }

  private static String resource(Protos.Resource r) {
    return switch (r.getType()) {
      case SCALAR -> r.getName() + " " + amount(r.getScalar().getValue());
      case RANGES -> r.getName() + " " + ranges(r.getRanges());
      case SET -> r.getName() + " " + r.getSet().getItemList();
      default -> r.getName();
    };
  }

  static String ranges(Protos.Value.Ranges ranges) {
    return ranges.getRangeList().stream().map(x -> x.getBegin() + "-" + x.getEnd())
        .collect(Collectors.joining(",", "[", "]"));
  }

  /** {@code key=value} for each label, or {@code none}. */
  /**
   * Why {@code labels} do not hold {@code key=value} ("it has no label k" or "k=other", then the labels
   * and {@code note}), or empty if they do.
   */
  static java.util.Optional<String> labelMismatch(Protos.Labels labels, String key, String value, String note) {
    java.util.Optional<Protos.Label> label = labels.getLabelsList().stream()
        .filter(l -> l.getKey().equals(key)).findFirst();
    if (label.isPresent() && label.get().getValue().equals(value)) {
      return java.util.Optional.empty();
    }
    return java.util.Optional.of(label.map(l -> key + "=" + l.getValue()).orElse("it has no label " + key)
        + " (its labels: " + labels(labels) + note + ")");
  }

  static String labels(Protos.Labels labels) {
    if (labels.getLabelsCount() == 0) {
      return "none";
    }
    return labels.getLabelsList().stream().map(l -> l.getKey() + "=" + l.getValue())
        .collect(Collectors.joining(", "));
  }
}
