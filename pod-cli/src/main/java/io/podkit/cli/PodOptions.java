package io.podkit.cli;

import io.podkit.model.json.PodReader;
import io.podkit.validation.MesosVersion;
import io.podkit.validation.ValidationConfig;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;

/**
 * How a pod file is read and checked: the reader mode and the Marathon flags validation and
 * normalization depend on. A mixin, so that every command that reads a pod spells these options the
 * same way and reaches the same verdict for the same file.
 *
 * <p>Secrets are on by default, unlike Marathon's {@code --enable_features}: a pod file handed to
 * podctl is most likely meant for a cluster that has them, and {@code --no-secrets} checks a pod
 * against one that does not.
 */
final class PodOptions {
  @Option(names = "--lenient", description = "ignore unknown fields (warn) instead of rejecting them")
  boolean lenient;

  @Option(names = "--no-secrets",
      description = "turn Marathon's secrets feature off: pod secrets, secret env values, secret volumes and "
          + "pull configs become errors (secrets are on by default)")
  boolean noSecrets;

  @Option(names = "--default-network", paramLabel = "NAME",
      description = "name for container networks that have none (Marathon's --default_network_name)")
  String defaultNetwork;

  @Option(names = "--mesos-version", paramLabel = "X.Y.Z", converter = MesosVersionConverter.class,
      description = "the Mesos master's version, for the features that need one (exec health checks need "
          + "1.3.0); unknown (taken as current) if not given")
  MesosVersion mesosVersion;

  @Option(names = {"--role", "--mesos-role"}, paramLabel = "ROLE", defaultValue = "*",
      description = "role of pods that name none (Marathon's --mesos_role; default ${DEFAULT-VALUE})")
  String role;

  /** The strict or lenient reader. */
  PodReader reader() {
    return lenient ? PodReader.lenient() : PodReader.strict();
  }

  /** The validation (and normalization) settings these options describe. */
  ValidationConfig validationConfig() {
    ValidationConfig config = ValidationConfig.DEFAULT.withSecrets(!noSecrets).withMesosRole(role);
    if (defaultNetwork != null) {
      config = config.withDefaultNetworkName(defaultNetwork);
    }
    if (mesosVersion != null) {
      config = config.withMasterVersion(mesosVersion);
    }
    return config;
  }

  /** Turns a bad version into a usage error (exit 2) with a readable message. */
  static final class MesosVersionConverter implements ITypeConverter<MesosVersion> {
    @Override
    public MesosVersion convert(String value) {
      try {
        return MesosVersion.parse(value);
      } catch (IllegalArgumentException e) {
        throw new TypeConversionException("'" + value + "' is not a Mesos version (major.minor.patch, e.g. 1.11.0)");
      }
    }
  }
}
