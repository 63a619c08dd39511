package io.podkit.translator.offer;

import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Comparator;
import java.util.Locale;
import java.util.stream.Collectors;
import org.apache.mesos.Protos;

/**
 * Agent attributes as the text that placement constraints compare, exactly as Marathon's
 * {@code Constraints.getValueString} writes them: scalars with at most three decimals and no trailing
 * zeros ({@code 2}, {@code 2.5}), ranges as {@code [1-2,4-6]} sorted by begin, sets as {@code {a,b}}
 * sorted.
 */
final class AttributeText {
  private AttributeText() {}

  static String of(Protos.Attribute attribute) {
    return switch (attribute.getType()) {
      case SCALAR -> scalar(attribute.getScalar().getValue());
      case TEXT -> attribute.getText().getValue();
      case RANGES -> attribute.getRanges().getRangeList().stream()
          .sorted(Comparator.comparingLong(Protos.Value.Range::getBegin))
          .map(r -> r.getBegin() + "-" + r.getEnd())
          .collect(Collectors.joining(",", "[", "]"));
      case SET -> attribute.getSet().getItemList().stream().sorted().collect(Collectors.joining(",", "{", "}"));
    };
  }

  /**
   * Marathon's {@code DecimalFormat("0.###")} with half-even rounding; podkit pins the symbols to
   * {@link Locale#ROOT} so a JVM in another locale does not write {@code 2,5}.
   */
  static String scalar(double value) {
    DecimalFormat format = new DecimalFormat("0.###", DecimalFormatSymbols.getInstance(Locale.ROOT));
    format.setRoundingMode(RoundingMode.HALF_EVEN);
    return format.format(value);
  }
}
