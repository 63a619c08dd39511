package io.podkit.model.json;

import static org.assertj.core.api.Assertions.assertThat;

import io.podkit.model.Pod;
import io.podkit.model.arbitrary.PodArbitraries;
import java.nio.charset.StandardCharsets;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Round-trip properties of the JSON codec: any pod the model can express is written by
 * {@link PodWriter} and read back by {@link PodReader} unchanged (record equality, so doubles compare
 * with {@link Double#equals}: {@code -0.0} must stay {@code -0.0}).
 */
class RoundTripPropertiesTest {

  @Provide
  Arbitrary<Pod> pods() {
    return PodArbitraries.pods();
  }

  @Property(tries = 300)
  void anyBuiltPodSurvivesModelToJsonToModel(@ForAll("pods") Pod pod) {
    String json = PodWriter.compact().write(pod);
    ReadResult result = PodReader.strict().read(json);

    assertThat(result.errors()).as("errors reading %s", json).isEmpty();
    assertThat(result.pod()).as("pod read from %s", json).contains(pod);
  }

  @Property(tries = 300)
  void anyBuiltPodSurvivesPrettyJson(@ForAll("pods") Pod pod) {
    String json = PodWriter.pretty().write(pod);
    ReadResult result = PodReader.strict().read(json);

    assertThat(result.errors()).as("errors reading %s", json).isEmpty();
    assertThat(result.pod()).as("pod read from %s", json).contains(pod);
  }

  @Property(tries = 300)
  void anyBuiltPodSurvivesJsonBytes(@ForAll("pods") Pod pod) {
    byte[] json = PodWriter.compact().writeBytes(pod);
    ReadResult result = PodReader.strict().read(json);

    String shown = new String(json, StandardCharsets.UTF_8);
    assertThat(result.errors()).as("errors reading %s", shown).isEmpty();
    assertThat(result.pod()).as("pod read from %s", shown).contains(pod);
  }

  @Property(tries = 300)
  void lenientAndStrictAgreeOnWrittenPods(@ForAll("pods") Pod pod) {
    String json = PodWriter.compact().write(pod);
    ReadResult strict = PodReader.strict().read(json);
    ReadResult lenient = PodReader.lenient().read(json);

    assertThat(strict.errors()).as("strict errors reading %s", json).isEmpty();
    assertThat(lenient.errors()).as("lenient errors reading %s", json).isEmpty();
    assertThat(strict.warnings()).as("strict warnings reading %s", json).isEmpty();
    assertThat(lenient.warnings()).as("lenient warnings reading %s", json).isEmpty();
    assertThat(lenient.pod()).as("lenient pod read from %s", json).isPresent().isEqualTo(strict.pod());
  }
}
