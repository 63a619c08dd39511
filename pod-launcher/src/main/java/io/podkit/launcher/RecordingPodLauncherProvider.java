package io.podkit.launcher;

import java.util.Map;
import java.util.TreeSet;

/**
 * Finds {@link RecordingPodLauncher} under the name {@value #NAME}, so a tool configured by provider
 * name can run against no Mesos at all (a dry run, or a test of the tool itself). Each call of
 * {@link #create} makes a new launcher with its own records. Stateless and thread-safe.
 */
public final class RecordingPodLauncherProvider implements PodLauncherProvider {
  /** The provider's name. */
  public static final String NAME = "recording";

  /** Called by {@link java.util.ServiceLoader}. */
  public RecordingPodLauncherProvider() {}

  @Override
  public String name() {
    return NAME;
  }

  /**
   * A new {@link RecordingPodLauncher}.
   *
   * @throws IllegalArgumentException if {@code settings} has any key: this launcher takes none, and a
   *     key given anyway is most likely meant for another provider
   */
  @Override
  public RecordingPodLauncher create(Map<String, String> settings) {
    if (!settings.isEmpty()) {
      throw new IllegalArgumentException("the '" + NAME + "' launcher takes no settings, but got "
          + new TreeSet<>(settings.keySet()));
    }
    return new RecordingPodLauncher();
  }
}
