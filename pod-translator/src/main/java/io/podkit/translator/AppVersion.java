package io.podkit.translator;

import io.podkit.model.Pod;
import java.time.Instant;
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

  static String format(Instant instant) {
    return FORMAT.format(instant);
  }

  private static Instant fromUuid(UUID uuid) {
    if (uuid.version() != 1) {
      return Instant.EPOCH;
    }
    long ticks = uuid.timestamp() - GREGORIAN_TO_UNIX_100NS;
    return Instant.ofEpochMilli(Math.floorDiv(ticks, 10_000L));
  }
}
