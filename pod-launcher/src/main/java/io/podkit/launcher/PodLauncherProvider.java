package io.podkit.launcher;

import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;

/**
 * Makes a {@link PodLauncher} from settings, so launchers can be found through
 * {@link ServiceLoader} (register in {@code META-INF/services/io.podkit.launcher.PodLauncherProvider}).
 *
 * <p>Providers should be stateless and thread-safe (podkit's are); the launchers they make must be
 * thread-safe, as every {@link PodLauncher}.
 */
public interface PodLauncherProvider {
  /** The name settings and tools use to pick this provider, e.g. {@code http}. */
  String name();

  /**
   * A launcher configured by {@code settings} (keys are the provider's own).
   *
   * @throws IllegalArgumentException if a required setting is missing or malformed
   */
  PodLauncher create(Map<String, String> settings);

  /** The provider named {@code name} on the class path, if any. */
  static Optional<PodLauncherProvider> named(String name) {
    for (PodLauncherProvider p : ServiceLoader.load(PodLauncherProvider.class)) {
      if (p.name().equals(name)) {
        return Optional.of(p);
      }
    }
    return Optional.empty();
  }
}
