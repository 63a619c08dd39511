package io.podkit.translator;

import io.podkit.model.Pod;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.UUID;

/**
 * {@code MARATHON_APP_VERSION} (translation-rules C.3.4): the pod version in UTC with exactly three
 * millisecond digits. A pod without a version (never stored by a Marathon-like registry) takes the
 * time of its instance's time-based UUID, else the epoch, so the same inputs always give the same
 * value: never the current clock.
 */
final class AppVersion {
  private static final DateTimeFormatter FORMAT =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'", Locale.ROOT).withZone(ZoneOffset.UTC);
  /** 100 ns intervals between the UUID epoch (1582-10-15) and the Unix epoch. */
  private static final long GREGORIAN_TO_UNIX_100NS = 0x01b21dd213814000L;

  private AppVersion() {}

  static String of(Pod pod, InstanceId instanceId) {
    Instant version = pod.version().map(OffsetDateTime::toInstant).orElseGet(() -> fromUuid(instanceId.uuid()));
    return format(version);
  }

  /**
   * The instant as {@code yyyy-MM-dd'T'HH:mm:ss.SSS'Z'} in UTC. Years 1 to 9999 are written
   * digit by digit (a formatter is slow for a value every launch carries); others, which the
   * pattern writes with a sign or as the year of an era, go through the formatter.
   */
  static String format(Instant instant) {
    LocalDateTime t = LocalDateTime.ofEpochSecond(instant.getEpochSecond(), instant.getNano(), ZoneOffset.UTC);
    int year = t.getYear();
    if (year < 1 || year > 9999) {
      return FORMAT.format(instant);
    }
    char[] out = {'0', '0', '0', '0', '-', '0', '0', '-', '0', '0', 'T', '0', '0', ':', '0', '0', ':', '0', '0', '.',
        '0', '0', '0', 'Z'};
    digits(out, 0, 4, year);
    digits(out, 5, 2, t.getMonthValue());
    digits(out, 8, 2, t.getDayOfMonth());
    digits(out, 11, 2, t.getHour());
    digits(out, 14, 2, t.getMinute());
    digits(out, 17, 2, t.getSecond());
    digits(out, 20, 3, t.getNano() / 1_000_000);
    return new String(out);
  }

  /** Writes {@code value} as {@code width} decimal digits ending before {@code at + width}. */
  private static void digits(char[] out, int at, int width, int value) {
    for (int i = at + width - 1; i >= at; i--) {
      out[i] = (char) ('0' + value % 10);
      value /= 10;
    }
  }

  private static Instant fromUuid(UUID uuid) {
    if (uuid.version() != 1) {
      return Instant.EPOCH;
    }
    long ticks = uuid.timestamp() - GREGORIAN_TO_UNIX_100NS;
    return Instant.ofEpochMilli(Math.floorDiv(ticks, 10_000L));
  }
}
