package io.podkit.translator;

import static io.podkit.translator.Fixtures.container;
import static io.podkit.translator.Fixtures.labels;
import static io.podkit.translator.Fixtures.onlyTask;
import static io.podkit.translator.Fixtures.pod;
import static io.podkit.translator.Fixtures.task;
import static io.podkit.translator.Fixtures.translate;
import static io.podkit.translator.Fixtures.valid;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;
import static org.assertj.core.groups.Tuple.tuple;

import io.podkit.model.Artifact;
import io.podkit.model.Command;
import io.podkit.model.Exec;
import io.podkit.model.Lifecycle;
import io.podkit.model.ResourceLimit;
import io.podkit.model.ResourceLimits;
import io.podkit.model.Resources;
import io.podkit.validation.ValidPod;
import java.util.Optional;
import org.apache.mesos.Protos;
import org.junit.jupiter.api.Test;

/** translation-rules C.1, C.2 and C.6: a task's identity, resources, limits, labels, command and kill policy. */
class TaskRulesTest {
  @Test
  void c1_resourcesAreThatContainersPiecesInCpusMemDiskGpusOrder() {
    ValidPod pod = valid(pod("/p",
        container("a").resources(Resources.of(0.5, 64, 100, 1)),
        container("b").resources(Resources.of(2, 256, 0, 0))).build());
    Translation t = translate(pod);
    assertThat(task(t, "a").getResourcesList())
        .extracting(Protos.Resource::getName, r -> r.getScalar().getValue())
        .containsExactly(tuple("cpus", 0.5), tuple("mem", 64.0), tuple("disk", 100.0), tuple("gpus", 1.0));
    assertThat(task(t, "b").getResourcesList())
        .extracting(Protos.Resource::getName, r -> r.getScalar().getValue())
        .containsExactly(tuple("cpus", 2.0), tuple("mem", 256.0));
  }

  @Test
  void c1_limitsAreCpusAndMemWithUnlimitedAsInfinity() {
    ValidPod pod = valid(pod("/p", container("a")
        .resourceLimits(ResourceLimits.of(ResourceLimit.of(2.5), ResourceLimit.unlimited()))).build());
    Protos.TaskInfo task = onlyTask(translate(pod));
    assertThat(task.getLimitsMap()).containsOnlyKeys("cpus", "mem");
    assertThat(task.getLimitsMap().get("cpus").getValue()).isEqualTo(2.5);
    assertThat(task.getLimitsMap().get("mem").getValue()).isEqualTo(Double.POSITIVE_INFINITY);
    // Mesos R30: limits only with cgroups explicitly not shared
    assertThat(task.getContainer().getLinuxInfo().hasShareCgroups()).isTrue();
    assertThat(task.getContainer().getLinuxInfo().getShareCgroups()).isFalse();
  }

  @Test
  void c1_onlyTheLimitsGivenAreSet() {
    ValidPod pod = valid(pod("/p", container("a").resourceLimits(ResourceLimits.of(null, ResourceLimit.of(512))))
        .build());
    assertThat(onlyTask(translate(pod)).getLimitsMap()).containsOnlyKeys("mem");
    assertThat(onlyTask(translate(valid(pod("/p", container("a")).build()))).getLimitsMap()).isEmpty();
  }

  @Test
  void c1_labelsAreTheContainerLabelsOnlyAndOnlyWhenThereAreSome() {
    ValidPod pod = valid(pod("/p", container("a").label("x", "1").label("y", "2"), container("b"))
        .label("pod", "label").build());
    Translation t = translate(pod);
    assertThat(labels(task(t, "a").getLabels())).containsExactly(entry("x", "1"), entry("y", "2"));
    assertThat(task(t, "b").hasLabels()).isFalse();
  }

  @Test
  void c2_noExecLeavesShellFalseWithoutValueSoTheImageEntrypointRuns() {
    Protos.CommandInfo command = onlyTask(translate(valid(pod("/p", container("a").image("nginx")).build())))
        .getCommand();
    assertThat(command.hasShell()).isTrue();
    assertThat(command.getShell()).isFalse();
    assertThat(command.hasValue()).isFalse();
    assertThat(command.getArgumentsList()).isEmpty();
  }

