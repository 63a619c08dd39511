package io.podkit.translator.preflight;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.mesos.Protos;

/**
 * The validators of Mesos' {@code src/common/validation.cpp}: IDs, environments, secrets, volumes,
 * container infos, health checks and checks. Where Mesos stops at the first error of a list (one
 * environment variable, one volume), these return one message per offending element.
 */
final class CommonValidation {
  /** {@code NAME_MAX} on Linux, the limit of {@code validateID}. */
  private static final int NAME_MAX = 255;

  private CommonValidation() {}

  /** {@code validateID} (R16, R32): non-empty, at most 255 bytes, not a path component, no control characters or slashes. */
  static Optional<String> validateId(String id) {
    if (id.isEmpty()) {
      return Optional.of("ID must not be empty");
    }
    // std::string::length() counts bytes; a char is at most 3 UTF-8 bytes, so short ids need no encoding.
    if (id.length() * 3 > NAME_MAX && id.getBytes(StandardCharsets.UTF_8).length > NAME_MAX) {
      return Optional.of("ID must not be greater than " + NAME_MAX + " characters");
    }
    if (id.equals(".") || id.equals("..")) {
      return Optional.of("'" + id + "' is disallowed");
    }
    for (int i = 0; i < id.length(); i++) {
      char c = id.charAt(i);
      if (c < 0x20 || c == 0x7f || c == '/' || c == '\\') {
        return Optional.of("'" + id + "' contains invalid characters");
      }
    }
    return Optional.empty();
  }

  /** {@code validateSecret}: a REFERENCE secret needs a reference and no value, a VALUE secret the opposite. */
  static Optional<String> validateSecret(Protos.Secret secret) {
    switch (secret.getType()) {
      case REFERENCE:
        if (!secret.hasReference()) {
          return Optional.of("Secret of type REFERENCE must have the 'reference' field set");
        }
        if (secret.hasValue()) {
          return Optional.of("Secret '" + secret.getReference().getName()
              + "' of type REFERENCE must not have the 'value' field set");
        }
        break;
      case VALUE:
        if (!secret.hasValue()) {
          return Optional.of("Secret of type VALUE must have the 'value' field set");
        }
        if (secret.hasReference()) {
          return Optional.of("Secret of type VALUE must not have the 'reference' field set");
        }
        break;
      default:
        // Mesos accepts a secret of type UNKNOWN here.
        break;
    }
    return Optional.empty();
  }

  /** {@code validateEnvironment} (R24): one message per invalid variable. */
  static List<String> validateEnvironment(Protos.Environment environment) {
    List<String> errors = new ArrayList<>();
    for (Protos.Environment.Variable variable : environment.getVariablesList()) {
      String name = variable.getName();
      switch (variable.getType()) {
        case SECRET:
          if (!variable.hasSecret()) {
            errors.add("Environment variable '" + name + "' of type 'SECRET' must have a secret set");
          } else if (variable.hasValue()) {
            errors.add("Environment variable '" + name + "' of type 'SECRET' must not have a value set");
          } else {
            Optional<String> secret = validateSecret(variable.getSecret());
            if (secret.isPresent()) {
              errors.add("Environment variable '" + name + "' specifies an invalid secret: " + secret.get());
            } else if (containsNul(variable.getSecret().getValue().getData())) {
              errors.add("Environment variable '" + name + "' specifies a secret containing null bytes, which is"
                  + " not allowed in the environment");
            }
          }
          break;
        case VALUE:
          if (!variable.hasValue()) {
            errors.add("Environment variable '" + name + "' of type 'VALUE' must have a value set");
          } else if (variable.hasSecret()) {
            errors.add("Environment variable '" + name + "' of type 'VALUE' must not have a secret set");
          }
          break;
        default:
          errors.add("Environment variable of type 'UNKNOWN' is not allowed");
          break;
      }
    }
    return errors;
  }

  private static boolean containsNul(com.google.protobuf.ByteString data) {
    for (int i = 0; i < data.size(); i++) {
      if (data.byteAt(i) == 0) {
        return true;
      }
    }
    return false;
  }

  /** {@code validateCommandInfo}: only the environment is checked. */
  static List<String> validateCommandInfo(Protos.CommandInfo command) {
    return validateEnvironment(command.getEnvironment());
  }

  /** {@code validateVolume} (R25). */
  static Optional<String> validateVolume(Protos.Volume volume) {
    int count = (volume.hasHostPath() ? 1 : 0) + (volume.hasImage() ? 1 : 0) + (volume.hasSource() ? 1 : 0);
    if (count != 1) {
      return Optional.of("Only one of them should be set: 'host_path', 'image' and 'source'");
    }
    if (volume.hasSource()) {
      Protos.Volume.Source source = volume.getSource();
      switch (source.getType()) {
        case DOCKER_VOLUME:
          return source.hasDockerVolume() ? Optional.empty()
              : Optional.of("'source.docker_volume' is not set for DOCKER_VOLUME volume");
        case HOST_PATH:
          return source.hasHostPath() ? Optional.empty()
              : Optional.of("'source.host_path' is not set for HOST_PATH volume");
        case SANDBOX_PATH:
          return source.hasSandboxPath() ? Optional.empty()
              : Optional.of("'source.sandbox_path' is not set for SANDBOX_PATH volume");
        case SECRET:
          return source.hasSecret() ? Optional.empty()
              : Optional.of("'source.secret' is not set for SECRET volume");
        case CSI_VOLUME:
          if (!source.hasCsiVolume()) {
            return Optional.of("'source.csi_volume' is not set for CSI volume");
          }
          return source.getCsiVolume().hasStaticProvisioning() ? Optional.empty()
              : Optional.of("'source.csi_volume.static_provisioning' is not set for CSI volume");
        default:
          return Optional.of("'source.type' is unknown");
      }
    }
    return Optional.empty();
  }

