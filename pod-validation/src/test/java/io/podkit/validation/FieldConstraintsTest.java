package io.podkit.validation;

import static io.podkit.validation.TestPods.assertNoViolation;
import static io.podkit.validation.TestPods.assertViolations;
import static io.podkit.validation.TestPods.container;
import static io.podkit.validation.TestPods.pod;
import static io.podkit.validation.TestPods.podWith;
import static io.podkit.validation.TestPods.validate;
import static org.assertj.core.api.Assertions.assertThat;

import io.podkit.model.Artifact;
import io.podkit.model.Check;
import io.podkit.model.CheckKind;
import io.podkit.model.Command;
import io.podkit.model.Container;
import io.podkit.model.Endpoint;
import io.podkit.model.Exec;
import io.podkit.model.ExecutorResources;
import io.podkit.model.HealthCheck;
import io.podkit.model.Image;
import io.podkit.model.Lifecycle;
import io.podkit.model.Network;
import io.podkit.model.PersistentVolumeInfo;
import io.podkit.model.Pod;
import io.podkit.model.ResourceLimit;
import io.podkit.model.ResourceLimits;
import io.podkit.model.Resources;
import io.podkit.model.SchedulingPolicy;
import io.podkit.model.Secret;
import io.podkit.model.UnreachableStrategy;
import io.podkit.model.Volume;
import io.podkit.model.VolumeMount;
import io.podkit.model.arbitrary.PodArbitraries;
import jakarta.validation.Validator;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** One test per field rule: a valid pod with exactly that rule broken, at its exact Marathon path. */
class FieldConstraintsTest {

  static final Set<String> FIELD_RULES = Stream.of(
          Rule.ID_PATTERN, Rule.USER_NOT_EMPTY, Rule.ROLE_NOT_EMPTY, Rule.CONTAINERS_NOT_EMPTY, Rule.ENV_NAME,
          Rule.SECRET_SOURCE_EMPTY, Rule.VOLUME_NAME, Rule.VOLUME_NAME_EMPTY, Rule.VOLUME_SECRET_EMPTY,
          Rule.PERSISTENT_SIZE, Rule.PERSISTENT_MAX_SIZE, Rule.NETWORK_NAME, Rule.CONTAINER_NAME,
          Rule.CONTAINER_NAME_RESERVED, Rule.RESOURCE_NEGATIVE, Rule.RESOURCE_LIMIT_NEGATIVE, Rule.EXECUTOR_MEM,
          Rule.EXECUTOR_DISK, Rule.MESOS_EXECUTOR_CPUS, Rule.COMMAND_SHELL_EMPTY, Rule.COMMAND_ARGV_EMPTY,
          Rule.IMAGE_ID, Rule.PULL_CONFIG_SECRET_EMPTY, Rule.VOLUME_MOUNT_NAME, Rule.VOLUME_MOUNT_PATH,
          Rule.ARTIFACT_URI, Rule.ARTIFACT_DEST_PATH, Rule.KILL_GRACE_PERIOD, Rule.ENDPOINT_NAME,
          Rule.CONTAINER_PORT_RANGE, Rule.HOST_PORT_RANGE, Rule.HEALTH_CHECK_TIMING, Rule.HEALTH_CHECK_ENDPOINT_NAME,
          Rule.HEALTH_CHECK_PATH, Rule.CHECK_TIMING, Rule.SCALING_INSTANCES, Rule.BACKOFF_NEGATIVE,
          Rule.UPGRADE_CAPACITY_RANGE, Rule.UNREACHABLE_SECONDS)
      .map(Rule::id).collect(Collectors.toUnmodifiableSet());

  /** R-01's pattern, verbatim from pod-schema.md §0: the oracle for {@link FieldConstraints#isPathId}. */
  private static final Pattern MARATHON_PATH_ID = Pattern.compile(
      "^(\\/?((\\.\\.)|(([a-z0-9]|[a-z0-9][a-z0-9\\-]*[a-z0-9])\\.)*([a-z0-9]|[a-z0-9][a-z0-9\\-]*[a-z0-9]))?"
          + "($|\\/))+$");

  private static ValidationReport validateContainer(Container.Builder c) {
    return validate(podWith(c).build());
  }

  private static String repeat(char c, int n) {
    return String.valueOf(c).repeat(n);
  }

  private static List<String> messages(ValidationReport report, Rule rule) {
    return report.of(rule).stream().map(Violation::message).toList();
  }

