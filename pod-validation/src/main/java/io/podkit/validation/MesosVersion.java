package io.podkit.validation;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A Mesos master version, {@code major.minor.patch}; some pod features need a minimum version. */
public record MesosVersion(int major, int minor, int patch) implements Comparable<MesosVersion> {
  /** Command (exec) health checks need this master version (Marathon's check; its docs say 1.2). */
  public static final MesosVersion COMMAND_HEALTH_CHECKS = new MesosVersion(1, 3, 0);

  private static final Pattern FORMAT = Pattern.compile("(\\d{1,9})\\.(\\d{1,9})(?:\\.(\\d{1,9}))?(?:[-+].*)?");

  public MesosVersion {
    if (major < 0 || minor < 0 || patch < 0) {
      throw new IllegalArgumentException("version numbers must be >= 0");
    }
  }

  /**
   * Parses {@code 1.11.0} (also {@code 1.11} and suffixes like {@code 1.11.0-rc1}).
   *
   * @throws IllegalArgumentException if {@code text} is not a version
   */
  public static MesosVersion parse(String text) {
    Matcher m = FORMAT.matcher(text.trim());
    if (!m.matches()) {
      throw new IllegalArgumentException("not a Mesos version (major.minor.patch): " + text);
    }
    return new MesosVersion(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
        m.group(3) == null ? 0 : Integer.parseInt(m.group(3)));
  }

  @Override
  public int compareTo(MesosVersion o) {
    if (major != o.major) {
      return Integer.compare(major, o.major);
    }
    if (minor != o.minor) {
      return Integer.compare(minor, o.minor);
    }
    return Integer.compare(patch, o.patch);
  }

  public boolean isAtLeast(MesosVersion other) {
    return compareTo(other) >= 0;
  }

  @Override
  public String toString() {
    return major + "." + minor + "." + patch;
  }
}