  /**
   * {@code validateContainerInfo} (R25, R34): each volume, and a DOCKER container needs
   * {@code docker} without a {@code name} parameter. A type that does not match the union members
   * is only a warning in Mesos, so it is not reported.
   */
  static List<String> validateContainerInfo(Protos.ContainerInfo container) {
    List<String> errors = new ArrayList<>();
    for (Protos.Volume volume : container.getVolumesList()) {
      validateVolume(volume).ifPresent(e -> errors.add("Invalid volume: " + e));
    }
    if (container.getType() == Protos.ContainerInfo.Type.DOCKER) {
      if (!container.hasDocker()) {
        errors.add("DockerInfo 'docker' is not set for DOCKER typed ContainerInfo");
      } else if (container.getDocker().getParametersList().stream().anyMatch(p -> p.getKey().equals("name"))) {
        errors.add("Parameter in DockerInfo must not be 'name'");
      }
    }
    return errors;
  }

  /** {@code validateHealthCheck} (R22). */
  static List<String> validateHealthCheck(Protos.HealthCheck check) {
    List<String> errors = new ArrayList<>();
    if (!check.hasType()) {
      errors.add("HealthCheck must specify 'type'");
    } else {
      switch (check.getType()) {
        case COMMAND:
          if (!check.hasCommand()) {
            errors.add("Expecting 'command' to be set for COMMAND health check");
          } else if (!check.getCommand().hasValue()) {
            errors.add("Command health check must contain "
                + (check.getCommand().getShell() ? "'shell command'" : "'executable path'"));
          } else {
            validateCommandInfo(check.getCommand())
                .forEach(e -> errors.add("Health check's `CommandInfo` is invalid: " + e));
          }
          break;
        case HTTP:
          if (!check.hasHttp()) {
            errors.add("Expecting 'http' to be set for HTTP health check");
          } else {
            Protos.HealthCheck.HTTPCheckInfo http = check.getHttp();
            if (http.hasScheme() && !http.getScheme().equals("http") && !http.getScheme().equals("https")) {
              errors.add("Unsupported HTTP health check scheme: '" + http.getScheme() + "'");
            }
            if (http.hasPath() && !http.getPath().startsWith("/")) {
              errors.add("The path '" + http.getPath() + "' of HTTP health check must start with '/'");
            }
          }
          break;
        case TCP:
          if (!check.hasTcp()) {
            errors.add("Expecting 'tcp' to be set for TCP health check");
          }
          break;
        default:
          errors.add("'" + check.getType().name() + "' is not a valid health check type");
          break;
      }
    }
    nonNegative(check.hasDelaySeconds(), check.getDelaySeconds(), "delay_seconds", errors);
    nonNegative(check.hasGracePeriodSeconds(), check.getGracePeriodSeconds(), "grace_period_seconds", errors);
    nonNegative(check.hasIntervalSeconds(), check.getIntervalSeconds(), "interval_seconds", errors);
    nonNegative(check.hasTimeoutSeconds(), check.getTimeoutSeconds(), "timeout_seconds", errors);
    return errors;
  }

  /** {@code validateCheckInfo} (R21). */
  static List<String> validateCheckInfo(Protos.CheckInfo check) {
    List<String> errors = new ArrayList<>();
    if (!check.hasType()) {
      errors.add("CheckInfo must specify 'type'");
    } else {
      switch (check.getType()) {
        case COMMAND:
          if (!check.hasCommand()) {
            errors.add("Expecting 'command' to be set for COMMAND check");
          } else {
            Protos.CommandInfo command = check.getCommand().getCommand();
            if (!command.hasValue()) {
              errors.add("Command check must contain " + (command.getShell() ? "'shell command'" : "'executable path'"));
            } else {
              validateCommandInfo(command).forEach(e -> errors.add("Check's `CommandInfo` is invalid: " + e));
            }
          }
          break;
        case HTTP:
          if (!check.hasHttp()) {
            errors.add("Expecting 'http' to be set for HTTP check");
          } else if (check.getHttp().hasPath() && !check.getHttp().getPath().startsWith("/")) {
            errors.add("The path '" + check.getHttp().getPath() + "' of HTTP check must start with '/'");
          }
          break;
        case TCP:
          if (!check.hasTcp()) {
            errors.add("Expecting 'tcp' to be set for TCP check");
          }
          break;
        default:
          errors.add("'" + check.getType().name() + "' is not a valid check type");
          break;
      }
    }
    nonNegative(check.hasDelaySeconds(), check.getDelaySeconds(), "delay_seconds", errors);
    nonNegative(check.hasIntervalSeconds(), check.getIntervalSeconds(), "interval_seconds", errors);
    nonNegative(check.hasTimeoutSeconds(), check.getTimeoutSeconds(), "timeout_seconds", errors);
    return errors;
  }

  private static void nonNegative(boolean has, double value, String field, List<String> errors) {
    if (has && value < 0.0) {
      errors.add("Expecting '" + field + "' to be non-negative");
    }
  }
}