  // ------------------------------------------------------------------------------ pod level

  @Test
  @DisplayName("pod-id-pattern")
  void podIdPattern() {
    assertViolations(validate(pod().id("/Shop/web").build()), Rule.ID_PATTERN, "/id");
    assertViolations(validate(pod().id("/shop/web-").build()), Rule.ID_PATTERN, "/id");
    assertViolations(validate(pod().id("").build()), Rule.ID_PATTERN, "/id");
    // the reader's pattern lets dotted segments and relative ids through (V-02..V-05 catch the rest)
    assertNoViolation(validate(pod().id("/a.b-c/d1").build()), Rule.ID_PATTERN);
    assertNoViolation(validate(pod().id("shop/web").build()), Rule.ID_PATTERN);
    // long ids do not overflow the stack (the regex itself would); checked on this group alone
    assertThat(fieldCheck(pod().id("/" + "a-b.".repeat(5000) + "c").build())).isEmpty();
    assertThat(fieldCheck(pod().id("/" + "a.".repeat(5000) + "!").build()))
        .extracting(v -> v.rule() + " " + v.path().marathon()).containsExactly("pod-id-pattern /id");
  }

  @Property(tries = 1000)
  void pathIdCheckAgreesWithMarathonsPattern(@ForAll("pathIdLike") String id) {
    assertThat(PodIds.isPathId(id)).as("'%s'", id).isEqualTo(MARATHON_PATH_ID.matcher(id).matches());
  }

  @Provide
  Arbitrary<String> pathIdLike() {
    return Arbitraries.strings().withChars("a0-./A_\n").ofMaxLength(12);
  }

  @Test
  void pathIdCheckAgreesWithMarathonsPatternOnItsExamples() {
    for (String id : List.of("", "/", "//", "..", "/..", "../a", "/a.b-c/d1", "a//b", "/a/", "-a", "a-", ".", "/./a",
        "...", "a..b", "a.", ".a", "A", "a_b", "a\n", "/0/9-9.z")) {
      assertThat(PodIds.isPathId(id)).as("'%s'", id).isEqualTo(MARATHON_PATH_ID.matcher(id).matches());
    }
  }

  @Test
  @DisplayName("user-not-empty")
  void userNotEmpty() {
    assertViolations(validate(pod().user("").build()), Rule.USER_NOT_EMPTY, "/user");
    assertNoViolation(validate(pod().user("nobody").build()), Rule.USER_NOT_EMPTY);
  }

  @Test
  @DisplayName("role-not-empty")
  void roleNotEmpty() {
    assertViolations(validate(pod().role("").build()), Rule.ROLE_NOT_EMPTY, "/role");
    assertNoViolation(validate(pod().role("*").build()), Rule.ROLE_NOT_EMPTY);
  }

  @Test
  @DisplayName("containers-not-empty")
  void containersNotEmpty() {
    assertViolations(validate(Pod.builder("/shop/web").build()), Rule.CONTAINERS_NOT_EMPTY, "/containers");
    assertNoViolation(validate(pod().build()), Rule.CONTAINERS_NOT_EMPTY);
  }

  @Test
  @DisplayName("env-name")
  void envName() {
    ValidationReport report = validate(pod()
        .env("1ST", "x")
        .env("", "x")
        .env("_ok_1", "x")
        .env("A" + repeat('b', 253), "x")
        .env("A" + repeat('b', 254), "x")
        .containers(List.of(container("main").env("A-B", "x").envSecret("bad key", "s").build()))
        .build());
    assertViolations(report, Rule.ENV_NAME, "/environment/1ST", "/environment/", "/environment/A" + repeat('b', 254),
        "/containers(0)/environment/A-B", "/containers(0)/environment/bad key");
  }

  @Test
  @DisplayName("secret-source-empty")
  void secretSourceEmpty() {
    ValidationReport report = validate(pod().secret("creds", "").secret("other", "vault/x").build(),
        ValidationConfig.DEFAULT.withSecrets(true));
    assertViolations(report, Rule.SECRET_SOURCE_EMPTY, "/secrets/creds/source");
  }

  // ------------------------------------------------------------------------------ volumes

  @Test
  @DisplayName("volume-name")
  void volumeName() {
    ValidationReport report = validate(pod()
        .volume(Volume.ephemeral("Bad_"))
        .volume(Volume.host("", "/tmp"))
        .volume(Volume.ephemeral(repeat('a', 64)))
        .volume(Volume.ephemeral(repeat('a', 63)))
        .volume(Volume.host("0-data", "/tmp"))
        .build());
    assertViolations(report, Rule.VOLUME_NAME, "/volumes(0)/name", "/volumes(1)/name", "/volumes(2)/name");
  }

