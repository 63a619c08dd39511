package io.podkit.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import io.podkit.model.fuzz.JsonMutator;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Properties;
import java.util.SplittableRandom;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import org.junit.jupiter.api.Test;

/**
 * The mutation fuzzer over the example fixtures (docs/invariants.md, "Fuzzing"): each try takes a
 * fixture of pod-model's {@code /fixtures/examples/}, applies one to four {@link JsonMutator}
 * mutations (delete a key, change a value's type, duplicate a key, swap array items, truncate, flip
 * bytes, insert huge values...) and runs the result through {@link LaunchChain}: reading never
 * throws, a pod validates without throwing, a valid pod matches an ample offer without throwing,
 * and a match translates into operations that pass the pre-flight check.
 *
 * <p>Try {@code i} draws everything from a generator seeded with {@code (seed, i)}, so a failure
 * replays from its seed and index whatever the number of threads. Each failing document is written
 * to {@code target/fuzz-failures/} and the test fails naming seed and index; keep the document as a
 * regression in {@code src/test/resources/fuzz-regressions/} ({@link FuzzRegressionsTest}).
 *
 * <p>System properties: {@code fuzz.tries} ({@value #CI_TRIES} by default, sized for CI: 20 to 25
 * seconds on two cores, mostly JIT warm-up; {@code -Dfuzz.tries=1000000} for a long run by hand, about
 * four minutes), {@code fuzz.seed} (a number, or {@code random}; default {@value #DEFAULT_SEED}),
 * {@code fuzz.threads} (default: every core).
 */
class FixtureMutationFuzzTest {
  static final int CI_TRIES = 50_000;
  static final long DEFAULT_SEED = 0x5EED_F022L;
  /** A try taking longer than this is a failure (a hang, or work that grows without bound). */
  private static final long SLOW_TRY_MILLIS = 30_000;
  private static final int MAX_FAILURES_KEPT = 25;
  private static final Path FAILURES = Path.of("target", "fuzz-failures");

  record Failure(long index, String mutations, String problem, Path saved) {
    @Override
    public String toString() {
      return "try " + index + ": " + problem + "\n      after: " + mutations + "\n      document: " + saved;
    }
  }

