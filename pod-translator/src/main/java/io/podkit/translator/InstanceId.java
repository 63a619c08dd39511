package io.podkit.translator;

import io.podkit.model.Pod;
import java.security.SecureRandom;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One launch of a pod, identified as Marathon does (translation-rules.md A.3, A.4): the pod path
 * and a UUID, time-based for new instances. Marathon parses these strings back from task statuses,
 * so the formats are exact:
 *
 * <ul>
 *   <li>instance: {@code <safeId>.instance-<uuid>}, e.g. {@code product_frontend.instance-3f0c...};
 *   <li>executor: {@code instance-<safeId>.<uuid>} (the prefix comes first here);
 *   <li>task: {@code <instance>.<container>.<incarnation>}, incarnation 1 for a new instance.
 * </ul>
 *
 * where {@code safeId} is the pod path's segments joined with {@code _}.
 *
 * <p>Immutable; the static methods are thread-safe ({@link #create} draws from one shared
 * {@link SecureRandom}, which is).
 */
public record InstanceId(String podId, UUID uuid) {
  private static final Pattern TASK_ID =
      Pattern.compile("^(.+)\\.(instance-|marathon-)([^_.]+)[._]([^.]+)\\.(\\d+)$");
  private static final Pattern INSTANCE_ID = Pattern.compile("^(.+)\\.(instance-|marathon-)([^.]+)$");
  private static final long GREGORIAN_TO_UNIX_100NS = 0x01b21dd213814000L;
  private static final SecureRandom RANDOM = new SecureRandom();

  public InstanceId {
    Objects.requireNonNull(podId, "podId");
    Objects.requireNonNull(uuid, "uuid");
  }

  /** A new instance of {@code podId} with a fresh time-based (version 1) UUID, as Marathon makes them. */
  public static InstanceId create(String podId) {
    return new InstanceId(podId, timeBasedUuid(System.currentTimeMillis()));
  }

  /** The pod path's segments joined with {@code _}: {@code /product/frontend} → {@code product_frontend}. */
  public String safePodId() {
    return safePodId(podId);
  }

  /** {@code <safeId>.instance-<uuid>}. */
  public String idString() {
    return safePodId() + ".instance-" + uuid;
  }

  /** {@code instance-<safeId>.<uuid>}: the executor id of this instance. */
  public String executorId() {
    return "instance-" + safePodId() + "." + uuid;
  }

  /** The id of the task running container {@code containerName} in this (new) instance. */
  public String taskId(String containerName) {
    return taskId(containerName, 1);
  }

  /** The id of the task running {@code containerName}, at {@code incarnation} (1 for a new instance). */
  public String taskId(String containerName, int incarnation) {
    return idString() + "." + containerName + "." + incarnation;
  }

  /**
   * A task id taken apart: its instance (pod safe id, prefix {@code instance-}, or {@code marathon-}
   * for legacy ids, and UUID), container name and incarnation.
   */
  public record TaskRef(String safePodId, String prefix, UUID uuid, String containerName, int incarnation) {
    /** The instance id string, {@code <safeId>.<prefix><uuid>}, as the task id spells it. */
    public String instanceIdString() {
      return safePodId + "." + prefix + uuid;
    }
  }

  /** Parses a task id made by {@link #taskId}; empty if it is not one (Marathon's first parse rule). */
  public static Optional<TaskRef> parseTaskId(String taskId) {
    Matcher m = TASK_ID.matcher(taskId);
    if (!m.matches()) {
      return Optional.empty();
    }
    try {
      return Optional.of(new TaskRef(m.group(1), m.group(2), UUID.fromString(m.group(3)), m.group(4),
          Integer.parseInt(m.group(5))));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  /** Parses an instance id string; empty if it is not one. The pod path cannot be recovered exactly. */
  public static Optional<UUID> parseInstanceUuid(String instanceId) {
    Matcher m = INSTANCE_ID.matcher(instanceId);
    if (!m.matches()) {
      return Optional.empty();
    }
    try {
      return Optional.of(UUID.fromString(m.group(3)));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  /** {@code podId}'s segments joined with {@code _}, as in every id of its instances ({@link Pod#safeId}). */
  public static String safePodId(String podId) {
    return Pod.safeId(podId);
  }



  /** A version 1 (time-based) UUID for {@code epochMillis}, with a random clock sequence and node. */
  public static UUID timeBasedUuid(long epochMillis) {
    long ticks = epochMillis * 10_000L + GREGORIAN_TO_UNIX_100NS + RANDOM.nextInt(10_000);
    long msb = (ticks << 32) | ((ticks >>> 16) & 0xFFFF0000L) | 0x1000L | ((ticks >>> 48) & 0x0FFFL);
    long clockSeq = RANDOM.nextInt(1 << 14) | 0x8000L;
    long node = (RANDOM.nextLong() & 0xFFFFFFFFFFFFL) | 0x010000000000L; // multicast bit: not a MAC
    return new UUID(msb, (clockSeq << 48) | node);
  }
}