  @Test
  @DisplayName("volume-name-empty")
  void volumeNameEmpty() {
    ValidationReport report = validate(pod()
        .volume(Volume.secret("", "creds"))
        .volume(Volume.persistent("", PersistentVolumeInfo.ofSize(10)))
        // secret and persistent volume names have no pattern
        .volume(Volume.persistent("Bad_Name", PersistentVolumeInfo.ofSize(10)))
        .build());
    assertViolations(report, Rule.VOLUME_NAME_EMPTY, "/volumes(0)/name", "/volumes(1)/name");
    assertNoViolation(report, Rule.VOLUME_NAME);
  }

  @Test
  @DisplayName("volume-secret-empty")
  void volumeSecretEmpty() {
    ValidationReport report =
        validate(pod().volume(Volume.secret("creds", "")).volume(Volume.secret("x", "s")).build());
    assertViolations(report, Rule.VOLUME_SECRET_EMPTY, "/volumes(0)/secret");
  }

  @Test
  @DisplayName("persistent-size")
  void persistentSize() {
    ValidationReport report = validate(pod()
        .volume(Volume.persistent("data", PersistentVolumeInfo.ofSize(-1)))
        .volume(Volume.persistent("zero", PersistentVolumeInfo.ofSize(0)))
        .build());
    assertViolations(report, Rule.PERSISTENT_SIZE, "/volumes(0)/persistent/size");
    assertThat(messages(report, Rule.PERSISTENT_SIZE)).containsExactly("got -1, expected 0 or more");
  }

  @Test
  @DisplayName("persistent-max-size")
  void persistentMaxSize() {
    PersistentVolumeInfo negative =
        new PersistentVolumeInfo(Optional.empty(), 10, Optional.of(-5L), Optional.empty(), List.of());
    PersistentVolumeInfo zero =
        new PersistentVolumeInfo(Optional.empty(), 0, Optional.of(0L), Optional.empty(), List.of());
    ValidationReport report = validate(pod()
        .volume(Volume.persistent("data", negative))
        .volume(Volume.persistent("zero", zero))
        .build());
    assertViolations(report, Rule.PERSISTENT_MAX_SIZE, "/volumes(0)/persistent/maxSize");
    assertThat(messages(report, Rule.PERSISTENT_MAX_SIZE)).containsExactly("got -5, expected 0 or more");
  }

  // ------------------------------------------------------------------------------ networks

  @Test
  @DisplayName("network-name")
  void networkName() {
    ValidationReport report = validate(pod()
        .network(Network.container("Bad"))
        .network(Network.container("ok_net-1"))
        .network(Network.container("_lead"))
        .network(Network.container(repeat('n', 64)))
        .build());
    assertViolations(report, Rule.NETWORK_NAME, "/networks(0)/name", "/networks(2)/name", "/networks(3)/name");
  }

  // ------------------------------------------------------------------------------ containers

  @Test
  @DisplayName("container-name")
  void containerName() {
    ValidationReport report = validate(pod()
        .containers(List.of(
            container("Main").build(),
            container("").build(),
            container(repeat('c', 64)).build(),
            container("0" + repeat('c', 62)).build(),
            container("web-1").build()))
        .build());
    assertViolations(report, Rule.CONTAINER_NAME, "/containers(0)/name", "/containers(1)/name", "/containers(2)/name");
  }

  @Test
  @DisplayName("container-name-reserved")
  void containerNameReserved() {
    ValidationReport report = validate(pod()
        .containers(List.of(container("_app").build(), container("app").build(), container("_apps").build()))
        .build());
    assertViolations(report, Rule.CONTAINER_NAME_RESERVED, "/containers(0)/name");
  }

  @Test
  @DisplayName("resource-negative")
  void resourceNegative() {
    ValidationReport report = validateContainer(container("main").resources(Resources.of(-1, -0.5, -2, -1)));
    assertViolations(report, Rule.RESOURCE_NEGATIVE, "/containers(0)/resources/cpus",
        "/containers(0)/resources/mem", "/containers(0)/resources/disk", "/containers(0)/resources/gpus");
    assertThat(messages(report, Rule.RESOURCE_NEGATIVE)).containsExactlyInAnyOrder(
        "got -1.0, expected 0.0 or more", "got -0.5, expected 0.0 or more", "got -2.0, expected 0.0 or more",
        "got -1, expected 0.0 or more");
    // 0, -0.0 (0 in JSON) and tiny values pass
    assertNoViolation(validateContainer(container("main").resources(Resources.of(-0.0, 0.0001, 0, 0))),
        Rule.RESOURCE_NEGATIVE);
  }