  @Test
  void mutatedFixturesNeverBreakAnInvariant() throws Exception {
    long tries = longProperty("fuzz.tries", CI_TRIES);
    long seed = seed();
    int threads = (int) longProperty("fuzz.threads", Runtime.getRuntime().availableProcessors());
    List<byte[]> fixtures = fixtures();
    assertThat(fixtures).hasSizeGreaterThan(30);

    AtomicLong next = new AtomicLong();
    AtomicInteger failureCount = new AtomicInteger();
    ConcurrentLinkedQueue<Failure> failures = new ConcurrentLinkedQueue<>();
    // Per thread: the try it is on and since when (0 = idle), for the watchdog.
    AtomicLongArray current = new AtomicLongArray(threads);
    AtomicLongArray since = new AtomicLongArray(threads);
    ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
      Thread t = new Thread(r, "fuzz");
      t.setDaemon(true); // a hung try must not keep the JVM alive
      return t;
    });
    long started = System.nanoTime();
    List<Future<?>> workers = new ArrayList<>();
    for (int w = 0; w < threads; w++) {
      int worker = w;
      workers.add(pool.submit(() -> {
        for (long i = next.getAndIncrement(); i < tries && failureCount.get() < MAX_FAILURES_KEPT;
            i = next.getAndIncrement()) {
          current.set(worker, i);
          since.set(worker, System.nanoTime());
          Failure f = runTry(seed, i, fixtures);
          since.set(worker, 0);
          if (f != null) {
            failureCount.incrementAndGet();
            failures.add(f);
          }
        }
        return null;
      }));
    }
    pool.shutdown();
    String hung = null;
    while (!pool.awaitTermination(1, TimeUnit.SECONDS)) {
      for (int w = 0; w < threads; w++) {
        long t0 = since.get(w);
        if (t0 != 0 && System.nanoTime() - t0 > TimeUnit.MILLISECONDS.toNanos(SLOW_TRY_MILLIS)) {
          long i = current.get(w);
          hung = "try " + i + " has run for over " + SLOW_TRY_MILLIS / 1000 + " s: " + save(seed, i,
              mutated(seed, i, fixtures).bytes());
        }
      }
      if (hung != null) {
        pool.shutdownNow();
        break;
      }
    }
    for (Future<?> worker : workers) {
      if (hung == null) {
        worker.get(); // a worker that died is a bug of this test, not of podkit: surface it
      }
    }
    long done = Math.min(next.get(), tries);
    System.out.printf("fuzz: %d tries, seed %d, %d thread(s), %.1f s, %d failure(s); ended at: %s%n", done, seed,
        threads, (System.nanoTime() - started) / 1e9, failures.size(), LaunchChain.stages());

    assertThat(hung).as("seed %d", seed).isNull();
    List<Failure> sorted = new ArrayList<>(failures);
    sorted.sort((a, b) -> Long.compare(a.index(), b.index()));
    assertThat(sorted).as("fuzz failures with seed %d (replay: -Dfuzz.seed=%d -Dfuzz.tries=<index + 1>)",
        seed, seed).isEmpty();
  }

  /** One try; a failure (its document saved), or {@code null}. */
  static Failure runTry(long seed, long index, List<byte[]> fixtures) {
    JsonMutator.Mutated m = mutated(seed, index, fixtures);
    String problem;
    try {
      problem = LaunchChain.check(m.bytes(), new SplittableRandom(mix(seed, ~index)));
    } catch (Throwable e) {
      problem = "threw " + e;
      StackTraceElement[] trace = e.getStackTrace();
      for (int i = 0; i < Math.min(8, trace.length); i++) {
        problem += "\n        at " + trace[i];
      }
    }
    if (problem == null) {
      return null;
    }
    return new Failure(index, m.description(), problem, save(seed, index, m.bytes()));
  }

  /** Try {@code index}'s document: a fixture and one to four mutations, all drawn from (seed, index). */
  static JsonMutator.Mutated mutated(long seed, long index, List<byte[]> fixtures) {
    SplittableRandom random = new SplittableRandom(mix(seed, index));
    int fixture = random.nextInt(fixtures.size());
    int r = random.nextInt(20);
    int mutations = r < 12 ? 1 : r < 17 ? 2 : r < 19 ? 3 : 4;
    JsonMutator.Mutated m = JsonMutator.mutate(fixtures.get(fixture), mutations, random);
    return new JsonMutator.Mutated(m.bytes(), "fixture " + fixture + ": " + m.description());
  }

  /** A seed per (seed, index): SplitMix64's finalizer, so neighbouring indexes are unrelated. */
  static long mix(long seed, long index) {
    long z = seed + 0x9E3779B97F4A7C15L * (index + 1);
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }

  private static Path save(long seed, long index, byte[] bytes) {
    try {
      Files.createDirectories(FAILURES);
      Path file = FAILURES.resolve("seed-" + seed + "-try-" + index + ".json");
      Files.write(file, bytes);
      return file.toAbsolutePath();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Every pod-model example fixture (pods, fragments and the ones the reader rejects), sorted by name.
   * They are found through {@code verdicts.properties}, which names each of them (pod-model's
   * ExampleFixturesTest checks that), since the test-jar may be a jar, not a directory.
   */
  static List<byte[]> fixtures() throws IOException {
    Properties verdicts = new Properties();
    try (InputStream in = resource("verdicts.properties")) {
      verdicts.load(in);
    }
    List<byte[]> out = new ArrayList<>();
    for (String name : new TreeSet<>(verdicts.stringPropertyNames())) {
      try (InputStream in = resource(name)) {
        out.add(in.readAllBytes());
      }
    }
    return Collections.unmodifiableList(out);
  }

  private static InputStream resource(String name) {
    InputStream in = FixtureMutationFuzzTest.class.getResourceAsStream("/fixtures/examples/" + name);
    if (in == null) {
      throw new IllegalStateException("no fixture " + name + " on the classpath (pod-model's test-jar)");
    }
    return in;
  }

  private static long seed() {
    String s = System.getProperty("fuzz.seed", "").trim();
    if (s.isEmpty() || s.startsWith("${")) {
      return DEFAULT_SEED;
    }
    return s.equals("random") ? new SplittableRandom().nextLong() : Long.parseLong(s);
  }

  /** A numeric system property; unset, empty or an unresolved {@code ${...}} from Maven means the default. */
  static long longProperty(String name, long fallback) {
    String s = System.getProperty(name, "").trim().replace("_", "");
    return s.isEmpty() || s.startsWith("${") ? fallback : Long.parseLong(s);
  }
}
