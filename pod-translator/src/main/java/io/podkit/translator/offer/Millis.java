package io.podkit.translator.offer;

import java.math.BigDecimal;

/**
 * Mesos scalars are fixed-point numbers with three decimals ({@code Value::Scalar} is rounded to
 * thousandths by the master), so podkit does all scalar arithmetic in whole thousandths held in a
 * {@code long}: sums and differences are exact and 0.1 + 0.2 is 0.3 (DESIGN G3).
 */
final class Millis {
  /**
   * A cap of 10^12 units per amount: far beyond any agent, and low enough that summing thousands of
   * amounts cannot overflow a {@code long}, so a hostile or broken offer cannot wrap a total.
   */
  static final long MAX = 1_000_000_000_000_000L;

  private Millis() {}

  /**
   * The thousandths of {@code value}, rounded to the nearest as Mesos does ({@code llround(v * 1000)});
   * zero for anything not positive (including NaN), because such an amount asks for nothing.
   */
  static long of(double value) {
    if (!(value > 0)) {
      return 0;
    }
    return Math.min(MAX, Math.round(value * 1000.0));
  }

  /**
   * {@code a + b} for amounts that are not negative, saturating at {@link Long#MAX_VALUE}: each amount
   * is capped at {@link #MAX}, but a pod with thousands of containers (or an offer with thousands of
   * resources) of that size would overflow a {@code long}. A saturated need never fits ({@link #fits}).
   */
  static long sum(long a, long b) {
    return b > Long.MAX_VALUE - a ? Long.MAX_VALUE : a + b;
  }

  /**
   * Whether a {@code need} fits in what is {@code available}. A need that saturated ({@link #sum})
   * never does: it is more than any offer can hold, and its true size is unknown.
   */
  static boolean fits(long need, long available) {
    return need != Long.MAX_VALUE && need <= available;
  }

  /** The thousandths of a whole number of MiB (persistent volume sizes). */
  static long ofWhole(long value) {
    if (value <= 0) {
      return 0;
    }
    return value >= MAX / 1000 ? MAX : value * 1000L;
  }

  /** The double closest to {@code millis} thousandths; Mesos reads it back to the same fixed-point value. */
  static double toDouble(long millis) {
    return millis / 1000.0;
  }

  /** Plain decimal text without trailing zeros: {@code 1500} → {@code "1.5"}, {@code 128000} → {@code "128"}. */
  static String format(long millis) {
    return BigDecimal.valueOf(millis, 3).stripTrailingZeros().toPlainString();
  }
}
