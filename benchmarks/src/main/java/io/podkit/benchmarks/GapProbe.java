package io.podkit.benchmarks;

import io.podkit.model.Pod;
import io.podkit.translator.InstanceId;
import io.podkit.translator.Translation;
import io.podkit.translator.offer.OfferMatcher;
import io.podkit.translator.TaskGroupTranslator;
import io.podkit.translator.preflight.LaunchGroupCheck;
import io.podkit.validation.PodValidator;
import io.podkit.validation.ValidPod;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.mesos.Protos;
import org.openjdk.jmh.annotations.*;
import org.openjdk.jmh.infra.Blackhole;

@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class GapProbe {
  byte[] json; Pod pod; ValidPod valid; PodValidator validator; OfferMatcher matcher; TaskGroupTranslator translator;
  Protos.Offer offer; List<Protos.Offer> offers; List<Protos.Offer.Operation> ops; InstanceId instance;
  @Setup public void setUp() {
    json = TypicalPod.json(); pod = Fixtures.read(json); validator = Fixtures.validator();
    valid = validator.validate(pod).orElseThrow(); matcher = Fixtures.matcher(); translator = Fixtures.translator();
    offer = BenchmarkOffers.defaultOffer(); offers = List.of(offer); instance = Fixtures.instance(valid);
    ops = List.of(Fixtures.matchAndTranslate(matcher, translator, valid, offer, instance).launchGroup());
  }
  /** each stage on prebuilt inputs, in sequence */
  @Benchmark public void stagesOnPrebuilt(Blackhole bh) {
    bh.consume(Fixtures.READER.read(json));
    bh.consume(validator.validate(pod));
    bh.consume(Fixtures.matchAndTranslate(matcher, translator, valid, offer, instance));
    bh.consume(LaunchGroupCheck.check(offer.getFrameworkId(), offers, ops));
  }
  /** the stages chained, each on the previous one's fresh output */
  @Benchmark public void stagesChained(Blackhole bh) {
    Pod p = Fixtures.READER.read(json).orElseThrow();
    ValidPod v = validator.validate(p).orElseThrow();
    Translation t = Fixtures.matchAndTranslate(matcher, translator, v, offer, instance);
    bh.consume(LaunchGroupCheck.check(offer.getFrameworkId(), offers, List.of(t.launchGroup())));
  }
}
