/**
 * Unit-testing pod specs with one test-scope dependency: AssertJ-style assertions from a pod file to
 * its validation, its match with an offer and the Mesos tasks it becomes, plus a small JUnit 5
 * extension.
 *
 * <pre>{@code
 * import static io.podkit.testing.PodAssertions.assertThatPod;
 *
 * @Test
 * void webPodLaunches() {
 *   assertThatPod("pods/web.json")
 *       .isValid()
 *       .translatesWith(TestOffers.ample())
 *       .taskNamed("web").hasEnv("ENDPOINT_HTTP", "31000").hasImage("nginx:1.27");
 * }
 * }</pre>
 *
 * <ul>
 *   <li>{@link io.podkit.testing.PodAssertions}: the entry points;
 *   <li>{@link io.podkit.testing.PodAssert}: validation (every violation, located in the file),
 *       normalization, matching and translation;
 *   <li>{@link io.podkit.testing.TranslationAssert}, {@link io.podkit.testing.TaskAssert},
 *       {@link io.podkit.testing.ExecutorAssert}: the {@code LAUNCH_GROUP} a pod becomes;
 *   <li>{@link io.podkit.testing.TestOffers}: offers without hand-written protobufs;
 *   <li>{@link io.podkit.testing.PodSpecs}, {@link io.podkit.testing.PodSpecTest},
 *       {@link io.podkit.testing.PodFile}: pods as test parameters, and one test per pod file.
 * </ul>
 */
package io.podkit.testing;