  @Test
  @DisplayName("resource-limit-negative")
  void resourceLimitNegative() {
    ValidationReport report = validateContainer(container("main")
        .resourceLimits(ResourceLimits.of(ResourceLimit.of(-1), ResourceLimit.unlimited())));
    assertViolations(report, Rule.RESOURCE_LIMIT_NEGATIVE, "/containers(0)/resourceLimits/cpus");
    assertThat(messages(report, Rule.RESOURCE_LIMIT_NEGATIVE)).containsExactly("got -1.0, expected 0.0 or more");
    assertViolations(
        validateContainer(container("main").resourceLimits(ResourceLimits.of(null, ResourceLimit.of(Double.NaN)))),
        Rule.RESOURCE_LIMIT_NEGATIVE, "/containers(0)/resourceLimits/mem");
  }

  @Test
  @DisplayName("command-shell-empty")
  void commandShellEmpty() {
    ValidationReport report = validateContainer(container("main")
        .shell("")
        .endpoint(Endpoint.builder("web").containerPort(80).build())
        .healthCheck(HealthCheck.of(CheckKind.exec(Command.shell(""))))
        .check(Check.of(CheckKind.exec(Command.shell("true")))));
    assertViolations(report, Rule.COMMAND_SHELL_EMPTY, "/containers(0)/exec/command/shell",
        "/containers(0)/healthCheck/exec/command/shell");
  }

  @Test
  @DisplayName("command-argv-empty")
  void commandArgvEmpty() {
    ValidationReport report = validateContainer(container("main")
        .exec(Exec.of(Command.argv()))
        .healthCheck(HealthCheck.of(CheckKind.exec(Command.argv("true"))))
        .check(Check.of(CheckKind.exec(Command.argv()))));
    assertViolations(report, Rule.COMMAND_ARGV_EMPTY, "/containers(0)/exec/command/argv",
        "/containers(0)/check/exec/command/argv");
  }

  @Test
  @DisplayName("image-id")
  void imageId() {
    ValidationReport report = validate(pod()
        .containers(List.of(
            container("a").image("").build(),
            container("b").image(repeat('i', 1025)).build(),
            container("c").image(repeat('i', 1024)).build()))
        .build());
    assertViolations(report, Rule.IMAGE_ID, "/containers(0)/image/id", "/containers(1)/image/id");
  }

  @Test
  @DisplayName("pull-config-secret-empty")
  void pullConfigSecretEmpty() {
    ValidationReport report = validateContainer(container("main").image(Image.docker("nginx").withPullSecret("")));
    assertViolations(report, Rule.PULL_CONFIG_SECRET_EMPTY, "/containers(0)/image/pullConfig/secret");
    assertNoViolation(validateContainer(container("main").image(Image.docker("nginx").withPullSecret("s"))),
        Rule.PULL_CONFIG_SECRET_EMPTY);
  }

  @Test
  @DisplayName("volume-mount-name")
  void volumeMountName() {
    ValidationReport report = validateContainer(container("main")
        .volumeMount(VolumeMount.of("Data", "/data"))
        .volumeMount(VolumeMount.of("data", "/data2")));
    assertViolations(report, Rule.VOLUME_MOUNT_NAME, "/containers(0)/volumeMounts(0)/name");
  }

  @Test
  @DisplayName("volume-mount-path")
  void volumeMountPath() {
    ValidationReport report = validateContainer(container("main")
        .volumeMount(VolumeMount.of("data", "/data"))
        .volumeMount(VolumeMount.of("data", ""))
        .volumeMount(VolumeMount.of("data", repeat('p', 1025))));
    assertViolations(report, Rule.VOLUME_MOUNT_PATH, "/containers(0)/volumeMounts(1)/mountPath",
        "/containers(0)/volumeMounts(2)/mountPath");
  }

  @Test
  @DisplayName("artifact-uri")
  void artifactUri() {
    ValidationReport report = validateContainer(container("main")
        .artifact(Artifact.of(""))
        .artifact(Artifact.of("https://example.com/a.tgz")));
    assertViolations(report, Rule.ARTIFACT_URI, "/containers(0)/artifacts(0)/uri");
  }

