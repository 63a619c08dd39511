package io.podkit.validation.arbitrary;

import static org.assertj.core.api.Assertions.assertThat;

import io.podkit.model.Pod;
import io.podkit.validation.PodValidator;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** The generator keeps its promise: every pod it makes is valid. */
class ValidPodArbitrariesTest {
  @Provide
  Arbitrary<Pod> pods() {
    return ValidPodArbitraries.pods();
  }

  @Property(tries = 500)
  void everyGeneratedPodIsValid(@ForAll("pods") Pod pod) {
    assertThat(PodValidator.withDefaults().validate(pod).violations()).isEmpty();
  }
}
