package io.podkit.validation;

import static io.podkit.validation.TestPods.assertNoViolation;
import static io.podkit.validation.TestPods.assertViolations;
import static org.assertj.core.api.Assertions.assertThat;

import io.podkit.model.Container;
import io.podkit.model.Endpoint;
import io.podkit.model.ExecutorResources;
import io.podkit.model.PersistentVolumeInfo;
import io.podkit.model.PersistentVolumeType;
import io.podkit.model.Pod;
import io.podkit.model.Resources;
import io.podkit.model.SchedulingPolicy;
import io.podkit.model.SchedulingPolicy.UpgradeStrategy;
import io.podkit.model.Volume;
import io.podkit.model.VolumeMount;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Replacing a running pod: roles (M-02, M-04) and what a resident pod may not change (G-05..G-08). */
class UpdateRulesTest {
  private static final List<Rule> UPDATE_RULES = List.of(Rule.UPDATE_PERSISTENT_VOLUMES, Rule.UPDATE_RESOURCES,
      Rule.UPDATE_HOST_PORTS, Rule.UPDATE_MAX_OVER_CAPACITY, Rule.RESIDENT_ROLE_CHANGE, Rule.ROLE_NOT_ALLOWED);

  private static ValidationReport update(Pod from, Pod to) {
    return update(from, to, false, ValidationConfig.DEFAULT);
  }

  private static ValidationReport update(Pod from, Pod to, boolean force, ValidationConfig config) {
    return new PodValidator(config).validateUpdate(from, to, force);
  }

  private static Pod resident() {
    return SchedulingRulesTest.residentPod().build();
  }

  /** The resident pod with its only container's resources set to {@code resources}. */
  private static Pod residentWith(Resources resources) {
    Container main = resident().containers().get(0).toBuilder().resources(resources).build();
    return resident().toBuilder().containers(List.of(main)).build();
  }

  /** The resident pod whose container has one endpoint, {@code endpoint}. */
  private static Pod residentWith(Endpoint endpoint) {
    Container main = resident().containers().get(0).toBuilder().endpoint(endpoint).build();
    return resident().toBuilder().containers(List.of(main)).build();
  }

  /** The resident pod with its only volume replaced by {@code volume}. */
  private static Pod residentWith(Volume volume) {
    Pod p = resident();
    return new Pod(p.id(), p.labels(), p.version(), p.user(), p.environment(), p.containers(), p.secrets(),
        List.of(volume), p.networks(), p.scaling(), p.scheduling(), p.executorResources(), p.role(), p.linuxInfo(),
        p.legacySharedCgroups());
  }

  private static List<String> messages(ValidationReport report, Rule rule) {
    return report.of(rule).stream().map(Violation::message).toList();
  }

  private static void assertNoUpdateViolation(ValidationReport report) {
    UPDATE_RULES.forEach(rule -> assertNoViolation(report, rule));
  }

  @Test
  void samePodPasses() {
    ValidationReport report = update(resident(), resident());
    assertThat(report.violations()).isEmpty();
    assertThat(report.isValid()).isTrue();
  }

  @Test
  @DisplayName("update-persistent-volumes")
  void updatePersistentVolumes() {
    // adding the first persistent volume makes the pod resident: not by an update
    Pod from = TestPods.pod().id("/dev/db").role("dev").build();
    ValidationReport report = update(from, resident());
    assertViolations(report, Rule.UPDATE_PERSISTENT_VOLUMES, "/volumes");
    assertThat(messages(report, Rule.UPDATE_PERSISTENT_VOLUMES))
        .containsExactly("persistent volumes cannot be updated");
  }

  @Test
  void changingAPersistentVolumeFails() {
    Pod bigger = residentWith(Volume.persistent("data", PersistentVolumeInfo.ofSize(200)));
    assertViolations(update(resident(), bigger), Rule.UPDATE_PERSISTENT_VOLUMES, "/volumes");
  }

  @Test
  void persistentVolumesAreComparedAfterNormalization() {
    // an absent type is root, as normalization makes it
    PersistentVolumeInfo explicitRoot = new PersistentVolumeInfo(Optional.of(PersistentVolumeType.ROOT), 100,
        Optional.empty(), Optional.empty(), List.of());
    assertNoUpdateViolation(update(resident(), residentWith(Volume.persistent("data", explicitRoot))));
  }

  @Test
  @DisplayName("update-resources")
  void updateResources() {
    ValidationReport report = update(resident(), residentWith(Resources.of(1.0, 64)));
    assertViolations(report, Rule.UPDATE_RESOURCES, "/");
    assertThat(messages(report, Rule.UPDATE_RESOURCES))
        .containsExactly("cpus cannot be updated if a pod has persistent volumes");
  }

  @Test
  void everyChangedResourceIsReported() {
    ValidationReport report = update(resident(), residentWith(Resources.of(0.5, 128, 5, 1)));
    assertViolations(report, Rule.UPDATE_RESOURCES, "/", "/", "/");
    assertThat(messages(report, Rule.UPDATE_RESOURCES)).containsExactly(
        "mem cannot be updated if a pod has persistent volumes",
        "disk cannot be updated if a pod has persistent volumes",
        "gpus cannot be updated if a pod has persistent volumes");
  }

  @Test
  void movingResourcesBetweenExecutorAndContainersKeepsTheTotals() {
    // 0.1 + 0.5 and 0.2 + 0.4 are both 0.6 exactly (not in double arithmetic); 32 + 64 = 64 + 32
    Pod moved = residentWith(new Resources(Optional.of(0.4), Optional.of(32.0), Optional.empty(), Optional.of(0)))
        .toBuilder().executorResources(ExecutorResources.of(0.2, 64, 10)).build();
    assertNoUpdateViolation(update(resident(), moved));
  }

