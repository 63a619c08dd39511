package io.podkit.model.normalize;

import com.google.common.collect.ImmutableSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The settings Marathon took from its command line and group definitions.
 *
 * @param defaultNetworkName {@code --default_network_name}: the name given to container networks
 *     that have none
 * @param mesosRole {@code --mesos_role}: the role of pods that name none (Marathon's default {@code *})
 * @param enforceRoleGroups top-level groups with {@code enforceRole: true}; a pod inside one of them
 *     that names no role gets the group's name as its role
 */
public record NormalizationConfig(Optional<String> defaultNetworkName, String mesosRole, Set<String> enforceRoleGroups) {
  /** Marathon's defaults: no default network, role {@code *}, no group enforces its role. */
  public static final NormalizationConfig DEFAULT = new NormalizationConfig(Optional.empty(), "*", Set.of());

  public NormalizationConfig {
    Objects.requireNonNull(defaultNetworkName, "defaultNetworkName");
    Objects.requireNonNull(mesosRole, "mesosRole");
    enforceRoleGroups = ImmutableSet.copyOf(enforceRoleGroups);
  }

  public NormalizationConfig withDefaultNetworkName(String name) {
    return new NormalizationConfig(Optional.of(name), mesosRole, enforceRoleGroups);
  }

  public NormalizationConfig withMesosRole(String role) {
    return new NormalizationConfig(defaultNetworkName, role, enforceRoleGroups);
  }

  public NormalizationConfig withEnforceRoleGroups(Set<String> groups) {
    return new NormalizationConfig(defaultNetworkName, mesosRole, groups);
  }
}
