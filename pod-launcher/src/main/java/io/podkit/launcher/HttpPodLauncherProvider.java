package io.podkit.launcher;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * The {@code http} provider: an {@link HttpPodLauncher} for the Mesos v1 scheduler HTTP API, made
 * from settings so tools can pick it by name through {@link PodLauncherProvider#named}.
 *
 * <p>Settings:
 * <ul>
 *   <li>{@code master} (required): the master's URL, e.g. {@code http://leader.mesos:5050}
 *       ({@value HttpPodLauncher#SCHEDULER_PATH} is appended unless present);
 *   <li>{@code streamId} (required): the {@code Mesos-Stream-Id} of the framework's SUBSCRIBE
 *       response;
 *   <li>{@code contentType}: {@code protobuf} (default) or {@code json};
 *   <li>{@code timeoutMillis}: the request timeout in milliseconds (default
 *       {@link HttpPodLauncher#DEFAULT_REQUEST_TIMEOUT});
 *   <li>{@code connectTimeoutMillis}: the connect timeout in milliseconds (default
 *       {@link HttpPodLauncher#DEFAULT_CONNECT_TIMEOUT});
 *   <li>{@code maxRedirects}: 307 redirects followed per call (default
 *       {@value HttpPodLauncher#DEFAULT_MAX_REDIRECTS}).
 * </ul>
 * Any other key is refused: a misspelt optional setting ({@code timeoutMilis}) would otherwise be
 * ignored without a word and the launcher would run with a default the user did not choose.
 *
 * <p>Stateless and thread-safe.
 */
public final class HttpPodLauncherProvider implements PodLauncherProvider {
  /** The name this provider is found by. */
  public static final String NAME = "http";

  public static final String MASTER = "master";
  public static final String STREAM_ID = "streamId";
  public static final String CONTENT_TYPE = "contentType";
  public static final String TIMEOUT_MILLIS = "timeoutMillis";
  public static final String CONNECT_TIMEOUT_MILLIS = "connectTimeoutMillis";
  public static final String MAX_REDIRECTS = "maxRedirects";

  private static final Set<String> KNOWN =
      Set.of(MASTER, STREAM_ID, CONTENT_TYPE, TIMEOUT_MILLIS, CONNECT_TIMEOUT_MILLIS, MAX_REDIRECTS);

  /** Public no-argument constructor, for {@link java.util.ServiceLoader}. */
  public HttpPodLauncherProvider() {}

  @Override
  public String name() {
    return NAME;
  }

  /**
   * @throws IllegalArgumentException if {@code master} or {@code streamId} is missing, a value is
   *     malformed, or a key is not one of the settings above
   */
  @Override
  public HttpPodLauncher create(Map<String, String> settings) {
    Objects.requireNonNull(settings, "settings");
    Set<String> unknown = new TreeSet<>(settings.keySet());
    unknown.removeAll(KNOWN);
    if (!unknown.isEmpty()) {
      throw new IllegalArgumentException("unknown setting" + (unknown.size() == 1 ? " " : "s ") + unknown
          + " for the http launcher; known: " + new TreeSet<>(KNOWN));
    }
    HttpPodLauncher.Builder builder = HttpPodLauncher.builder(master(required(settings, MASTER)),
        required(settings, STREAM_ID));
    String contentType = settings.get(CONTENT_TYPE);
    if (contentType != null) {
      builder.contentType(contentType(contentType));
    }
    String timeout = settings.get(TIMEOUT_MILLIS);
    if (timeout != null) {
      builder.requestTimeout(Duration.ofMillis(positiveLong(TIMEOUT_MILLIS, timeout)));
    }
    String connectTimeout = settings.get(CONNECT_TIMEOUT_MILLIS);
    if (connectTimeout != null) {
      builder.connectTimeout(Duration.ofMillis(positiveLong(CONNECT_TIMEOUT_MILLIS, connectTimeout)));
    }
    String maxRedirects = settings.get(MAX_REDIRECTS);
    if (maxRedirects != null) {
      builder.maxRedirects(nonNegativeInt(MAX_REDIRECTS, maxRedirects));
    }
    return builder.build();
  }

  private static String required(Map<String, String> settings, String key) {
    String value = settings.get(key);
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException("the http launcher needs the setting '" + key + "'");
    }
    return value.strip();
  }

  private static URI master(String value) {
    try {
      return new URI(value);
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException("setting 'master' is not a URL: " + e.getMessage(), e);
    }
  }

  private static HttpPodLauncher.ContentType contentType(String value) {
    return switch (value.strip().toLowerCase(Locale.ROOT)) {
      case "protobuf" -> HttpPodLauncher.ContentType.PROTOBUF;
      case "json" -> HttpPodLauncher.ContentType.JSON;
      default -> throw new IllegalArgumentException("setting 'contentType' must be 'protobuf' or 'json', not '"
          + value + "'");
    };
  }

  private static long positiveLong(String key, String value) {
    try {
      long n = Long.parseLong(value.strip());
      if (n > 0) {
        return n;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new IllegalArgumentException("setting '" + key + "' must be a positive number of milliseconds, not '"
        + value + "'");
  }

  private static int nonNegativeInt(String key, String value) {
    try {
      int n = Integer.parseInt(value.strip());
      if (n >= 0) {
        return n;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new IllegalArgumentException("setting '" + key + "' must be a whole number of at least 0, not '"
        + value + "'");
  }
}