  @Test
  @DisplayName("update-host-ports")
  void updateHostPorts() {
    Pod from = residentWith(Endpoint.builder("db").hostPort(5432).build());
    Pod to = residentWith(Endpoint.builder("db").hostPort(5433).build());
    ValidationReport report = update(from, to);
    assertViolations(report, Rule.UPDATE_HOST_PORTS, "/");
  }

  @Test
  void hostPortsAreComparedAfterNormalization() {
    // without networks an endpoint without host port gets 0, a dynamic port
    Pod from = residentWith(Endpoint.builder("db").build());
    Pod to = residentWith(Endpoint.builder("db").hostPort(0).build());
    assertNoUpdateViolation(update(from, to));
    assertViolations(update(resident(), to), Rule.UPDATE_HOST_PORTS, "/");
  }

  @Test
  @DisplayName("update-max-over-capacity")
  void updateMaxOverCapacity() {
    // without persistent volumes the new pod keeps the default maximumOverCapacity 1.0
    Pod to = TestPods.pod().id("/dev/db").role("dev").build();
    ValidationReport report = update(resident(), to);
    assertViolations(report, Rule.UPDATE_MAX_OVER_CAPACITY, "/scheduling/upgrade/maximumOverCapacity");
    assertThat(messages(report, Rule.UPDATE_MAX_OVER_CAPACITY)).containsExactly("got 1.0, expected 0.0");
  }

  @Test
  void overCapacityOfAResidentPodIsReportedOnce() {
    Pod to = resident().toBuilder()
        .scheduling(SchedulingPolicy.empty().withUpgrade(UpgradeStrategy.of(0.5, 1.0))).build();
    ValidationReport report = update(resident(), to);
    assertViolations(report, Rule.RESIDENT_MAX_OVER_CAPACITY, "/scheduling/upgrade/maximumOverCapacity");
    assertNoViolation(report, Rule.UPDATE_MAX_OVER_CAPACITY);
  }

  @Test
  void residentUpgradeWithoutOverCapacityPasses() {
    Pod to = resident().toBuilder()
        .scheduling(SchedulingPolicy.empty().withUpgrade(UpgradeStrategy.of(0.8, 0.0))).build();
    assertNoUpdateViolation(update(resident(), to));
  }

  @Test
  @DisplayName("resident-role-change")
  void residentRoleChange() {
    ValidationConfig config = ValidationConfig.DEFAULT.withMesosRole("ops");
    Pod to = resident().toBuilder().role("ops").build();
    ValidationReport report = update(resident(), to, false, config);
    assertViolations(report, Rule.RESIDENT_ROLE_CHANGE, "/role");
    assertThat(messages(report, Rule.RESIDENT_ROLE_CHANGE)).containsExactly(
        "It is not possible to change the role for existing reservations. If you proceed with this change, all "
            + "existing instances will continue to run under the previous role, dev. Only new instances will be "
            + "allocated with the new role, ops. In order to continue, retry your request with ?force=true");
    assertNoViolation(report, Rule.ROLE_NOT_ALLOWED);
  }

  @Test
  void forceAllowsTheRoleChangeOnly() {
    ValidationConfig config = ValidationConfig.DEFAULT.withMesosRole("ops");
    Pod to = resident().toBuilder().role("ops").build();
    assertThat(update(resident(), to, true, config).violations()).isEmpty();

    Pod toWithMoreCpus = residentWith(Resources.of(1.0, 64)).toBuilder().role("ops").build();
    ValidationReport report = update(resident(), toWithMoreCpus, true, config);
    assertNoViolation(report, Rule.RESIDENT_ROLE_CHANGE);
    assertViolations(report, Rule.UPDATE_RESOURCES, "/");
  }

  @Test
  void roleChangeOfAResidentPodUnderRootIsLeftToTheAllowedRoles() {
    // directly under / a pod never keeps a previous role: only --mesos_role is valid
    ValidationConfig config = ValidationConfig.DEFAULT.withMesosRole("ops");
    Pod from = SchedulingRulesTest.residentPod("/db").role("old").build();
    Pod to = SchedulingRulesTest.residentPod("/db").build();
    ValidationReport report = update(from, to, false, config);
    assertNoViolation(report, Rule.RESIDENT_ROLE_CHANGE);
    assertNoViolation(report, Rule.ROLE_NOT_ALLOWED);
    assertViolations(update(from, from, false, config), Rule.ROLE_NOT_ALLOWED, "/role");
  }

  @Test
  void previousRoleStaysAllowed() {
    // the pod ran as "legacy" before its group enforced its role
    ValidationConfig config = ValidationConfig.DEFAULT.withEnforceRoleGroups(Set.of("shop"));
    Pod legacy = TestPods.pod().role("legacy").build();
    assertViolations(TestPods.validate(legacy, config), Rule.ROLE_NOT_ALLOWED, "/role");
    assertNoViolation(update(legacy, legacy, false, config), Rule.ROLE_NOT_ALLOWED);

    ValidationReport other = update(legacy, TestPods.pod().role("other").build(), false, config);
    assertViolations(other, Rule.ROLE_NOT_ALLOWED, "/role");
    assertThat(messages(other, Rule.ROLE_NOT_ALLOWED)).containsExactly("got other, expected one of: [legacy, shop]");
  }

  @Test
  void nonResidentPodsMayChangeFreely() {
    Pod from = TestPods.pod().build();
    Pod to = TestPods.podWith(TestPods.container("main").resources(2, 256)
        .endpoint(Endpoint.builder("http").hostPort(8080).build())).build();
    assertNoUpdateViolation(update(from, to));
  }
}
