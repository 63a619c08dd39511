package io.podkit.model;

import com.google.common.collect.ImmutableList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The size and disk kind of a local persistent volume. {@code constraints} are disk-path constraints,
 * each a list of strings (in practice {@code ["path", "LIKE", regex]}).
 */
public record PersistentVolumeInfo(
    Optional<PersistentVolumeType> type,
    long size,
    Optional<Long> maxSize,
    Optional<String> profileName,
    List<List<String>> constraints) {

  public PersistentVolumeInfo {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(maxSize, "maxSize");
    Objects.requireNonNull(profileName, "profileName");
    constraints = constraints.stream().map(ImmutableList::copyOf).collect(ImmutableList.toImmutableList());
  }

  /** A volume of {@code size} MiB with every optional member absent. */
  public static PersistentVolumeInfo ofSize(long size) {
    return new PersistentVolumeInfo(Optional.empty(), size, Optional.empty(), Optional.empty(), List.of());
  }

  /** Marathon's default: {@code mount} when a profile is named, else {@code root}. */
  public PersistentVolumeType typeOrDefault() {
    return type.orElse(profileName.isPresent() ? PersistentVolumeType.MOUNT : PersistentVolumeType.ROOT);
  }
}