  @Test
  @DisplayName("artifact-dest-path")
  void artifactDestPath() {
    Artifact empty = new Artifact("https://example.com/a", Optional.empty(), Optional.empty(), Optional.empty(),
        Optional.of(""));
    Artifact fine = new Artifact("https://example.com/b", Optional.empty(), Optional.empty(), Optional.empty(),
        Optional.of(repeat('d', 1024)));
    ValidationReport report = validateContainer(container("main").artifact(fine).artifact(empty));
    assertViolations(report, Rule.ARTIFACT_DEST_PATH, "/containers(0)/artifacts(1)/destPath");
  }

  @Test
  @DisplayName("kill-grace-period")
  void killGracePeriod() {
    ValidationReport report = validateContainer(container("main").lifecycle(Lifecycle.killGracePeriod(-1)));
    assertViolations(report, Rule.KILL_GRACE_PERIOD, "/containers(0)/lifecycle/killGracePeriodSeconds");
    assertThat(messages(report, Rule.KILL_GRACE_PERIOD)).containsExactly("got -1.0, expected 0.0 or more");
    assertNoViolation(validateContainer(container("main").lifecycle(Lifecycle.killGracePeriod(0))),
        Rule.KILL_GRACE_PERIOD);
  }

  // ------------------------------------------------------------------------------ endpoints

  @Test
  @DisplayName("endpoint-name")
  void endpointName() {
    ValidationReport report = validateContainer(container("main")
        .endpoint(Endpoint.builder("HTTP").containerPort(80).build())
        .endpoint(Endpoint.builder("http").containerPort(81).build()));
    assertViolations(report, Rule.ENDPOINT_NAME, "/containers(0)/endpoints(0)/name");
  }

  @Test
  @DisplayName("container-port-range")
  void containerPortRange() {
    ValidationReport report = validateContainer(container("main")
        .endpoint(Endpoint.builder("a").containerPort(0).build())
        .endpoint(Endpoint.builder("b").containerPort(65536).build())
        .endpoint(Endpoint.builder("c").containerPort(1).build())
        .endpoint(Endpoint.builder("d").containerPort(65535).build()));
    assertViolations(report, Rule.CONTAINER_PORT_RANGE, "/containers(0)/endpoints(0)/containerPort",
        "/containers(0)/endpoints(1)/containerPort");
    assertThat(messages(report, Rule.CONTAINER_PORT_RANGE))
        .containsExactly("got 0, expected between 1 and 65535", "got 65536, expected between 1 and 65535");
  }

  @Test
  @DisplayName("host-port-range")
  void hostPortRange() {
    ValidationReport report = validateContainer(container("main")
        .endpoint(Endpoint.builder("a").hostPort(-1).build())
        .endpoint(Endpoint.builder("b").hostPort(65536).build())
        .endpoint(Endpoint.builder("c").hostPort(0).build())
        .endpoint(Endpoint.builder("d").hostPort(65535).build()));
    assertViolations(report, Rule.HOST_PORT_RANGE, "/containers(0)/endpoints(0)/hostPort",
        "/containers(0)/endpoints(1)/hostPort");
  }

  // ------------------------------------------------------------------------------ health checks and checks

  @Test
  @DisplayName("health-check-timing")
  void healthCheckTiming() {
    ValidationReport report = validateContainer(container("main")
        .endpoint(Endpoint.builder("web").containerPort(80).build())
        .healthCheck(HealthCheck.of(CheckKind.tcp("web")).withTimings(-1, -2, -3, -4, -5)));
    assertViolations(report, Rule.HEALTH_CHECK_TIMING, "/containers(0)/healthCheck/gracePeriodSeconds",
        "/containers(0)/healthCheck/intervalSeconds", "/containers(0)/healthCheck/maxConsecutiveFailures",
        "/containers(0)/healthCheck/timeoutSeconds", "/containers(0)/healthCheck/delaySeconds");
    assertNoViolation(validateContainer(container("main")
            .endpoint(Endpoint.builder("web").containerPort(80).build())
            .healthCheck(HealthCheck.of(CheckKind.tcp("web")).withTimings(0, 0, 0, 0, 0))),
        Rule.HEALTH_CHECK_TIMING);
  }

