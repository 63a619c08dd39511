package io.podkit.translator;

import com.google.common.collect.ImmutableList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What Marathon took from its flags when building a task group.
 *
 * @param envPrefix {@code --env_vars_prefix}: prepended to the ENDPOINT_/EP_ variables only
 * @param bridgeName {@code --mesos_bridge_name}: the CNI network of {@code container/bridge} pods
 * @param secretMapper how pod secrets become Mesos secrets
 * @param customizers hooks run on the built executor and task group, in order
 */
public record TranslationConfig(
    Optional<String> envPrefix,
    String bridgeName,
    SecretMapper secretMapper,
    List<TaskGroupCustomizer> customizers) {

  /** Marathon's default bridge network name. */
  public static final String DEFAULT_BRIDGE_NAME = "mesos-bridge";

  /** No prefix, bridge {@code mesos-bridge}, secrets by reference, no customizers. */
  public static final TranslationConfig DEFAULT = new TranslationConfig(
      Optional.empty(), DEFAULT_BRIDGE_NAME, SecretMapper.byReference(), List.of());

  public TranslationConfig {
    Objects.requireNonNull(envPrefix, "envPrefix");
    Objects.requireNonNull(bridgeName, "bridgeName");
    Objects.requireNonNull(secretMapper, "secretMapper");
    customizers = ImmutableList.copyOf(customizers);
  }

  public TranslationConfig withEnvPrefix(String prefix) {
    return new TranslationConfig(Optional.of(prefix), bridgeName, secretMapper, customizers);
  }

  public TranslationConfig withBridgeName(String name) {
    return new TranslationConfig(envPrefix, name, secretMapper, customizers);
  }

  public TranslationConfig withSecretMapper(SecretMapper mapper) {
    return new TranslationConfig(envPrefix, bridgeName, mapper, customizers);
  }

  public TranslationConfig withCustomizer(TaskGroupCustomizer customizer) {
    return new TranslationConfig(envPrefix, bridgeName, secretMapper,
        ImmutableList.<TaskGroupCustomizer>builder().addAll(customizers).add(customizer).build());
  }
}
