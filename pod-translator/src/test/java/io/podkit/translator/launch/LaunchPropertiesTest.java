package io.podkit.translator.launch;

import static org.assertj.core.api.Assertions.assertThat;

import io.podkit.model.Container;
import io.podkit.model.ExecutorResources;
import io.podkit.model.Pod;
import io.podkit.translator.InstanceId;
import io.podkit.translator.TaskGroupTranslator;
import io.podkit.translator.Translation;
import io.podkit.translator.TranslationConfig;
import io.podkit.translator.offer.MatchConfig;
import io.podkit.translator.offer.MatchResult;
import io.podkit.translator.offer.OfferMatcher;
import io.podkit.translator.preflight.LaunchGroupCheck;
import io.podkit.validation.PodValidator;
import io.podkit.validation.ValidPod;
import io.podkit.validation.arbitrary.ValidPodArbitraries;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.apache.mesos.Protos;

/**
 * For every valid pod and an offer that fits: the translation passes the Mesos pre-flight check,
 * executor + tasks claim exactly what the pod asks, ids and ports are unique, and the same input
 * gives byte-identical output. For an offer that does not fit: a NoMatch with reasons.
 */
class LaunchPropertiesTest {
  private static final PodValidator VALIDATOR = PodValidator.withDefaults();
  private static final OfferMatcher MATCHER = new OfferMatcher(MatchConfig.DEFAULT);
  private static final TaskGroupTranslator TRANSLATOR = new TaskGroupTranslator(TranslationConfig.DEFAULT);
  private static final UUID INSTANCE = UUID.fromString("3f0c6e1a-1d2b-11ef-9c41-0242ac120002");

  @Provide
  Arbitrary<Pod> pods() {
    return ValidPodArbitraries.pods();
  }

  @Property(tries = 200)
  void aFittingOfferAlwaysGivesALaunchMesosAccepts(
      @ForAll("pods") Pod pod, @ForAll @IntRange(min = 1, max = 6) int fragments, @ForAll long seed,
      @ForAll boolean spare) {
    ValidPod valid = VALIDATOR.validate(pod).orElseThrow();
    Protos.Offer offer = Offers.fitting(valid.pod(), spare ? 1.5 : 1.0, fragments, seed);

    MatchResult result = MATCHER.match(valid, offer);

    assertThat(result).as("%s", result).isInstanceOf(MatchResult.Match.class);
    Translation t = TRANSLATOR.translate(valid, offer, ((MatchResult.Match) result).resources(),
        new InstanceId(valid.pod().id(), INSTANCE));
    assertThat(LaunchGroupCheck.check(Offers.FRAMEWORK, List.of(offer), List.of(t.launchGroup()))).isEmpty();
    assertThat(claimed(t)).isEqualTo(asked(valid.pod()));
    assertThat(t.taskGroup().getTasksList()).extracting(task -> task.getTaskId().getValue()).doesNotHaveDuplicates();
    assertThat(ports(t)).doesNotHaveDuplicates();
    Translation again = TRANSLATOR.translate(valid, offer, ((MatchResult.Match) MATCHER.match(valid, offer))
        .resources(), new InstanceId(valid.pod().id(), INSTANCE));
    assertThat(again.launchGroup().toByteArray()).isEqualTo(t.launchGroup().toByteArray());
  }

  @Property(tries = 100)
  void anOfferThatDoesNotFitGivesReasons(@ForAll("pods") Pod pod, @ForAll long seed) {
    ValidPod valid = VALIDATOR.validate(pod).orElseThrow();
    Protos.Offer fitting = Offers.fitting(valid.pod(), 1.0, 1, seed);
    Protos.Offer.Builder tooSmall = fitting.toBuilder().clearResources();
    for (Protos.Resource r : fitting.getResourcesList()) {
      if (r.getName().equals("cpus")) {
        tooSmall.addResources(r.toBuilder().setScalar(Protos.Value.Scalar.newBuilder().setValue(0.05)));
      } else {
        tooSmall.addResources(r);
      }
    }
    MatchResult result = MATCHER.match(valid, tooSmall.build());
    assertThat(result).isInstanceOf(MatchResult.NoMatch.class);
    assertThat(((MatchResult.NoMatch) result).reasons()).isNotEmpty();
  }

  /** Scalar totals claimed by the executor and all tasks, in Mesos milli-units, by resource name. */
  private static Map<String, Long> claimed(Translation t) {
    List<Protos.Resource> all = new ArrayList<>(t.executor().getResourcesList());
    t.taskGroup().getTasksList().forEach(task -> all.addAll(task.getResourcesList()));
    Map<String, Long> totals = new TreeMap<>();
    for (Protos.Resource r : all) {
      if (r.getType() == Protos.Value.Type.SCALAR) {
        totals.merge(r.getName(), millis(r.getScalar().getValue()), Long::sum);
      }
    }
    return totals;
  }

  /** What the normalized pod asks for, in the same units; zero amounts are not resources at all. */
  private static Map<String, Long> asked(Pod pod) {
    ExecutorResources e = pod.executorResources().orElseThrow();
    Map<String, Long> totals = new TreeMap<>();
    add(totals, "cpus", e.cpusOrDefault());
    add(totals, "mem", e.memOrDefault());
    add(totals, "disk", e.diskOrDefault());
    for (Container c : pod.containers()) {
      add(totals, "cpus", c.resources().cpusOrDefault());
      add(totals, "mem", c.resources().memOrDefault());
      add(totals, "disk", c.resources().diskOrDefault());
      add(totals, "gpus", c.resources().gpusOrDefault());
    }
    return totals;
  }

  private static void add(Map<String, Long> totals, String name, double amount) {
    if (amount > 0) {
      totals.merge(name, millis(amount), Long::sum);
    }
  }

  private static long millis(double v) {
    return BigDecimal.valueOf(v).movePointRight(3).setScale(0, java.math.RoundingMode.HALF_EVEN).longValueExact();
  }

  private static List<Long> ports(Translation t) {
    List<Long> ports = new ArrayList<>();
    for (Protos.Resource r : t.executor().getResourcesList()) {
      if (r.getName().equals("ports")) {
        for (Protos.Value.Range range : r.getRanges().getRangeList()) {
          for (long p = range.getBegin(); p <= range.getEnd(); p++) {
            ports.add(p);
          }
        }
      }
    }
    Set<Long> unique = new HashSet<>(ports);
    assertThat(unique).hasSameSizeAs(ports);
    return ports;
  }
}
