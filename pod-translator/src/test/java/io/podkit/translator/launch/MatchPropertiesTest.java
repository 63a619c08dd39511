package io.podkit.translator.launch;

import static org.assertj.core.api.Assertions.assertThat;

import io.podkit.model.Pod;
import io.podkit.translator.InstanceId;
import io.podkit.translator.TaskGroupTranslator;
import io.podkit.translator.Translation;
import io.podkit.translator.TranslationConfig;
import io.podkit.translator.launch.OfferArbitraries.Shortfall;
import io.podkit.translator.offer.MatchConfig;
import io.podkit.translator.offer.MatchResult;
import io.podkit.translator.offer.NoMatchReason;
import io.podkit.translator.offer.OfferMatcher;
import io.podkit.translator.v1.MesosJson;
import io.podkit.validation.PodValidator;
import io.podkit.validation.ValidPod;
import io.podkit.validation.arbitrary.ValidPodArbitraries;
import java.util.List;
import java.util.UUID;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.apache.mesos.Protos;

/**
 * Matching properties beyond {@link LaunchPropertiesTest} (docs/invariants.md, I10-I11): an offer short
 * of any one thing a valid pod needs gives a NoMatch naming that thing, and no offer at all, however
 * malformed, makes the matcher (or the translation of what it matched) throw.
 */
class MatchPropertiesTest {
  private static final PodValidator VALIDATOR = PodValidator.withDefaults();
  private static final OfferMatcher MATCHER = new OfferMatcher(MatchConfig.DEFAULT);
  private static final TaskGroupTranslator TRANSLATOR = new TaskGroupTranslator(TranslationConfig.DEFAULT);
  private static final UUID INSTANCE = UUID.fromString("3f0c6e1a-1d2b-11ef-9c41-0242ac120002");

  @Provide
  Arbitrary<Pod> pods() {
    return ValidPodArbitraries.pods();
  }

  @Property(tries = 200)
  void anOfferShortOfOneThingGivesANoMatchNamingIt(@ForAll("pods") Pod pod, @ForAll Shortfall shortfall,
      @ForAll @IntRange(min = 1, max = 4) int fragments, @ForAll long seed) {
    ValidPod valid = VALIDATOR.validate(pod).orElseThrow();
    Assume.that(shortfall.appliesTo(valid.pod()));

    MatchResult result = MATCHER.match(valid, OfferArbitraries.shortOf(valid.pod(), shortfall, fragments, seed));

    assertThat(result).as("%s", result).isInstanceOf(MatchResult.NoMatch.class);
    List<NoMatchReason> reasons = ((MatchResult.NoMatch) result).reasons();
    assertThat(reasons).isNotEmpty().allSatisfy(r -> assertThat(r.message()).isNotBlank());
    NoMatchReason.Kind expected = switch (shortfall) {
      case CPUS -> NoMatchReason.Kind.INSUFFICIENT_CPUS;
      case MEM -> NoMatchReason.Kind.INSUFFICIENT_MEM;
      case DISK -> NoMatchReason.Kind.INSUFFICIENT_DISK;
      case HOST_PORTS, STATIC_PORT -> NoMatchReason.Kind.INSUFFICIENT_PORTS;
      case ROLE -> NoMatchReason.Kind.ROLE_NOT_ACCEPTED;
    };
    assertThat(reasons).extracting(NoMatchReason::kind).contains(expected);
  }

  @Property(tries = 300)
  void noOfferMakesTheMatcherOrTheTranslationThrow(@ForAll("pods") Pod pod, @ForAll long seed) {
    ValidPod valid = VALIDATOR.validate(pod).orElseThrow();
    Protos.Offer offer = OfferArbitraries.arbitrary(seed);

    MatchResult result = MATCHER.match(valid, offer);

    if (result instanceof MatchResult.Match match) {
      Translation t = TRANSLATOR.translate(valid, offer, match.resources(), new InstanceId(valid.pod().id(), INSTANCE));
      assertThat(t.taskGroup().getTasksCount()).isEqualTo(valid.pod().containers().size());
      assertThat(MesosJson.printOperations(List.of(t.launchGroup()))).contains("LAUNCH_GROUP");
    } else {
      assertThat(((MatchResult.NoMatch) result).reasons()).isNotEmpty();
    }
    assertThat(MATCHER.match(valid, offer)).as("deterministic").isEqualTo(result);
  }
}
