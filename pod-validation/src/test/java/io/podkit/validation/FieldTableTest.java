package io.podkit.validation;

import static org.assertj.core.api.Assertions.assertThat;

import io.podkit.model.Container;
import io.podkit.model.Pod;
import io.podkit.model.ResourceLimit;
import io.podkit.model.arbitrary.PodArbitraries;
import io.podkit.validation.arbitrary.NearValidPodArbitraries;
import io.podkit.validation.arbitrary.ValidPodArbitraries;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import org.junit.jupiter.api.Test;

/**
 * The quick walk of {@link FieldTable} and Hibernate Validator's mapping built from the same table
 * must give the same verdict: row by row, on values chosen around every bound, and pod by pod, on
 * valid, near-valid and arbitrary pods. If they disagreed, a pod with a field violation could pass
 * validation (the walk says "clean" and Hibernate is never asked).
 */
class FieldTableTest {
  private static final Validator HIBERNATE = FieldConstraints.validator();
  private static final ValidationConfig CONFIG = ValidationConfig.DEFAULT;

  /** A row with checks, and a value for the checked part. */
  record Case(Class<?> type, FieldTable.Row row, Object part) {
    @Override
    public String toString() {
      return type.getSimpleName() + "." + row.field() + " " + row.part() + " = " + describe(part);
    }
  }

  @Test
  void theTableHoldsEveryFieldRuleAndNoOther() {
    Set<String> inTable = FieldTable.rows().values().stream()
        .flatMap(List::stream)
        .flatMap(row -> row.checks().stream())
        .map(check -> check.rule().id())
        .collect(Collectors.toCollection(TreeSet::new));
    assertThat(inTable).isEqualTo(new TreeSet<>(FieldConstraintsTest.FIELD_RULES));
  }

  @Test
  void everyRowReadsTheComponentItNames() {
    for (Map.Entry<Class<?>, List<FieldTable.Row>> entry : FieldTable.rows().entrySet()) {
      for (FieldTable.Row row : entry.getValue()) {
        assertThat(component(entry.getKey(), row.field())).as(row.field()).isNotNull();
      }
    }
  }

  @Property(tries = 3000)
  void eachRowJudgesAValueAsHibernateValidatorDoes(@ForAll("cases") Case c) {
    Set<? extends ConstraintViolation<?>> violations =
        HIBERNATE.validateValue(c.type(), c.row().field(), wrap(c.type(), c.row(), c.part()));
    boolean accepted = c.row().checks().stream().allMatch(check -> check.accepts(c.part()));
    assertThat(accepted).as("%s; Hibernate: %s", c, violations).isEqualTo(violations.isEmpty());
  }

  /** Every pattern check, hand-written or not, answers as its regex on every string. */
  @Property(tries = 3000)
  void eachPatternCheckAnswersAsItsRegex(@ForAll("strings") String text) {
    FieldTable.rows().values().stream()
        .flatMap(List::stream)
        .flatMap(row -> row.checks().stream())
        .filter(FieldCheck.Matches.class::isInstance)
        .map(FieldCheck.Matches.class::cast)
        .forEach(check -> assertThat(check.accepts(text)).as("%s on %s", check.pattern(), describe(text))
            .isEqualTo(check.pattern().matcher(text).matches()));
  }

  @Property(tries = 300)
  void validPodsPassTheWalk(@ForAll("validPods") Pod pod) {
    assertSameVerdict(pod);
    assertThat(FieldTable.passes(pod)).isTrue();
  }

  @Property(tries = 500)
  void nearValidPodsGetTheSameVerdict(@ForAll("nearValidPods") Pod pod) {
    assertSameVerdict(pod);
    coverBothVerdicts(pod);
  }

  @Property(tries = 500)
  void arbitraryPodsGetTheSameVerdict(@ForAll("arbitraryPods") Pod pod) {
    // nearly all of them break a field rule somewhere: they test that the walk finds what Hibernate finds
    assertSameVerdict(pod);
  }

  /** Near-valid pods must come both clean and broken, or agreeing on them would prove little. */
  private static void coverBothVerdicts(Pod pod) {
    Statistics.label("walk passes").collect(FieldTable.passes(pod));
    Statistics.label("walk passes").coverage(coverage -> {
      coverage.check(true).count(n -> n > 0);
      coverage.check(false).count(n -> n > 0);
    });
  }

  @Test
  void aViolationDeepInsideIsFoundByTheWalk() {
    Pod pod = TestPods.podWith(TestPods.container("web")
            .endpoint(io.podkit.model.Endpoint.builder("http").containerPort(70000).build()))
        .build();
    assertThat(FieldTable.passes(pod)).isFalse();
    assertSameVerdict(pod);
  }

  private static void assertSameVerdict(Pod pod) {
    Findings findings = new Findings(CONFIG);
    FieldConstraints.report(pod, findings);
    assertThat(FieldTable.passes(pod)).as("walk verdict; Hibernate found %s", findings.violations())
        .isEqualTo(findings.violations().isEmpty());
  }

  @Provide
  Arbitrary<Pod> validPods() {
    return ValidPodArbitraries.pods();
  }

  @Provide
  Arbitrary<Pod> nearValidPods() {
    return NearValidPodArbitraries.pods().map(NearValidPodArbitraries.NearValidPod::pod);
  }

  @Provide
  Arbitrary<Pod> arbitraryPods() {
    return PodArbitraries.pods();
  }

