package io.podkit.cli;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.mesos.Protos;

/**
 * Mesos resources in a line for people: amounts of the same name added up ({@code cpus 0.6, mem
 * 320}), ranges listed ({@code ports 31000-31001}), in order of first appearance. Amounts are added
 * as decimals so that the sum of 0.1 and 0.2 reads 0.3, as Mesos' fixed-point arithmetic has it.
 */
final class ResourceText {
  private ResourceText() {}

  static String describe(List<Protos.Resource> resources) {
    Map<String, BigDecimal> scalars = new LinkedHashMap<>();
    Map<String, List<String>> ranges = new LinkedHashMap<>();
    List<String> order = new ArrayList<>();
    for (Protos.Resource r : resources) {
      if (!order.contains(r.getName())) {
        order.add(r.getName());
      }
      switch (r.getType()) {
        case SCALAR -> scalars.merge(r.getName(), BigDecimal.valueOf(r.getScalar().getValue()), BigDecimal::add);
        case RANGES -> r.getRanges().getRangeList().forEach(range -> ranges.computeIfAbsent(r.getName(),
            n -> new ArrayList<>()).add(range.getBegin() == range.getEnd()
                ? Long.toString(range.getBegin()) : range.getBegin() + "-" + range.getEnd()));
        case SET -> ranges.computeIfAbsent(r.getName(), n -> new ArrayList<>()).addAll(r.getSet().getItemList());
        default -> ranges.computeIfAbsent(r.getName(), n -> new ArrayList<>()).add(r.getType().name());
      }
    }
    List<String> parts = new ArrayList<>();
    for (String name : order) {
      if (scalars.containsKey(name)) {
        parts.add(name + " " + number(scalars.get(name)));
      }
      if (ranges.containsKey(name)) {
        parts.add(name + " " + String.join(",", ranges.get(name)));
      }
    }
    return parts.isEmpty() ? "no resources" : String.join(", ", parts);
  }

  /** {@code 0.5}, {@code 256}, never {@code 256.0} or {@code 2.56E+2}. */
  static String number(BigDecimal value) {
    BigDecimal stripped = value.stripTrailingZeros();
    return (stripped.scale() < 0 ? stripped.setScale(0) : stripped).toPlainString();
  }
}
