package io.podkit.translator;

import io.podkit.model.Secret;
import org.apache.mesos.Protos;

/**
 * Turns a pod secret into the Mesos {@code Secret} that delivers it (DESIGN G11). The default is a
 * {@code REFERENCE} secret named by the secret's {@code source}; a framework with its own secret
 * store can map names differently.
 *
 * <p>A translator calls its mapper from every thread that translates, so implementations must be
 * thread-safe (the default is stateless).
 */
@FunctionalInterface
public interface SecretMapper {
  /** Maps pod secret {@code name} (a key of the pod's {@code secrets}) declared as {@code secret}. */
  Protos.Secret toMesos(String name, Secret secret);

  /** {@code Secret{type: REFERENCE, reference: {name: <source>}}}. */
  static SecretMapper byReference() {
    return (name, secret) -> Protos.Secret.newBuilder()
        .setType(Protos.Secret.Type.REFERENCE)
        .setReference(Protos.Secret.Reference.newBuilder().setName(secret.source()))
        .build();
  }
}