  @Test
  @DisplayName("health-check-endpoint-name")
  void healthCheckEndpointName() {
    ValidationReport report = validateContainer(container("main")
        .healthCheck(HealthCheck.of(CheckKind.http("Web", "/health")))
        .check(Check.of(CheckKind.tcp(""))));
    assertViolations(report, Rule.HEALTH_CHECK_ENDPOINT_NAME, "/containers(0)/healthCheck/http/endpoint",
        "/containers(0)/check/tcp/endpoint");
  }

  @Test
  @DisplayName("health-check-path")
  void healthCheckPath() {
    ValidationReport report = validateContainer(container("main")
        .endpoint(Endpoint.builder("web").containerPort(80).build())
        .healthCheck(HealthCheck.of(CheckKind.http("web", "")))
        .check(Check.of(CheckKind.http("web", repeat('p', 1025)))));
    assertViolations(report, Rule.HEALTH_CHECK_PATH, "/containers(0)/healthCheck/http/path",
        "/containers(0)/check/http/path");
    assertNoViolation(validateContainer(container("main")
            .endpoint(Endpoint.builder("web").containerPort(80).build())
            .healthCheck(HealthCheck.of(new CheckKind.Http("web", Optional.empty(), Optional.empty())))),
        Rule.HEALTH_CHECK_PATH);
  }

  @Test
  @DisplayName("check-timing")
  void checkTiming() {
    Check check = new Check(CheckKind.exec(Command.shell("true")), Optional.of(-1), Optional.of(-2), Optional.of(-3));
    ValidationReport report = validateContainer(container("main").check(check));
    assertViolations(report, Rule.CHECK_TIMING, "/containers(0)/check/intervalSeconds",
        "/containers(0)/check/timeoutSeconds", "/containers(0)/check/delaySeconds");
    assertNoViolation(report, Rule.HEALTH_CHECK_TIMING);
  }

  // ------------------------------------------------------------------------------ scaling and scheduling

  @Test
  @DisplayName("scaling-instances")
  void scalingInstances() {
    ValidationReport report = validate(pod().instances(-1).build());
    assertViolations(report, Rule.SCALING_INSTANCES, "/scaling/instances");
    assertThat(messages(report, Rule.SCALING_INSTANCES)).containsExactly("got -1, expected 0 or more");
    assertNoViolation(validate(pod().instances(0).build()), Rule.SCALING_INSTANCES);
  }

  @Test
  @DisplayName("backoff-negative")
  void backoffNegative() {
    ValidationReport report = validate(pod()
        .scheduling(SchedulingPolicy.empty().withBackoff(SchedulingPolicy.Backoff.of(-1, Double.NaN, -300)))
        .build());
    assertViolations(report, Rule.BACKOFF_NEGATIVE, "/scheduling/backoff/backoff",
        "/scheduling/backoff/backoffFactor", "/scheduling/backoff/maxLaunchDelay");
    assertThat(messages(report, Rule.BACKOFF_NEGATIVE)).containsExactly(
        "got -1.0, expected 0.0 or more", "got NaN, expected 0.0 or more", "got -300.0, expected 0.0 or more");
    assertNoViolation(validate(pod()
            .scheduling(SchedulingPolicy.empty().withBackoff(SchedulingPolicy.Backoff.of(0, 0, 0))).build()),
        Rule.BACKOFF_NEGATIVE);
  }

  @Test
  @DisplayName("upgrade-capacity-range")
  void upgradeCapacityRange() {
    ValidationReport report = validate(pod()
        .scheduling(SchedulingPolicy.empty().withUpgrade(SchedulingPolicy.UpgradeStrategy.of(1.5, -0.1)))
        .build());
    assertViolations(report, Rule.UPGRADE_CAPACITY_RANGE, "/scheduling/upgrade/maximumOverCapacity",
        "/scheduling/upgrade/minimumHealthCapacity");
    // NaN is below the minimum and above the maximum, but one violation
    ValidationReport nan = validate(pod()
        .scheduling(SchedulingPolicy.empty().withUpgrade(SchedulingPolicy.UpgradeStrategy.of(Double.NaN, 0)))
        .build());
    assertViolations(nan, Rule.UPGRADE_CAPACITY_RANGE, "/scheduling/upgrade/minimumHealthCapacity");
    assertThat(messages(nan, Rule.UPGRADE_CAPACITY_RANGE)).containsExactly("got NaN, expected between 0.0 and 1.0");
    assertNoViolation(validate(pod()
            .scheduling(SchedulingPolicy.empty().withUpgrade(SchedulingPolicy.UpgradeStrategy.of(0, 1))).build()),
        Rule.UPGRADE_CAPACITY_RANGE);
  }

