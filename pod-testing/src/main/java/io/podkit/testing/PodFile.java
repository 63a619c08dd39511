package io.podkit.testing;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a test method parameter (of type {@link io.podkit.model.Pod} or
 * {@link io.podkit.validation.ValidPod}) that {@link PodSpecs} fills in by reading a pod file, so a
 * test states which spec it is about and gets the pod without any reading code:
 *
 * <pre>{@code
 * @PodSpecTest
 * class WebSpecTest {
 *   @Test
 *   void servesHttp(@PodFile("pods/web.json") Pod web) {
 *     assertThat(web.container("nginx")).isPresent();
 *   }
 * }
 * }</pre>
 *
 * <p>The file is found and read as by {@link PodAssertions#assertThatPod(String)}: a classpath
 * resource first, then a path relative to the working directory, read strictly.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.PARAMETER)
public @interface PodFile {
  /** The classpath resource or file path of the pod, e.g. {@code "pods/web.json"}. */
  String value();
}
