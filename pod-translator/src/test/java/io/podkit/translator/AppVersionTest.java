package io.podkit.translator;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/** C.3.4: {@code MARATHON_APP_VERSION} is the version in UTC with exactly three millisecond digits. */
class AppVersionTest {
  private static final DateTimeFormatter PATTERN =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'", Locale.ROOT).withZone(ZoneOffset.UTC);

  @Test
  void writesMillisecondsAlwaysAndTruncates() {
    assertThat(AppVersion.format(Instant.parse("2024-03-05T07:08:09Z"))).isEqualTo("2024-03-05T07:08:09.000Z");
    assertThat(AppVersion.format(Instant.parse("2024-03-05T07:08:09.123999Z"))).isEqualTo("2024-03-05T07:08:09.123Z");
    assertThat(AppVersion.format(Instant.EPOCH)).isEqualTo("1970-01-01T00:00:00.000Z");
    assertThat(AppVersion.format(Instant.parse("0999-12-31T23:59:59.999Z"))).isEqualTo("0999-12-31T23:59:59.999Z");
  }

  @Property(tries = 3000)
  void writesWhatThePatternWrites(@ForAll("instants") Instant instant) {
    assertThat(AppVersion.format(instant)).isEqualTo(PATTERN.format(instant));
  }

  @Provide
  Arbitrary<Instant> instants() {
    // from year -2000 to 12000: the written years and the formatter's years outside them
    Arbitrary<Long> seconds = Arbitraries.oneOf(
        Arbitraries.longs().between(-125_000_000_000L, 316_000_000_000L),
        Arbitraries.longs().between(-62_135_596_900L, -62_135_596_700L),
        Arbitraries.longs().between(253_402_300_700L, 253_402_300_900L),
        Arbitraries.longs().between(0, 4_102_444_800L));
    Arbitrary<Integer> nanos = Arbitraries.oneOf(Arbitraries.integers().between(0, 999_999_999),
        Arbitraries.of(0, 999_999, 1_000_000, 999_000_000, 999_999_999));
    return Combinators.combine(seconds, nanos).as(Instant::ofEpochSecond);
  }
}
