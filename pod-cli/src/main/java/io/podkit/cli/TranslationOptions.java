package io.podkit.cli;

import io.podkit.model.Constraint;
import io.podkit.model.Pod;
import io.podkit.model.SchedulingPolicy;
import io.podkit.translator.InstanceId;
import io.podkit.translator.TranslationConfig;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;

/**
 * The options that shape a translation, shared by {@code translate}, {@code env} and
 * {@code launch} so that the three agree on what a pod becomes.
 */
final class TranslationOptions {
  /** The reservation principal when {@code --principal} is not given. */
  static final String DEFAULT_PRINCIPAL = "podkit";

  @Option(names = "--instance-uuid", paramLabel = "UUID", converter = UuidConverter.class,
      description = "UUID of the instance (task and executor ids); default a fresh time-based one. With it, "
          + "the output is reproducible byte for byte")
  UUID instanceUuid;

  @Option(names = "--env-prefix", paramLabel = "P",
      description = "prefix of the ENDPOINT_/EP_HOST_/EP_CONTAINER_ variables (Marathon's --env_vars_prefix)")
  String envPrefix;

  @Option(names = "--bridge-name", paramLabel = "NAME",
      description = "CNI network of container/bridge pods (Marathon's --mesos_bridge_name; default "
          + TranslationConfig.DEFAULT_BRIDGE_NAME + ")")
  String bridgeName;

  @Option(names = "--accepted-roles", paramLabel = "R1,R2", split = ",",
      description = "replace the pod's scheduling.placement.acceptedResourceRoles with these roles before "
          + "validation and matching: only offered resources of these roles are used (validation allows \"*\" "
          + "and the pod's role)")
  List<String> acceptedRoles;

  @Option(names = "--principal", paramLabel = "NAME", defaultValue = DEFAULT_PRINCIPAL,
      description = "principal of the dynamic reservations and persistent volumes of a resident pod "
          + "(Marathon's --mesos_authentication_principal; default ${DEFAULT-VALUE})")
  String principal;

  @Option(names = "--on-reservation",
      description = "for a resident pod: launch instance --instance-uuid on the reservation and volumes its "
          + "first launch made (the offer must hold them), instead of reserving")
  boolean onReservation;

  /** The translator's settings. */
  TranslationConfig translationConfig() {
    TranslationConfig config = TranslationConfig.DEFAULT;
    if (envPrefix != null) {
      config = config.withEnvPrefix(envPrefix);
    }
    if (bridgeName != null) {
      config = config.withBridgeName(bridgeName);
    }
    return config;
  }

  /**
   * {@code --accepted-roles} applied to {@code pod}: the placement's roles replaced, its constraints
   * kept. Done before validation, so the roles are checked like roles written in the file.
   */
  Pod adjust(Pod pod) {
    if (acceptedRoles == null) {
      return pod;
    }
    SchedulingPolicy scheduling = pod.scheduling().orElse(SchedulingPolicy.empty());
    List<Constraint> constraints = scheduling.placement()
        .map(SchedulingPolicy.Placement::constraints).orElse(List.of());
    return pod.toBuilder()
        .scheduling(scheduling.withPlacement(SchedulingPolicy.Placement.of(constraints, acceptedRoles)))
        .build();
  }

  /**
   * The instance to launch: {@code --instance-uuid}, or a fresh time-based UUID.
   *
   * @throws CommandException (exit 2) for {@code --on-reservation} without {@code --instance-uuid}, or
   *     on a pod that has no reservation to launch on
   */
  InstanceId instance(Pod normalized) {
    if (onReservation) {
      if (!normalized.isResident()) {
        throw new CommandException(PodCtl.EXIT_USAGE, "podctl: --on-reservation: pod " + normalized.id()
            + " has no persistent volume, so it has no reservation to launch on");
      }
      if (instanceUuid == null) {
        throw new CommandException(PodCtl.EXIT_USAGE, "podctl: --on-reservation needs --instance-uuid: the "
            + "instance whose reservation to launch on");
      }
    }
    return new InstanceId(normalized.id(),
        Optional.ofNullable(instanceUuid).orElseGet(() -> InstanceId.timeBasedUuid(System.currentTimeMillis())));
  }

  /** A malformed UUID is a usage error (exit 2). */
  static final class UuidConverter implements ITypeConverter<UUID> {
    @Override
    public UUID convert(String value) {
      try {
        UUID uuid = UUID.fromString(value);
        // UUID.fromString accepts short groups ("1-2-3-4-5"); only the canonical form round-trips.
        if (!uuid.toString().equalsIgnoreCase(value)) {
          throw new IllegalArgumentException(value);
        }
        return uuid;
      } catch (IllegalArgumentException e) {
        throw new TypeConversionException("'" + value + "' is not a UUID (8-4-4-4-12 hex digits)");
      }
    }
  }
}
