package io.podkit.validation;

import io.podkit.model.Container;
import io.podkit.model.EnvValue;
import io.podkit.model.Image;
import io.podkit.model.Pod;
import io.podkit.model.PodPath;
import io.podkit.model.Volume;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Pod secrets and everything that refers to them: the secrets feature gate (V-16, V-07, V-10, V-50),
 * non-empty secret names (V-17), and that every reference names a pod-level secret (V-08, V-11, V-51).
 * The existence checks run whether the feature is on or off, as in Marathon, so a pod is told about
 * dangling references before it is told to turn the feature on.
 */
final class SecretRules implements RuleGroup {
  private static final PodPath SECRETS = PodPath.of("secrets");

  @Override
  public void check(Pod pod, Findings findings) {
    boolean enabled = findings.config().secretsEnabled();
    Set<String> declared = pod.secrets().keySet();
    checkSecrets(pod, enabled, findings);
    checkEnvironment(pod.environment(), PodPath.of("environment"), enabled, declared, findings);
    List<Container> containers = pod.containers();
    for (int i = 0; i < containers.size(); i++) {
      Container c = containers.get(i);
      PodPath at = PodPath.of("containers", i);
      checkEnvironment(c.environment(), at.field("environment"), enabled, declared, findings);
      c.image().flatMap(Image::pullConfig).ifPresent(pull -> {
        PodPath pullAt = at.field("image").field("pullConfig");
        // V-50
        if (!enabled) {
          findings.add(Rule.PULL_CONFIG_FEATURE, pullAt);
        }
        // V-51
        if (!declared.contains(pull.secret())) {
          findings.add(Rule.PULL_CONFIG_UNDEFINED, pullAt);
        }
      });
    }
    checkSecretVolumes(pod, enabled, declared, findings);
  }

  private static void checkSecrets(Pod pod, boolean enabled, Findings findings) {
    // V-16
    if (!pod.secrets().isEmpty() && !enabled) {
      findings.add(Rule.SECRETS_FEATURE, SECRETS);
    }
    // V-17: reported at the empty key's own path, /secrets/ (Marathon: /secrets/keys(i))
    if (pod.secrets().containsKey("")) {
      findings.add(Rule.SECRET_NAME_EMPTY, SECRETS.field(""));
    }
  }

  private static void checkEnvironment(
      Map<String, EnvValue> env, PodPath at, boolean enabled, Set<String> declared, Findings findings) {
    // V-07
    if (!enabled && env.values().stream().anyMatch(v -> v instanceof EnvValue.SecretRef)) {
      findings.add(Rule.ENV_SECRET_FEATURE, at);
    }
    // V-08: container variables, too, resolve against the pod's secrets
    env.forEach((name, value) -> {
      if (value instanceof EnvValue.SecretRef ref && !declared.contains(ref.secret())) {
        findings.add(Rule.ENV_SECRET_UNDEFINED, at.field(name).field("secret"));
      }
    });
  }

  private static void checkSecretVolumes(Pod pod, boolean enabled, Set<String> declared, Findings findings) {
    List<Volume> volumes = pod.volumes();
    for (int i = 0; i < volumes.size(); i++) {
      if (volumes.get(i) instanceof Volume.SecretVolume sv) {
        // V-10: Marathon's /podSecretVolumes(pod) becomes the volume's own path
        if (!enabled) {
          findings.add(Rule.SECRET_VOLUME_FEATURE, PodPath.of("volumes", i));
        }
        // V-11: indexed among all volumes, not only the secret ones
        if (!declared.contains(sv.secret())) {
          findings.add(Rule.SECRET_VOLUME_UNDEFINED, PodPath.of("volumes", i, "secret"));
        }
      }
    }
  }
}
