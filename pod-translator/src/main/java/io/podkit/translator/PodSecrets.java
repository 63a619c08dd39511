package io.podkit.translator;

import io.podkit.model.Pod;
import io.podkit.model.Secret;
import org.apache.mesos.Protos;

/**
 * The pod's secrets as Mesos {@code Secret}s (DESIGN G11): every reference to a pod secret (a secret
 * env value, a secret volume, a Docker pull config) is delivered natively through the configured
 * {@link SecretMapper}, where Marathon left all three to plugins.
 */
final class PodSecrets {
  private final Pod pod;
  private final SecretMapper mapper;

  PodSecrets(Pod pod, SecretMapper mapper) {
    this.pod = pod;
    this.mapper = mapper;
  }

  /** The Mesos secret delivering pod secret {@code name}. */
  Protos.Secret resolve(String name) {
    Secret secret = pod.secrets().get(name);
    if (secret == null) {
      // The validator rejects dangling references (V-08, V-11, V-51); reaching this is a contract breach.
      throw new PodTranslationException("pod " + pod.id() + " refers to secret '" + name
          + "', which is not among its secrets " + pod.secrets().keySet());
    }
    Protos.Secret mapped = mapper.toMesos(name, secret);
    if (mapped == null) {
      throw new PodTranslationException("the secret mapper returned no secret for '" + name + "'");
    }
    return mapped;
  }
}
