package io.podkit.testing;

import io.podkit.model.json.PodReader;
import io.podkit.model.json.ReadProblem;
import io.podkit.model.json.ReadResult;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Finds and reads pod files for tests: a classpath resource first (so fixtures under
 * {@code src/test/resources} work from any working directory), then a file path. Reading is always
 * strict, as a pod spec under review should be: a misspelt field fails the test. Anything that keeps
 * the file from becoming a pod throws an {@link AssertionError} whose message lists the reader's
 * problems in compiler style, {@code file:line:column: path: message}.
 */
final class PodLoader {
  private PodLoader() {}

  /** Reads {@code location}, a classpath resource name or else a file path. */
  static PodSource load(String location) {
    Objects.requireNonNull(location, "resourceOrPath");
    Optional<URL> resource = resource(location);
    if (resource.isPresent()) {
      URL url = resource.get();
      Optional<Path> onDisk = asPath(url);
      if (onDisk.isPresent()) {
        return load(onDisk.get(), location);
      }
      try (InputStream in = url.openStream()) {
        return fromResult(location, PodReader.strict().read(in));
      } catch (IOException e) {
        throw new AssertionError(location + ": cannot read classpath resource " + url + ": " + e.getMessage(), e);
      }
    }
    Path path;
    try {
      path = Path.of(location);
    } catch (InvalidPathException e) {
      throw new AssertionError(location + ": no such classpath resource, and not a valid file path: "
          + e.getMessage(), e);
    }
    if (!Files.exists(path)) {
      throw new AssertionError(location + ": no such classpath resource or file (file paths are relative to the "
          + "working directory " + workingDirectory() + ")");
    }
    return load(path, location);
  }

  /** Reads the file {@code path}, naming it {@code name} in messages. */
  static PodSource load(Path path, String name) {
    Objects.requireNonNull(path, "path");
    if (Files.isDirectory(path)) {
      throw new AssertionError(name + ": cannot read: is a directory");
    }
    ReadResult result;
    try {
      result = PodReader.strict().read(path);
    } catch (NoSuchFileException e) {
      throw new AssertionError(name + ": no such file (the working directory is " + workingDirectory() + ")", e);
    } catch (IOException e) {
      throw new AssertionError(name + ": cannot read: " + e, e);
    }
    return fromResult(name, result);
  }

  /** The pod of a successful read, or an {@link AssertionError} listing every error in compiler style. */
  static PodSource fromResult(String name, ReadResult result) {
    if (!result.ok()) {
      int n = result.errors().size();
      throw new AssertionError("Expecting " + name + " to be read as a pod, but it has " + n
          + (n == 1 ? " error" : " errors") + ":\n"
          + result.errors().stream().map(p -> "  " + located(name, p)).collect(Collectors.joining("\n")));
    }
    return new PodSource(result.orElseThrow(), Optional.of(name), result.sourceMap(), false);
  }

  /** Compiler style, as {@code podctl} prints it: {@code file:line:column: path: message}. */
  static String located(String name, ReadProblem p) {
    return name + ":" + p.line() + ":" + p.column() + ": " + p.path().marathon() + ": " + p.message();
  }

  /** The classpath resource {@code location}, looked up as the test's class loader sees it. */
  static Optional<URL> resource(String location) {
    String name = location.startsWith("/") ? location.substring(1) : location;
    if (name.isEmpty()) {
      return Optional.empty();
    }
    ClassLoader context = Thread.currentThread().getContextClassLoader();
    URL url = context == null ? null : context.getResource(name);
    if (url == null) {
      url = PodLoader.class.getClassLoader().getResource(name);
    }
    return Optional.ofNullable(url);
  }

  /** The file behind a {@code file:} URL (a resource in a classes directory); empty for one inside a jar. */
  static Optional<Path> asPath(URL url) {
    if (!"file".equals(url.getProtocol())) {
      return Optional.empty();
    }
    try {
      return Optional.of(Path.of(url.toURI()));
    } catch (URISyntaxException | IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  static Path workingDirectory() {
    return Path.of("").toAbsolutePath();
  }
}
