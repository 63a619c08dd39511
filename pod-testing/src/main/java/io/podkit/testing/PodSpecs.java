package io.podkit.testing;

import io.podkit.model.Pod;
import io.podkit.validation.PodValidator;
import io.podkit.validation.ValidPod;
import io.podkit.validation.ValidationConfig;
import io.podkit.validation.ValidationReport;
import java.io.IOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * JUnit 5 support for pod specs, in two small pieces.
 *
 * <p><b>Pods as parameters.</b> Registered with {@code @ExtendWith(PodSpecs.class)} or
 * {@link PodSpecTest @PodSpecTest}, this extension fills in test method parameters annotated
 * {@link PodFile @PodFile("pods/web.json")}: a {@link Pod} parameter gets the pod as read, a
 * {@link ValidPod} parameter the pod validated with {@link ValidationConfig#DEFAULT} (normalized, as
 * the translator takes it). The file is read strictly; a file that is missing or not a pod, or
 * invalid for a {@code ValidPod} parameter, fails the test with every problem listed as
 * {@code file:line:column: path: message}.
 *
 * <pre>{@code
 * @PodSpecTest
 * class WebSpecTest {
 *   @Test
 *   void hasTwoContainers(@PodFile("pods/web.json") Pod web) {
 *     assertThat(web.containers()).hasSize(2);
 *   }
 * }
 * }</pre>
 *
 * <p><b>Every pod in a directory.</b> {@link #validatePods(String)} makes one dynamic test per
 * {@code *.json} file under a directory, each named after its file, so a repository of specs gets
 * a guard against invalid pods in one method, and a failure names the file that broke:
 *
 * <pre>{@code
 * @TestFactory
 * Stream<DynamicTest> everyPodIsValid() {
 *   return PodSpecs.validatePods("pods/");
 * }
 * }</pre>
 */
public final class PodSpecs implements ParameterResolver {
  /** Used by JUnit when the extension is registered with {@code @ExtendWith} or {@code @PodSpecTest}. */
  public PodSpecs() {}

  /** Claims every {@code @PodFile} parameter, so a wrong parameter type gets a message from here. */
  @Override
  public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
    return parameterContext.isAnnotated(PodFile.class);
  }

  /** Reads the pod the parameter's {@code @PodFile} names, and validates it for a {@code ValidPod}. */
  @Override
  public Object resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
    String location = parameterContext.findAnnotation(PodFile.class).orElseThrow().value();
    Class<?> type = parameterContext.getParameter().getType();
    if (type != Pod.class && type != ValidPod.class) {
      throw new ParameterResolutionException("@PodFile(\"" + location + "\") fills in parameters of type "
          + Pod.class.getName() + " or " + ValidPod.class.getName() + ", but parameter "
          + parameterContext.getParameter().getName() + " has type " + type.getName());
    }
    PodSource source;
    try {
      source = PodLoader.load(location);
    } catch (AssertionError e) {
      throw new ParameterResolutionException(e.getMessage(), e);
    }
    if (type == Pod.class) {
      return source.pod();
    }
    ValidationReport report = PodValidator.withDefaults().validate(source.pod());
    if (!report.isValid()) {
      int n = report.violations().size();
      throw new ParameterResolutionException("Expecting " + source.describe() + " to be valid for a ValidPod "
          + "parameter, but it has " + n + (n == 1 ? " violation" : " violations") + ":\n"
          + source.list(report.violations()));
    }
    return report.orElseThrow();
  }

  /**
   * One dynamic test per {@code *.json} file under {@code directory} (searched recursively, in
   * path order), each asserting that the file reads strictly and is a valid pod under
   * {@link ValidationConfig#DEFAULT}. Use it as the body of a {@code @TestFactory} method.
   *
   * @param directory a classpath directory (found in a classes directory, not inside a jar) or a
   *     path relative to the working directory, e.g. {@code "pods/"}
   * @throws AssertionError if there is no such directory; a directory without pod files gives one
   *     failing test, so a misspelt or emptied directory does not pass silently
   */
  public static Stream<DynamicTest> validatePods(String directory) {
    return validatePods(directory, ValidationConfig.DEFAULT);
  }

  /** As {@link #validatePods(String)}, validating with the framework's {@code config}. */
  public static Stream<DynamicTest> validatePods(String directory, ValidationConfig config) {
    Objects.requireNonNull(directory, "directory");
    Objects.requireNonNull(config, "config");
    Path root = directory(directory);
    String base = directory.endsWith("/") ? directory.substring(0, directory.length() - 1) : directory;
    List<Path> files;
    try (Stream<Path> walk = Files.walk(root)) {
      files = walk.filter(Files::isRegularFile)
          .filter(p -> p.getFileName().toString().endsWith(".json"))
          .sorted()
          .collect(Collectors.toList());
    } catch (IOException e) {
      throw new AssertionError(directory + ": cannot list pod files: " + e, e);
    }
    if (files.isEmpty()) {
      return Stream.of(DynamicTest.dynamicTest("no pod files under " + directory, () -> {
        throw new AssertionError("Expecting pod files (*.json) under " + directory + " (" + root
            + "), but there are none");
      }));
    }
    return files.stream().map(file -> {
      String relative = root.relativize(file).toString().replace(file.getFileSystem().getSeparator(), "/");
      String name = base.isEmpty() ? relative : base + "/" + relative;
      return DynamicTest.dynamicTest(name, file.toUri(),
          () -> new PodAssert(PodLoader.load(file, name)).withConfig(config).isValid());
    });
  }

  /** The directory {@code location} names: a classpath directory first, then a path. */
  private static Path directory(String location) {
    Optional<URL> resource = PodLoader.resource(location);
    if (resource.isPresent()) {
      Optional<Path> path = PodLoader.asPath(resource.get());
      if (path.isPresent() && Files.isDirectory(path.get())) {
        return path.get();
      }
      if (path.isEmpty()) {
        throw new AssertionError(location + ": the classpath directory is inside " + resource.get()
            + ", which validatePods cannot list; keep the pods in a directory (src/test/resources) or give a path");
      }
    }
    Path path = Path.of(location);
    if (!Files.isDirectory(path)) {
      throw new AssertionError(location + ": no such classpath directory or directory (paths are relative to the "
          + "working directory " + PodLoader.workingDirectory() + ")");
    }
    return path;
  }
}