  @Test
  @DisplayName("unreachable-seconds")
  void unreachableSeconds() {
    ValidationReport report = validate(pod()
        .scheduling(SchedulingPolicy.empty().withUnreachableStrategy(UnreachableStrategy.enabled(-1, -2)))
        .build());
    assertViolations(report, Rule.UNREACHABLE_SECONDS, "/scheduling/unreachableStrategy/expungeAfterSeconds",
        "/scheduling/unreachableStrategy/inactiveAfterSeconds");
    assertNoViolation(validate(pod()
            .scheduling(SchedulingPolicy.empty().withUnreachableStrategy(UnreachableStrategy.enabled(0, 0))).build()),
        Rule.UNREACHABLE_SECONDS);
  }

  // ------------------------------------------------------------------------------ executor (Mesos' minimums)

  @Test
  @DisplayName("executor-mem")
  void executorMem() {
    ValidationReport report = validate(pod()
        .executorResources(new ExecutorResources(Optional.empty(), Optional.of(31.9), Optional.empty())).build());
    assertViolations(report, Rule.EXECUTOR_MEM, "/executorResources/mem");
    assertThat(messages(report, Rule.EXECUTOR_MEM)).containsExactly("got 31.9, expected 32.0 or more");
    assertNoViolation(validate(pod().executorResources(ExecutorResources.of(0.1, 32, 10)).build()), Rule.EXECUTOR_MEM);
    assertNoViolation(validate(pod().executorResources(ExecutorResources.defaults()).build()), Rule.EXECUTOR_MEM);
  }

  @Test
  @DisplayName("executor-disk")
  void executorDisk() {
    ValidationReport report = validate(pod()
        .executorResources(new ExecutorResources(Optional.empty(), Optional.empty(), Optional.of(9.5))).build());
    assertViolations(report, Rule.EXECUTOR_DISK, "/executorResources/disk");
    assertThat(messages(report, Rule.EXECUTOR_DISK)).containsExactly("got 9.5, expected 10.0 or more");
    assertNoViolation(validate(pod().executorResources(ExecutorResources.of(0.1, 32, 10)).build()),
        Rule.EXECUTOR_DISK);
  }

  @Test
  @DisplayName("mesos-executor-cpus")
  void mesosExecutorCpus() {
    ValidationReport report = validate(pod()
        .executorResources(new ExecutorResources(Optional.of(0.005), Optional.empty(), Optional.empty())).build());
    assertViolations(report, Rule.MESOS_EXECUTOR_CPUS, "/executorResources/cpus");
    assertThat(messages(report, Rule.MESOS_EXECUTOR_CPUS))
        .containsExactly("the executor uses less CPUs (0.005) than the minimum Mesos requires (0.01)");
    assertNoViolation(validate(pod().executorResources(ExecutorResources.of(0.01, 32, 10)).build()),
        Rule.MESOS_EXECUTOR_CPUS);
    assertNoViolation(validate(pod().executorResources(ExecutorResources.defaults()).build()),
        Rule.MESOS_EXECUTOR_CPUS);
  }

  // ------------------------------------------------------------------------------ the group as a whole

  @Test
  void reportsEveryIndependentFieldError() {
    Pod pod = pod()
        .user("")
        .env("9LIVES", "x")
        .containers(List.of(container("main").resources(Resources.of(Double.NaN, 64)).build()))
        .volume(Volume.ephemeral("Bad"))
        .instances(-3)
        .build();
    List<Violation> fieldViolations = fieldViolations(validate(pod));
    assertThat(fieldViolations).extracting(v -> v.rule() + " " + v.path().marathon()).containsExactly(
        "resource-negative /containers(0)/resources/cpus",
        "env-name /environment/9LIVES",
        "scaling-instances /scaling/instances",
        "user-not-empty /user",
        "volume-name /volumes(0)/name");
  }

