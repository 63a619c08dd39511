package io.podkit.validation;

import io.podkit.model.normalize.NormalizationConfig;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What Marathon took from its flags and cluster state, as values.
 *
 * @param secretsEnabled Marathon's {@code --enable_features secrets}: pod secrets, secret env values,
 *     secret volumes and image pull configs are allowed only when on
 * @param masterVersion the Mesos master's version; empty means unknown, which podkit takes as
 *     current (Marathon took it as 0.0.0 and rejected every exec health check until registration)
 * @param normalization default network name, {@code --mesos_role} and role-enforcing groups; used for
 *     the network, role and resident rules and to normalize the valid pod
 */
public record ValidationConfig(
    boolean secretsEnabled, Optional<MesosVersion> masterVersion, NormalizationConfig normalization) {

  /** Marathon's defaults: secrets off, master version unknown, no default network, role {@code *}. */
  public static final ValidationConfig DEFAULT =
      new ValidationConfig(false, Optional.empty(), NormalizationConfig.DEFAULT);

  public ValidationConfig {
    Objects.requireNonNull(masterVersion, "masterVersion");
    Objects.requireNonNull(normalization, "normalization");
  }

  public ValidationConfig withSecrets(boolean enabled) {
    return new ValidationConfig(enabled, masterVersion, normalization);
  }

  public ValidationConfig withMasterVersion(MesosVersion version) {
    return new ValidationConfig(secretsEnabled, Optional.of(version), normalization);
  }

  public ValidationConfig withDefaultNetworkName(String name) {
    return new ValidationConfig(secretsEnabled, masterVersion, normalization.withDefaultNetworkName(name));
  }

  public ValidationConfig withMesosRole(String role) {
    return new ValidationConfig(secretsEnabled, masterVersion, normalization.withMesosRole(role));
  }

  public ValidationConfig withEnforceRoleGroups(Set<String> groups) {
    return new ValidationConfig(secretsEnabled, masterVersion, normalization.withEnforceRoleGroups(groups));
  }
}