  @Test
  void c2_shellCommandRunsThroughTheShell() {
    Protos.CommandInfo command = onlyTask(translate(valid(pod("/p", container("a").shell("sleep 100")).build())))
        .getCommand();
    assertThat(command.getShell()).isTrue();
    assertThat(command.getValue()).isEqualTo("sleep 100");
    assertThat(command.getArgumentsList()).isEmpty();
  }

  @Test
  void c2_argvIsAllArgumentsWithoutValueUnlessTheEntrypointIsOverridden() {
    Protos.CommandInfo appended = onlyTask(translate(valid(pod("/p",
        container("a").image("busybox").argv("/bin/app", "--port", "80")).build()))).getCommand();
    assertThat(appended.getShell()).isFalse();
    assertThat(appended.getArgumentsList()).containsExactly("/bin/app", "--port", "80");
    assertThat(appended.hasValue()).isFalse();

    Protos.CommandInfo overridden = onlyTask(translate(valid(pod("/p", container("a").image("busybox")
        .exec(new Exec(Command.argv("/bin/app", "--port", "80"), Optional.of(true)))).build()))).getCommand();
    assertThat(overridden.getShell()).isFalse();
    assertThat(overridden.getArgumentsList()).containsExactly("/bin/app", "--port", "80");
    assertThat(overridden.getValue()).isEqualTo("/bin/app");
  }

  @Test
  void c2_userIsTheContainersElseThePods() {
    Translation t = translate(valid(pod("/p", container("a").user("alice"), container("b")).user("bob").build()));
    assertThat(task(t, "a").getCommand().getUser()).isEqualTo("alice");
    assertThat(task(t, "b").getCommand().getUser()).isEqualTo("bob");
    assertThat(onlyTask(translate(valid(pod("/p", container("a")).build()))).getCommand().hasUser()).isFalse();
  }

  @Test
  void c2_artifactsAreUrisWithEveryFlagExplicit() {
    ValidPod pod = valid(pod("/p", container("a")
        .artifact(Artifact.of("https://example.com/app.tgz"))
        .artifact(new Artifact("https://example.com/run.sh", Optional.of(false), Optional.of(true), Optional.of(true),
            Optional.of("bin/run")))).build());
    Protos.CommandInfo command = onlyTask(translate(pod)).getCommand();
    assertThat(command.getUrisList()).hasSize(2);
    Protos.CommandInfo.URI first = command.getUris(0);
    assertThat(first.getValue()).isEqualTo("https://example.com/app.tgz");
    assertThat(first.hasExtract() && first.hasExecutable() && first.hasCache()).isTrue();
    assertThat(first.getExtract()).isTrue();
    assertThat(first.getExecutable()).isFalse();
    assertThat(first.getCache()).isFalse();
    assertThat(first.hasOutputFile()).isFalse();
    Protos.CommandInfo.URI second = command.getUris(1);
    assertThat(second.getExtract()).isFalse();
    assertThat(second.getExecutable()).isTrue();
    assertThat(second.getCache()).isTrue();
    assertThat(second.getOutputFile()).isEqualTo("bin/run");
  }

  @Test
  void c6_killPolicyIsTheGracePeriodInNanoseconds() {
    Translation t = translate(valid(pod("/p",
        container("a").lifecycle(Lifecycle.killGracePeriod(3)),
        container("b").lifecycle(Lifecycle.killGracePeriod(0.5)),
        container("c")).build()));
    assertThat(task(t, "a").getKillPolicy().getGracePeriod().getNanoseconds()).isEqualTo(3_000_000_000L);
    assertThat(task(t, "b").getKillPolicy().getGracePeriod().getNanoseconds()).isEqualTo(500_000_000L);
    assertThat(task(t, "c").hasKillPolicy()).isFalse();
  }

  @Test
  void c6_nanosecondsAreTruncatedAsMarathonDoes() {
    assertThat(TaskInfoBuilder.nanoseconds(1.5e-9)).isEqualTo(1L);
    assertThat(TaskInfoBuilder.nanoseconds(0.1)).isEqualTo(100_000_000L);
  }

  @Test
  void c1_tasksNeverCarryAnExecutorOrData() {
    Protos.TaskInfo task = onlyTask(translate(valid(pod("/p", container("a")).build())));
    assertThat(task.hasExecutor()).isFalse();
    assertThat(task.hasData()).isFalse();
    assertThat(task.hasMaxCompletionTime()).isFalse();
  }
}
