package io.podkit.validation;

import static org.assertj.core.api.Assertions.assertThat;

import io.podkit.validation.arbitrary.NearValidPodArbitraries;
import io.podkit.validation.arbitrary.NearValidPodArbitraries.NearValidPod;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/**
 * The validator's contract on pods one mutation away from valid ones (docs/invariants.md, I4-I6),
 * where most rules fire: {@code validate} never throws, is deterministic, reports a valid pod exactly
 * when there is no violation, gives the same report from any thread, and what it calls valid stays
 * valid once normalized. ({@link PodValidatorTest} checks the same on arbitrary model pods.)
 */
class ValidatorPropertiesTest {
  private static final List<PodValidator> VALIDATORS = List.of(
      PodValidator.withDefaults(),
      new PodValidator(ValidationConfig.DEFAULT.withSecrets(true).withDefaultNetworkName("dcos").withMesosRole("dev")));

  @Provide
  Arbitrary<NearValidPod> nearValid() {
    return NearValidPodArbitraries.pods();
  }

  @Property(tries = 300)
  void validateNeverThrowsAndIsDeterministicOnNearValidPods(@ForAll("nearValid") NearValidPod near,
      @ForAll boolean other) {
    PodValidator validator = VALIDATORS.get(other ? 1 : 0);

    ValidationReport first = validator.validate(near.pod());

    assertThat(validator.validate(near.pod())).isEqualTo(first);
    assertThat(first.isValid()).isEqualTo(first.violations().isEmpty());
    assertThat(first.violations()).allSatisfy(v -> {
      assertThat(v.rule()).isNotBlank();
      assertThat(v.message()).isNotBlank();
      assertThat(v.pointer()).isEqualTo(v.path().pointer());
    });
  }

  @Property(tries = 200)
  void aValidPodStaysValidOnceNormalized(@ForAll("nearValid") NearValidPod near) {
    ValidationReport report = PodValidator.withDefaults().validate(near.pod());

    report.validPod().ifPresent(valid -> {
      ValidationReport again = PodValidator.withDefaults().validate(valid.pod());
      assertThat(again.violations()).as("normalized %s", valid.pod()).isEmpty();
      assertThat(again.orElseThrow().pod()).isEqualTo(valid.pod());
    });
  }

  @Test
  void oneValidatorGivesEveryThreadTheReportsOfOneThread() throws Exception {
    List<NearValidPod> pods = NearValidPodArbitraries.pods().sampleStream().limit(300).toList();
    PodValidator validator = VALIDATORS.get(1);
    List<ValidationReport> alone = pods.stream().map(p -> validator.validate(p.pod())).toList();
    ExecutorService threads = Executors.newFixedThreadPool(4);
    try {
      List<Future<List<ValidationReport>>> results = new ArrayList<>();
      for (int t = 0; t < 4; t++) {
        int offset = t;
        // Each thread starts elsewhere in the list, so different pods are validated at the same time.
        results.add(threads.submit(() -> {
          ValidationReport[] reports = new ValidationReport[pods.size()];
          for (int i = 0; i < pods.size(); i++) {
            int k = (i + offset * 75) % pods.size();
            reports[k] = validator.validate(pods.get(k).pod());
          }
          return List.of(reports);
        }));
      }
      for (Future<List<ValidationReport>> r : results) {
        assertThat(r.get()).isEqualTo(alone);
      }
    } finally {
      threads.shutdownNow();
    }
  }
}