  @Provide
  Arbitrary<Case> cases() {
    List<Arbitrary<Case>> perRow = new ArrayList<>();
    FieldTable.rows().forEach((type, rows) -> rows.stream()
        .filter(row -> !row.checks().isEmpty())
        .forEach(row -> perRow.add(values(partType(type, row))
            .map(value -> new Case(type, row, value)))));
    return Arbitraries.oneOf(perRow);
  }

  // ------------------------------------------------------------------------------------ values by type

  /** Values of {@code type} crowded around the table's bounds (0, 1, 63, 1,024, 65,535 and their neighbours). */
  private static Arbitrary<?> values(Type type) {
    Class<?> raw = raw(type);
    if (raw == String.class) {
      return strings();
    } else if (raw == Integer.class || raw == int.class) {
      return Arbitraries.oneOf(Arbitraries.of(-1, 0, 1, 2, 65534, 65535, 65536, Integer.MIN_VALUE, Integer.MAX_VALUE),
          Arbitraries.integers().between(-70000, 70000), Arbitraries.integers());
    } else if (raw == Long.class || raw == long.class) {
      return Arbitraries.oneOf(Arbitraries.of(-1L, 0L, 1L, Long.MIN_VALUE, Long.MAX_VALUE), Arbitraries.longs());
    } else if (raw == Double.class) {
      return doubles();
    } else if (raw == ResourceLimit.class) {
      return Arbitraries.oneOf(Arbitraries.just(new ResourceLimit.Unlimited()),
          doubles().map(ResourceLimit.Limited::new));
    } else if (raw == List.class) {
      Type element = ((ParameterizedType) type).getActualTypeArguments()[0];
      Arbitrary<?> elements = raw(element) == Container.class
          ? Arbitraries.just(TestPods.container("web").build())
          : values(element);
      return elements.list().ofMaxSize(3);
    }
    throw new IllegalStateException("no values for " + type);
  }

  @Provide("strings")
  static Arbitrary<String> strings() {
    Arbitrary<Integer> lengths = Arbitraries.of(0, 1, 2, 62, 63, 64, 253, 254, 255, 1023, 1024, 1025);
    Arbitrary<String> nameLike = Arbitraries.strings().withChars("abcz09-_").ofMinLength(0).ofMaxLength(6);
    Arbitrary<String> ofLength = lengths.flatMap(n -> Arbitraries.strings().withChars("ab0-_").ofLength(n));
    // mostly valid names and environment keys at the length bounds, some with one odd character
    Arbitrary<String> labels = lengths.flatMap(n -> Arbitraries.strings().withChars("a0-").ofLength(n));
    Arbitrary<String> envKeys = lengths.flatMap(n -> Arbitraries.strings().withChars("aZ_9").ofLength(n));
    Arbitrary<String> pathLike = Arbitraries.of("a", "b1", "..", ".", "-a", "a-", "A").list().ofMinSize(1).ofMaxSize(4)
        .flatMap(parts -> Arbitraries.of("", "/").map(lead -> lead + String.join("/", parts)));
    return Arbitraries.oneOf(
        Arbitraries.of("", "_app", "_APP", "_app\n", "\n_app", "_ap", "_appx", "a", "A", "a_b", "_a", "a.b", "a b",
            "\u00e9", "x\n", "/", "//", "/a//b", "a/", "a-", "-a", "a--b", "0", "9a", "a_", "_"),
        nameLike, ofLength, labels, envKeys, pathLike, PodArbitraries.strings());
  }

  private static Arbitrary<Double> doubles() {
    List<Double> edges = new ArrayList<>(List.of(Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, 0.0,
        -0.0, Double.MIN_VALUE, -Double.MIN_VALUE, Double.MAX_VALUE, -Double.MAX_VALUE));
    for (double bound : new double[] {0, 0.01, 1, 10, 32}) {
      edges.addAll(List.of(bound, Math.nextUp(bound), Math.nextDown(bound)));
    }
    return Arbitraries.oneOf(Arbitraries.of(edges), Arbitraries.doubles().between(-1, 40),
        Arbitraries.doubles().ofScale(3).between(-1, 40), Arbitraries.doubles());
  }

  // ------------------------------------------------------------------------------------ reflection

  private static RecordComponent component(Class<?> type, String name) {
    return Arrays.stream(type.getRecordComponents()).filter(c -> c.getName().equals(name)).findFirst().orElse(null);
  }

  /** The type of the values a row checks: the field's type, its element type, its key type or its value type. */
  private static Type partType(Class<?> type, FieldTable.Row row) {
    Type field = component(type, row.field()).getGenericType();
    return switch (row.part()) {
      case VALUE -> field;
      case ELEMENTS, KEYS -> ((ParameterizedType) field).getActualTypeArguments()[0];
      case VALUES -> ((ParameterizedType) field).getActualTypeArguments()[1];
    };
  }

  /** {@code part} put where the row finds it: as the field, in an Optional or a list, or as a map key or value. */
  private static Object wrap(Class<?> type, FieldTable.Row row, Object part) {
    Class<?> field = component(type, row.field()).getType();
    return switch (row.part()) {
      case VALUE -> part;
      case ELEMENTS -> field == Optional.class ? Optional.of(part) : List.of(part);
      case KEYS -> Map.of(part, "v");
      case VALUES -> Map.of("k", part);
    };
  }

  private static Class<?> raw(Type type) {
    return type instanceof ParameterizedType p ? (Class<?>) p.getRawType() : (Class<?>) type;
  }

  private static String describe(Object value) {
    if (value instanceof String s) {
      return s.length() > 40 ? "string of length " + s.length() : "\"" + s + "\"";
    }
    return String.valueOf(value);
  }
}