  @Test
  void ordersViolationsByPathThenRuleAndRepeatsTheSameInstanceAtEachPlace() {
    List<Container> containers = new ArrayList<>();
    for (int i = 0; i < 12; i++) {
      containers.add(container("c" + i).build());
    }
    Container bad = container("_app").resources(Resources.of(-1, 64)).build();
    containers.set(10, bad);
    containers.set(2, bad);
    Pod pod = pod().containers(containers).build();
    List<String> expected = List.of(
        "container-name /containers(2)/name",
        "container-name-reserved /containers(2)/name",
        "resource-negative /containers(2)/resources/cpus",
        "container-name /containers(10)/name",
        "container-name-reserved /containers(10)/name",
        "resource-negative /containers(10)/resources/cpus");
    for (int run = 0; run < 3; run++) {
      assertThat(fieldViolations(validate(pod))).extracting(v -> v.rule() + " " + v.path().marathon())
          .containsExactlyElementsOf(expected);
    }
  }

  @Test
  void checksAnInstanceRepeatedInOneListOrMapAtEachPlace() {
    Endpoint endpoint = Endpoint.builder("E").build();
    VolumeMount mount = VolumeMount.of("M", "/m");
    Volume volume = Volume.ephemeral("V");
    Network network = Network.container("N");
    Secret secret = new Secret("");
    Container main = container("main").endpoint(endpoint).endpoint(endpoint).volumeMount(mount).volumeMount(mount)
        .build();
    Pod valid = pod().build();
    Pod pod = new Pod(valid.id(), Map.of(), Optional.empty(), Optional.empty(), Map.of(), List.of(main, main),
        Map.of("a", secret, "b", secret), List.of(volume, volume), List.of(network, network), Optional.empty(),
        Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
    ValidationReport report = validate(pod, ValidationConfig.DEFAULT.withSecrets(true));
    assertViolations(report, Rule.ENDPOINT_NAME, "/containers(0)/endpoints(0)/name", "/containers(0)/endpoints(1)/name",
        "/containers(1)/endpoints(0)/name", "/containers(1)/endpoints(1)/name");
    assertViolations(report, Rule.VOLUME_MOUNT_NAME, "/containers(0)/volumeMounts(0)/name",
        "/containers(0)/volumeMounts(1)/name", "/containers(1)/volumeMounts(0)/name",
        "/containers(1)/volumeMounts(1)/name");
    assertViolations(report, Rule.VOLUME_NAME, "/volumes(0)/name", "/volumes(1)/name");
    assertViolations(report, Rule.NETWORK_NAME, "/networks(0)/name", "/networks(1)/name");
    assertViolations(report, Rule.SECRET_SOURCE_EMPTY, "/secrets/a/source", "/secrets/b/source");
    // an instance shared by two different places: one command in exec and in the health check
    Command empty = Command.shell("");
    assertViolations(validateContainer(container("main").exec(Exec.of(empty))
            .healthCheck(HealthCheck.of(CheckKind.exec(empty)))),
        Rule.COMMAND_SHELL_EMPTY, "/containers(0)/exec/command/shell", "/containers(0)/healthCheck/exec/command/shell");
  }

  /*
   * FieldConstraints builds its Hibernate Validator once, in a static final field: bootstrapping
   * Hibernate and reading the mapping is expensive, and a Validator is thread-safe and caches the
   * per-class metadata, so every validation, by every PodValidator, reuses the same instance.
   */
  @Test
  void holdsOneValidatorForAllValidations() {
    Validator before = FieldConstraints.validator();
    validate(pod().user("").build());
    new PodValidator(ValidationConfig.DEFAULT.withSecrets(true)).validate(pod().build());
    fieldCheck(pod().build());
    assertThat(FieldConstraints.validator()).isSameAs(before);
  }

  @Property(tries = 200)
  void neverThrowsOnAnyPod(@ForAll("anyPod") Pod pod) {
    List<Violation> violations = fieldCheck(pod);
    assertThat(violations).allSatisfy(v -> assertThat(FIELD_RULES).contains(v.rule()));
    assertThat(violations).doesNotHaveDuplicates();
    assertThat(fieldCheck(pod)).containsExactlyElementsOf(violations);
  }

  @Provide
  Arbitrary<Pod> anyPod() {
    return PodArbitraries.pods();
  }

  /** The violations {@link FieldConstraints} alone finds in {@code pod}. */
  private static List<Violation> fieldCheck(Pod pod) {
    Findings findings = new Findings(ValidationConfig.DEFAULT);
    new FieldConstraints().check(pod, findings);
    return findings.violations();
  }

  /** The violations of this group's rules, in report order. */
  private static List<Violation> fieldViolations(ValidationReport report) {
    return report.violations().stream().filter(v -> FIELD_RULES.contains(v.rule())).toList();
  }
}
