package io.podkit.testing;

import io.podkit.model.Pod;
import io.podkit.translator.InstanceId;
import java.nio.file.Path;
import java.util.Objects;
import java.util.UUID;

/**
 * Entry points for testing pod specs in one line, AssertJ style:
 *
 * <pre>{@code
 * assertThatPod("pods/web.json").isValid();
 * assertThatPod("pods/broken.json").hasViolation("/containers(0)/name", Rule.CONTAINER_NAME);
 * assertThatPod("pods/web.json")
 *     .translatesWith(TestOffers.ample())
 *     .taskNamed("web").hasEnv("ENDPOINT_HTTP", "31000");
 * }</pre>
 *
 * <p>Files are read strictly (an unknown field is an error, as {@code podctl} reports it), because a
 * spec that only works thanks to a lenient reader is a spec with a typo. A file that cannot be
 * found or read as a pod fails right here, listing every problem as {@code file:line:column: path:
 * message}, so the failed test points at the line to fix.
 */
public final class PodAssertions {
  /**
   * The instance UUID of every translation made by {@link PodAssert#translatesWith}: fixed, so task
   * and executor ids are the same on every run and can be asserted on. A version 1 UUID, as
   * Marathon's instance ids are.
   */
  public static final UUID INSTANCE_UUID = UUID.fromString("00000000-0000-1000-8000-000000000000");

  private PodAssertions() {}

  /**
   * Reads the pod at {@code resourceOrPath}: a classpath resource if there is one of that name (so
   * fixtures under {@code src/test/resources} work from any working directory), else a file path
   * relative to the working directory.
   *
   * @throws AssertionError if there is no such resource or file, it cannot be read, or it is not a
   *     pod (each reader error listed with file, line and column)
   */
  public static PodAssert assertThatPod(String resourceOrPath) {
    return new PodAssert(PodLoader.load(resourceOrPath));
  }

  /**
   * Reads the pod in {@code file}.
   *
   * @throws AssertionError if the file cannot be read or is not a pod (each reader error listed with
   *     file, line and column)
   */
  public static PodAssert assertThatPod(Path file) {
    Objects.requireNonNull(file, "file");
    return new PodAssert(PodLoader.load(file, file.toString()));
  }

  /** Asserts on a pod built in code; violations are reported by path, without file positions. */
  public static PodAssert assertThatPod(Pod pod) {
    return new PodAssert(PodSource.of(pod));
  }

  /**
   * The id of the instance {@link PodAssert#translatesWith} launches for pod {@code podId}, built on
   * {@link #INSTANCE_UUID}; use it to spell expected task ids, e.g.
   * {@code instanceOf("/shop/web").taskId("nginx")}.
   */
  public static InstanceId instanceOf(String podId) {
    return new InstanceId(podId, INSTANCE_UUID);
  }
}
