package io.podkit.translator.preflight;

import static io.podkit.translator.preflight.Baseline.EXECUTOR_ID;
import static io.podkit.translator.preflight.Baseline.FRAMEWORK;
import static io.podkit.translator.preflight.Baseline.SIDECAR;
import static io.podkit.translator.preflight.Baseline.WEB;
import static io.podkit.translator.preflight.Baseline.allocation;
import static io.podkit.translator.preflight.Baseline.check;
import static io.podkit.translator.preflight.Baseline.scalar;
import static io.podkit.translator.preflight.Baseline.withExecutor;
import static io.podkit.translator.preflight.Baseline.withTask;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import com.google.protobuf.ByteString;
import io.podkit.translator.PodTranslationException;
import java.util.List;
import org.apache.mesos.Protos;
import org.apache.mesos.Protos.Offer;
import org.apache.mesos.Protos.Resource;
import org.apache.mesos.Protos.TaskInfo;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * One test per rule of {@code mesos-rules.md} section 1 (and per caveat): each starts from the valid
 * {@link Baseline}, makes one violating change and expects Mesos' rule id and message.
 */
@SuppressWarnings("deprecation") // The R14 tests exercise the legacy Resource.role and Resource.reservation.
class LaunchGroupCheckTest {
  private static final String WEB_INVALID = "Task '" + WEB + "' is invalid: ";
  private static final String SIDECAR_INVALID = "Task '" + SIDECAR + "' is invalid: ";
  private static final String INVALID_OFFERS = "Task launched with invalid offers: ";

  /** The only violation is {@code rule} with {@code message}. */
  private static void assertOnly(List<PreflightViolation> violations, String rule, String message) {
    assertThat(violations).extracting(PreflightViolation::rule, PreflightViolation::message)
        .containsExactly(tuple(rule, message));
  }

  /** Exactly one violation of {@code rule}, with {@code message}; follow-up violations of other rules may exist. */
  private static void assertIncludes(List<PreflightViolation> violations, String rule, String message) {
    assertThat(violations).filteredOn(v -> v.rule().equals(rule))
        .extracting(PreflightViolation::message).containsExactly(message);
  }

  private static Offer.Operation withTaskResource(int task, int resource, Resource r) {
    return withTask(task, t -> t.setResources(resource, r));
  }

  private static Offer.Operation withWebEnv(Protos.Environment.Variable variable) {
    return withTask(0, t -> {
      t.getCommandBuilder().getEnvironmentBuilder().setVariables(0, variable);
      return t;
    });
  }

  private static Protos.Secret reference(String name) {
    return Protos.Secret.newBuilder().setType(Protos.Secret.Type.REFERENCE)
        .setReference(Protos.Secret.Reference.newBuilder().setName(name)).build();
  }

  private static Protos.Secret.Value secretValue(byte... data) {
    return Protos.Secret.Value.newBuilder().setData(ByteString.copyFrom(data)).build();
  }

  @Test
  void baselinePassesWithNoViolations() {
    assertThat(check(Baseline.launchGroup())).isEmpty();
  }

  @Test
  void everyViolationIsReportedNotOnlyTheFirst() {
    Offer.Operation op = withExecutor(e -> e.setResources(1, scalar("mem", 16)).clearFrameworkId());

    assertThat(check(op)).extracting(PreflightViolation::rule).containsExactly("R35", "R41");
  }

  @Test
  void requireValidThrowsWithEveryViolation() {
    Offer.Operation op = withExecutor(e -> e.setResources(1, scalar("mem", 16)));

    assertThatThrownBy(() -> LaunchGroupCheck.requireValid(FRAMEWORK, List.of(Baseline.offer()), List.of(op)))
        .isInstanceOf(PodTranslationException.class)
        .isInstanceOfSatisfying(PreflightException.class, e -> assertThat(e.violations())
            .extracting(PreflightViolation::rule).containsExactly("R41"))
        .hasMessageContaining("uses less memory (16MB)");
  }

  @Test
  void requireValidPassesTheBaseline() {
    LaunchGroupCheck.requireValid(FRAMEWORK, List.of(Baseline.offer()), List.of(Baseline.launchGroup()));
  }

  @Test
  void violationsCarryALocator() {
    Offer.Operation op = withTaskResource(1, 2, scalar("disk", -1));

    assertThat(check(op)).extracting(PreflightViolation::where)
        .containsExactly("operations[0].launch_group.task_group.tasks[1].resources[2]");
  }

  // ------------------------------------------------------------------ R3

  @Test
  void r3_requiredFieldMissing() {
    TaskInfo nameless = Baseline.task(WEB, true).toBuilder().clearName().buildPartial();
    Protos.TaskGroupInfo group = Protos.TaskGroupInfo.newBuilder().addTasks(nameless)
        .addTasks(Baseline.task(SIDECAR, false)).buildPartial();
    Offer.Operation op = Baseline.launchGroup().toBuilder()
        .setLaunchGroup(Baseline.launchGroup().getLaunchGroup().toBuilder().setTaskGroup(group).buildPartial())
        .buildPartial();

    assertOnly(check(op), "R3", "Not initialized: accept.operations[0].launch_group.task_group.tasks[0].name");
  }

  // ------------------------------------------------------------------ offers: R6-R11

  @Test
  void r6_noOffers() {
    assertOnly(LaunchGroupCheck.check(FRAMEWORK, List.of(), List.of(Baseline.launchGroup())),
        "R6", INVALID_OFFERS + "No offers specified");
  }

  @Test
  void r7_duplicateOffer() {
    List<PreflightViolation> violations =
        LaunchGroupCheck.check(FRAMEWORK, List.of(Baseline.offer(), Baseline.offer()), List.of(Baseline.launchGroup()));

    assertOnly(violations, "R7", INVALID_OFFERS + "Duplicate offer offer-1 in offer list");
  }

  @Test
  void r9_offerOfAnotherFramework() {
    Offer offer = Baseline.offer().toBuilder().setFrameworkId(Protos.FrameworkID.newBuilder().setValue("other")).build();

    assertOnly(LaunchGroupCheck.check(FRAMEWORK, List.of(offer), List.of(Baseline.launchGroup())),
        "R9", INVALID_OFFERS + "Offer offer-1 has invalid framework other while framework framework-1 is expected");
  }

  @Test
  void r10_aggregatedOffersOfDifferentRoles() {
    Offer second = Baseline.offer().toBuilder().setId(Protos.OfferID.newBuilder().setValue("offer-2"))
        .clearResources().setAllocationInfo(allocation("web")).build();

    assertOnly(LaunchGroupCheck.check(FRAMEWORK, List.of(Baseline.offer(), second), List.of(Baseline.launchGroup())),
        "R10", INVALID_OFFERS + "Aggregated offers must be allocated to the same role. Offer offer-2 uses role"
            + " 'web but another is using role '*");
  }

  @Test
  void r11_aggregatedOffersOfDifferentAgents() {
    Offer second = Baseline.offer().toBuilder().setId(Protos.OfferID.newBuilder().setValue("offer-2"))
        .clearResources().setSlaveId(Protos.SlaveID.newBuilder().setValue("agent-2")).build();

    assertOnly(LaunchGroupCheck.check(FRAMEWORK, List.of(Baseline.offer(), second), List.of(Baseline.launchGroup())),
        "R11", INVALID_OFFERS + "Aggregated offers must belong to one single agent. Offer offer-2 uses agent agent-2"
            + " and agent agent-1");
  }

  // ------------------------------------------------------------------ operations: R12-R15

  @Test
  void r12_unknownOperation() {
    Offer.Operation unknown = Offer.Operation.newBuilder().setType(Offer.Operation.Type.UNKNOWN).build();

    List<PreflightViolation> violations = check(Baseline.launchGroup(), unknown);

    assertOnly(violations, "R12", "Unknown offer operation");
    assertThat(violations.get(0).where()).isEqualTo("operations[1].type");
  }

  @Test
  void r13_launchGroupFieldMissing() {
    Offer.Operation op = Offer.Operation.newBuilder().setType(Offer.Operation.Type.LAUNCH_GROUP).build();

    assertOnly(check(op), "R13", "A LAUNCH_GROUP offer operation must have the Offer.Operation.launch_group field set.");
  }

  @Test
  void r15_operationIdSet() {
    Offer.Operation op = Baseline.launchGroup().toBuilder()
        .setId(Protos.OperationID.newBuilder().setValue("op-1")).build();

    assertOnly(check(op), "R15", "The `id` field cannot be set on LAUNCH_GROUP operations");
  }

  // ------------------------------------------------------------------ R14: the format of each resource

  @Nested
  class R14 {
    @Test
    void r14_emptyResourceName() {
      assertOnly(check(withTaskResource(1, 2, scalar("", 100))),
          "R14", "Resource '(allocated: *):100' is invalid: Empty resource name");
    }

    @Test
    void r14_negativeScalar() {
      assertOnly(check(withTaskResource(1, 2, scalar("disk", -1))),
          "R14", "Resource 'disk(allocated: *):-1' is invalid: Invalid scalar resource: value <= 0");
    }

    @Test
    void r14_scalarRoundedToZeroByFixedPoint() {
      assertOnly(check(withTaskResource(1, 2, scalar("disk", 0.0001))),
          "R14", "Resource 'disk(allocated: *):0' is invalid: Invalid scalar resource: value <= 0");
    }

    @Test
    void r14_nonFiniteScalar() {
      assertOnly(check(withTaskResource(1, 2, scalar("disk", Double.NaN))),
          "R14", "Resource 'disk(allocated: *):nan' is invalid: Invalid scalar resource: value <= 0");
    }

    @Test
    void r14_scalarWithRangesSet() {
      Resource r = scalar("disk", 100).toBuilder().setRanges(Protos.Value.Ranges.getDefaultInstance()).build();

      assertOnly(check(withTaskResource(1, 2, r)),
          "R14", "Resource 'disk(allocated: *):100' is invalid: Invalid scalar resource");
    }

    @Test
    void r14_rangeBeginAfterEnd() {
      assertOnly(check(withTaskResource(0, 3, Baseline.ports(31005, 31001))),
          "R14", "Resource 'ports(allocated: *):[31005-31001]' is invalid: Invalid ranges resource: begin > end");
    }

    @Test
    void r14_overlappingRanges() {
      Resource r = Baseline.ports(31000, 31005).toBuilder()
          .setRanges(Protos.Value.Ranges.newBuilder()
              .addRange(Protos.Value.Range.newBuilder().setBegin(31000).setEnd(31005))
              .addRange(Protos.Value.Range.newBuilder().setBegin(31003).setEnd(31008)))
          .build();

      assertOnly(check(withTaskResource(0, 3, r)),
          "R14", "Resource 'ports(allocated: *):[31000-31005, 31003-31008]' is invalid: Invalid ranges resource:"
              + " overlapping ranges");
    }

    @Test
    void r14_duplicateSetItems() {
      Resource zones = Resource.newBuilder().setName("zones").setType(Protos.Value.Type.SET)
          .setAllocationInfo(allocation("*"))
          .setSet(Protos.Value.Set.newBuilder().addItem("a").addItem("a")).build();

      assertOnly(check(withTask(1, t -> t.addResources(zones))),
          "R14", "Resource 'zones(allocated: *):{a, a}' is invalid: Invalid set resource: duplicated elements");
    }

    @Test
    void r14_textType() {
      Resource text = Resource.newBuilder().setName("motd").setType(Protos.Value.Type.TEXT)
          .setAllocationInfo(allocation("*")).build();

      assertOnly(check(withTask(1, t -> t.addResources(text))),
          "R14", "Resource 'motd(allocated: *):' is invalid: Unsupported resource type");
    }

    @Test
    void r14_diskInfoOnNonDiskResource() {
      Resource r = Baseline.ports(31000, 31000).toBuilder().setDisk(Resource.DiskInfo.newBuilder()
          .setSource(Resource.DiskInfo.Source.newBuilder().setType(Resource.DiskInfo.Source.Type.PATH))).build();

      assertOnly(check(withTaskResource(0, 3, r)),
          "R14", "Resource 'ports(allocated: *)[PATH]:[31000-31000]' is invalid: DiskInfo should not be set for"
              + " ports resource");
    }

    @Test
    void r14_blockDiskWithMount() {
      Resource r = scalar("disk", 100).toBuilder().setDisk(Resource.DiskInfo.newBuilder()
          .setSource(Resource.DiskInfo.Source.newBuilder().setType(Resource.DiskInfo.Source.Type.BLOCK)
              .setMount(Resource.DiskInfo.Source.Mount.newBuilder().setRoot("/mnt")))).build();

      assertOnly(check(withTaskResource(1, 2, r)),
          "R14", "Resource 'disk(allocated: *)[BLOCK]:100' is invalid: Mount should not be set for BLOCK disk source");
    }

    @Test
    void r14_invalidRoleName() {
      assertOnly(check(withTaskResource(1, 2, scalar("disk", 100).toBuilder().setRole("-web").build())),
          "R14", "Resource 'disk(allocated: *):100' is invalid: Role component '-web' is invalid because it starts"
              + " with a dash");
    }

    @Test
    void r14_roleWithWhitespace() {
      assertOnly(check(withTaskResource(1, 2, scalar("disk", 100).toBuilder().setRole("web/a b").build())),
          "R14", "Resource 'disk(allocated: *):100' is invalid: Role component 'a b' is invalid because it contains"
              + " backspace or whitespace");
    }

    @Test
    void r14_starCannotBeDynamicallyReserved() {
      Resource r = scalar("disk", 100).toBuilder()
          .setReservation(Resource.ReservationInfo.newBuilder().setPrincipal("ops")).build();

      assertOnly(check(withTaskResource(1, 2, r)),
          "R14", "Resource 'disk(allocated: *):100' is invalid: Invalid reservation: role \"*\" cannot be dynamically"
              + " reserved");
    }

    @Test
    void r14_refinedReservationMustBeDynamic() {
      Resource r = scalar("disk", 100).toBuilder().clearRole()
          .addReservations(Resource.ReservationInfo.newBuilder()
              .setType(Resource.ReservationInfo.Type.STATIC).setRole("web"))
          .addReservations(Resource.ReservationInfo.newBuilder()
              .setType(Resource.ReservationInfo.Type.STATIC).setRole("web/a"))
          .build();

      assertOnly(check(withTaskResource(1, 2, r)),
          "R14", "Resource 'disk(allocated: *)(reservations: [(STATIC,web),(STATIC,web/a)]):100' is invalid: Invalid"
              + " refined reservation: A refined reservation cannot be STATIC");
    }

    @Test
    void r14_refinementMustBeASubrole() {
      Resource r = scalar("disk", 100).toBuilder().clearRole()
          .addReservations(Resource.ReservationInfo.newBuilder()
              .setType(Resource.ReservationInfo.Type.STATIC).setRole("web"))
          .addReservations(Resource.ReservationInfo.newBuilder()
              .setType(Resource.ReservationInfo.Type.DYNAMIC).setRole("db"))
          .build();

      assertOnly(check(withTaskResource(1, 2, r)),
          "R14", "Resource 'disk(allocated: *)(reservations: [(STATIC,web),(DYNAMIC,db)]):100' is invalid: Invalid"
              + " refined reservation: role 'db' is not a refinement of 'web'");
    }

    @Test
    void r14_legacyRoleMustMatchTheSingleReservation() {
      Resource r = scalar("disk", 100).toBuilder().setRole("db")
          .addReservations(Resource.ReservationInfo.newBuilder()
              .setType(Resource.ReservationInfo.Type.STATIC).setRole("web"))
          .build();

      assertOnly(check(withTaskResource(1, 2, r)),
          "R14", "Resource 'disk(allocated: *)(reservations: [(STATIC,web)]):100' is invalid: Invalid resource format:"
              + " 'Resource.role' field with 'db' does not match the role 'web' in 'Resource.reservations'");
    }

    @Test
    void r14_onlyPersistentVolumesCanBeShared() {
      Resource r = scalar("disk", 100).toBuilder().setShared(Resource.SharedInfo.getDefaultInstance()).build();

      assertOnly(check(withTaskResource(1, 2, r)),
          "R14", "Resource 'disk(allocated: *)<SHARED>:100' is invalid: Only persistent volumes can be shared");
    }

    @Test
    void r14_executorResourcesAreChecked() {
      List<PreflightViolation> violations = check(withExecutor(e -> e.addResources(Baseline.ports(32000, 31000))));

      assertOnly(violations, "R14", "Resource 'ports(allocated: *):[32000-31000]' is invalid: Invalid ranges resource:"
          + " begin > end");
      assertThat(violations.get(0).where()).isEqualTo("operations[0].launch_group.executor.resources[3]");
    }
  }

  // ------------------------------------------------------------------ tasks: R16-R30

  @Nested
  class R16 {
    @Test
    void r16_taskIdWithSlash() {
      assertOnly(check(withTask(1, t -> t.setTaskId(Protos.TaskID.newBuilder().setValue("web/sidecar")))),
          "R16", "Task 'web/sidecar' is invalid: 'web/sidecar' contains invalid characters");
    }

    @Test
    void r16_taskIdEmpty() {
      assertOnly(check(withTask(1, t -> t.setTaskId(Protos.TaskID.newBuilder().setValue("")))),
          "R16", "Task '' is invalid: ID must not be empty");
    }

    @Test
    void r16_taskIdDotDot() {
      assertOnly(check(withTask(1, t -> t.setTaskId(Protos.TaskID.newBuilder().setValue("..")))),
          "R16", "Task '..' is invalid: '..' is disallowed");
    }

    @Test
    void r16_taskIdTooLong() {
      String id = "x".repeat(256);

      assertOnly(check(withTask(1, t -> t.setTaskId(Protos.TaskID.newBuilder().setValue(id)))),
          "R16", "Task '" + id + "' is invalid: ID must not be greater than 255 characters");
    }
  }

  @Test
  void r17_taskIdOfALiveTask() {
    List<PreflightViolation> violations = LaunchGroupCheck.builder(FRAMEWORK)
        .offers(List.of(Baseline.offer()))
        .operations(List.of(Baseline.launchGroup()))
        .liveTaskIds(List.of(Protos.TaskID.newBuilder().setValue(SIDECAR).build()))
        .check();

    assertOnly(violations, "R17", SIDECAR_INVALID + "Task has duplicate ID: " + SIDECAR);
  }

  @Test
  void r17_taskIdOfAnUnreachableTask() {
    List<PreflightViolation> violations = LaunchGroupCheck.builder(FRAMEWORK)
        .offers(List.of(Baseline.offer()))
        .operations(List.of(Baseline.launchGroup()))
        .unreachableTaskIds(List.of(Protos.TaskID.newBuilder().setValue(WEB).build()))
        .check();

    assertOnly(violations, "R17", WEB_INVALID + "Task reuses the ID of an unreachable task: " + WEB);
  }

  @Test
  void c1_duplicateTaskIdInsideTheGroup() {
    assertOnly(check(withTask(1, t -> t.setTaskId(Protos.TaskID.newBuilder().setValue(WEB)))),
        "C1", "Task ID '" + WEB + "' is used more than once in the task group: Mesos does not reject it, and adding the"
            + " second task fails a CHECK that aborts the master (by code reading)");
  }

  @Test
  void c2_taskIdReusedByALaterOperationOfTheSameAccept() {
    TaskInfo again = Baseline.task(WEB, false);
    Offer.Operation second = Baseline.launchGroup(Baseline.executor(), List.of(again));

    List<PreflightViolation> violations = check(Baseline.launchGroup(), second);

    assertOnly(violations, "C2", WEB_INVALID + "Task has duplicate ID: " + WEB);
    assertThat(violations.get(0).where()).isEqualTo("operations[1].launch_group.task_group.tasks[0].task_id");
  }

  @Test
  void r18_taskOnAnotherAgent() {
    assertOnly(check(withTask(1, t -> t.setSlaveId(Protos.SlaveID.newBuilder().setValue("agent-2")))),
        "R18", SIDECAR_INVALID + "Task uses invalid agent agent-2 while agent agent-1 is expected");
  }

  @Test
  void r19_negativeKillGracePeriod() {
    assertOnly(check(withTask(1, t -> t.setKillPolicy(Protos.KillPolicy.newBuilder()
            .setGracePeriod(Protos.DurationInfo.newBuilder().setNanoseconds(-1))))),
        "R19", SIDECAR_INVALID + "Task's 'kill_policy.grace_period' must be non-negative");
  }

  @Test
  void r20_negativeMaxCompletionTime() {
    assertOnly(check(withTask(1, t -> t.setMaxCompletionTime(Protos.DurationInfo.newBuilder().setNanoseconds(-1)))),
        "R20", SIDECAR_INVALID + "Task's `max_completion_time` must be non-negative");
  }

  @Nested
  class R21 {
    @Test
    void r21_checkPathWithoutLeadingSlash() {
      assertOnly(check(withTask(1, t -> {
        t.getCheckBuilder().getHttpBuilder().setPath("ready");
        return t;
      })), "R21", SIDECAR_INVALID + "Task uses invalid check: The path 'ready' of HTTP check must start with '/'");
    }

    @Test
    void r21_checkWithoutType() {
      assertOnly(check(withTask(1, t -> {
        t.getCheckBuilder().clearType();
        return t;
      })), "R21", SIDECAR_INVALID + "Task uses invalid check: CheckInfo must specify 'type'");
    }

    @Test
    void r21_tcpCheckWithoutTcp() {
      assertOnly(check(withTask(1, t -> {
        t.getCheckBuilder().setType(Protos.CheckInfo.Type.TCP);
        return t;
      })), "R21", SIDECAR_INVALID + "Task uses invalid check: Expecting 'tcp' to be set for TCP check");
    }

    @Test
    void r21_commandCheckWithoutShellCommand() {
      assertOnly(check(withTask(1, t -> t.setCheck(Protos.CheckInfo.newBuilder()
              .setType(Protos.CheckInfo.Type.COMMAND)
              .setCommand(Protos.CheckInfo.Command.newBuilder().setCommand(Protos.CommandInfo.getDefaultInstance()))))),
          "R21", SIDECAR_INVALID + "Task uses invalid check: Command check must contain 'shell command'");
    }

    @Test
    void r21_negativeCheckDelay() {
      assertOnly(check(withTask(1, t -> {
        t.getCheckBuilder().setDelaySeconds(-1);
        return t;
      })), "R21", SIDECAR_INVALID + "Task uses invalid check: Expecting 'delay_seconds' to be non-negative");
    }
  }

  @Nested
  class R22 {
    @Test
    void r22_healthCheckWithoutType() {
      assertOnly(check(withTask(1, t -> {
        t.getHealthCheckBuilder().clearType();
        return t;
      })), "R22", SIDECAR_INVALID + "Task uses invalid health check: HealthCheck must specify 'type'");
    }

    @Test
    void r22_unsupportedScheme() {
      assertOnly(check(withTask(1, t -> {
        t.getHealthCheckBuilder().getHttpBuilder().setScheme("ftp");
        return t;
      })), "R22", SIDECAR_INVALID + "Task uses invalid health check: Unsupported HTTP health check scheme: 'ftp'");
    }

    @Test
    void r22_pathWithoutLeadingSlash() {
      assertOnly(check(withTask(1, t -> {
        t.getHealthCheckBuilder().getHttpBuilder().setPath("health");
        return t;
      })), "R22", SIDECAR_INVALID + "Task uses invalid health check: The path 'health' of HTTP health check must start"
          + " with '/'");
    }

    @Test
    void r22_httpTypeWithoutHttp() {
      assertOnly(check(withTask(1, t -> {
        t.getHealthCheckBuilder().clearHttp();
        return t;
      })), "R22", SIDECAR_INVALID + "Task uses invalid health check: Expecting 'http' to be set for HTTP health check");
    }

    @Test
    void r22_commandTypeWithoutCommand() {
      assertOnly(check(withTask(1, t -> {
        t.getHealthCheckBuilder().setType(Protos.HealthCheck.Type.COMMAND);
        return t;
      })), "R22", SIDECAR_INVALID + "Task uses invalid health check: Expecting 'command' to be set for COMMAND health"
          + " check");
    }

    @Test
    void r22_unknownType() {
      assertOnly(check(withTask(1, t -> {
        t.getHealthCheckBuilder().setType(Protos.HealthCheck.Type.UNKNOWN);
        return t;
      })), "R22", SIDECAR_INVALID + "Task uses invalid health check: 'UNKNOWN' is not a valid health check type");
    }

    @Test
    void r22_negativeInterval() {
      assertOnly(check(withTask(1, t -> {
        t.getHealthCheckBuilder().setIntervalSeconds(-1);
        return t;
      })), "R22", SIDECAR_INVALID + "Task uses invalid health check: Expecting 'interval_seconds' to be non-negative");
    }
  }

  @Nested
  class R23 {
    @Test
    void r23_taskWithoutResources() {
      assertIncludes(check(withTask(1, TaskInfo.Builder::clearResources)),
          "R23", SIDECAR_INVALID + "Task uses no resources");
    }

    @Test
    void r23_fractionalGpus() {
      assertIncludes(check(withTask(1, t -> t.addResources(scalar("gpus", 0.5)))),
          "R23", SIDECAR_INVALID + "Task uses invalid resources: Invalid 'gpus' resource: The 'gpus' resource must be"
              + " an unsigned integer");
    }

    @Test
    void r23_persistentVolumeFromUnreservedDisk() {
      Resource volume = scalar("disk", 100).toBuilder().setDisk(Resource.DiskInfo.newBuilder()
          .setPersistence(Resource.DiskInfo.Persistence.newBuilder().setId("data"))
          .setVolume(Protos.Volume.newBuilder().setContainerPath("data").setMode(Protos.Volume.Mode.RW))).build();

      assertIncludes(check(withTaskResource(1, 2, volume)),
          "R23", SIDECAR_INVALID + "Task uses invalid resources: Invalid DiskInfo: Persistent volumes cannot be"
              + " created from unreserved resources");
    }

    @Test
    void r23_persistentVolumeWithoutVolume() {
      Resource disk = reservedVolume("data").toBuilder()
          .setDisk(Resource.DiskInfo.newBuilder().setPersistence(Resource.DiskInfo.Persistence.newBuilder().setId("data")))
          .build();

      assertIncludes(check(withTaskResource(1, 2, disk)),
          "R23", SIDECAR_INVALID + "Task uses invalid resources: Invalid DiskInfo: Expecting 'volume' to be set for"
              + " persistent volume");
    }

    @Test
    void r23_nonPersistentVolume() {
      Resource disk = scalar("disk", 100).toBuilder().setDisk(Resource.DiskInfo.newBuilder()
          .setVolume(Protos.Volume.newBuilder().setContainerPath("data").setMode(Protos.Volume.Mode.RW))).build();

      assertIncludes(check(withTaskResource(1, 2, disk)),
          "R23", SIDECAR_INVALID + "Task uses invalid resources: Invalid DiskInfo: Non-persistent volume not supported");
    }

    @Test
    void r23_emptyDiskInfo() {
      Resource disk = scalar("disk", 100).toBuilder().setDisk(Resource.DiskInfo.getDefaultInstance()).build();

      assertIncludes(check(withTaskResource(1, 2, disk)),
          "R23", SIDECAR_INVALID + "Task uses invalid resources: Invalid DiskInfo: DiskInfo is set but empty");
    }

    @Test
    void r23_multipleAllocationRoles() {
      Resource cpus = scalar("cpus", 0.5).toBuilder().setAllocationInfo(allocation("web")).build();

      assertIncludes(check(withTaskResource(1, 0, cpus)),
          "R23", SIDECAR_INVALID + "Invalid task resources: The resources have multiple allocation roles ('*' and"
              + " 'web') but only one allocation role is allowed");
    }

    @Test
    void r23_revocableMixedWithNonRevocable() {
      Resource revocable = scalar("cpus", 0.1).toBuilder().setRevocable(Resource.RevocableInfo.getDefaultInstance())
          .build();

      assertIncludes(check(withTask(1, t -> t.addResources(revocable))),
          "R23", SIDECAR_INVALID + "Task mixes revocable and non-revocable resources: Cannot use both revocable and"
              + " non-revocable 'cpus' at the same time");
    }
  }

  @Nested
  class R24 {
    @Test
    void r24_valueVariableWithoutValue() {
      assertOnly(check(withWebEnv(Protos.Environment.Variable.newBuilder().setName("GREETING").build())),
          "R24", WEB_INVALID + "Task's `CommandInfo` is invalid: Environment variable 'GREETING' of type 'VALUE' must"
              + " have a value set");
    }

    @Test
    void r24_valueVariableWithSecret() {
      assertOnly(check(withWebEnv(Protos.Environment.Variable.newBuilder().setName("GREETING").setValue("hello")
              .setSecret(reference("greeting")).build())),
          "R24", WEB_INVALID + "Task's `CommandInfo` is invalid: Environment variable 'GREETING' of type 'VALUE' must"
              + " not have a secret set");
    }

    @Test
    void r24_secretVariableWithoutSecret() {
      assertOnly(check(withWebEnv(Protos.Environment.Variable.newBuilder().setName("TOKEN")
              .setType(Protos.Environment.Variable.Type.SECRET).build())),
          "R24", WEB_INVALID + "Task's `CommandInfo` is invalid: Environment variable 'TOKEN' of type 'SECRET' must"
              + " have a secret set");
    }

    @Test
    void r24_secretVariableWithValue() {
      assertOnly(check(withWebEnv(Protos.Environment.Variable.newBuilder().setName("TOKEN")
              .setType(Protos.Environment.Variable.Type.SECRET).setSecret(reference("token")).setValue("x").build())),
          "R24", WEB_INVALID + "Task's `CommandInfo` is invalid: Environment variable 'TOKEN' of type 'SECRET' must"
              + " not have a value set");
    }

    @Test
    void r24_referenceSecretWithoutReference() {
      Protos.Secret secret = Protos.Secret.newBuilder().setType(Protos.Secret.Type.REFERENCE).build();

      assertOnly(check(withWebEnv(Protos.Environment.Variable.newBuilder().setName("TOKEN")
              .setType(Protos.Environment.Variable.Type.SECRET).setSecret(secret).build())),
          "R24", WEB_INVALID + "Task's `CommandInfo` is invalid: Environment variable 'TOKEN' specifies an invalid"
              + " secret: Secret of type REFERENCE must have the 'reference' field set");
    }

    @Test
    void r24_referenceSecretWithValue() {
      Protos.Secret secret = reference("token").toBuilder().setValue(secretValue((byte) 'x')).build();

      assertOnly(check(withWebEnv(Protos.Environment.Variable.newBuilder().setName("TOKEN")
              .setType(Protos.Environment.Variable.Type.SECRET).setSecret(secret).build())),
          "R24", WEB_INVALID + "Task's `CommandInfo` is invalid: Environment variable 'TOKEN' specifies an invalid"
              + " secret: Secret 'token' of type REFERENCE must not have the 'value' field set");
    }

    @Test
    void r24_valueSecretWithReference() {
      Protos.Secret secret = reference("token").toBuilder().setType(Protos.Secret.Type.VALUE)
          .setValue(secretValue((byte) 'x')).build();

      assertOnly(check(withWebEnv(Protos.Environment.Variable.newBuilder().setName("TOKEN")
              .setType(Protos.Environment.Variable.Type.SECRET).setSecret(secret).build())),
          "R24", WEB_INVALID + "Task's `CommandInfo` is invalid: Environment variable 'TOKEN' specifies an invalid"
              + " secret: Secret of type VALUE must not have the 'reference' field set");
    }

    @Test
    void r24_secretWithNullByte() {
      Protos.Secret secret = Protos.Secret.newBuilder().setType(Protos.Secret.Type.VALUE)
          .setValue(secretValue((byte) 'a', (byte) 0, (byte) 'b')).build();

      assertOnly(check(withWebEnv(Protos.Environment.Variable.newBuilder().setName("TOKEN")
              .setType(Protos.Environment.Variable.Type.SECRET).setSecret(secret).build())),
          "R24", WEB_INVALID + "Task's `CommandInfo` is invalid: Environment variable 'TOKEN' specifies a secret"
              + " containing null bytes, which is not allowed in the environment");
    }

    @Test
    void r24_unknownVariableType() {
      assertOnly(check(withWebEnv(Protos.Environment.Variable.newBuilder().setName("GREETING").setValue("hello")
              .setType(Protos.Environment.Variable.Type.UNKNOWN).build())),
          "R24", WEB_INVALID + "Task's `CommandInfo` is invalid: Environment variable of type 'UNKNOWN' is not allowed");
    }
  }

  @Nested
  class R25 {
    private Offer.Operation withVolume(Protos.Volume volume) {
      return withTask(1, t -> {
        t.getContainerBuilder().addVolumes(volume);
        return t;
      });
    }

    private Protos.Volume.Builder volume() {
      return Protos.Volume.newBuilder().setContainerPath("shared").setMode(Protos.Volume.Mode.RW);
    }

    @Test
    void r25_volumeWithHostPathAndSource() {
      Protos.Volume v = volume().setHostPath("/tmp").setSource(Protos.Volume.Source.newBuilder()
          .setType(Protos.Volume.Source.Type.SANDBOX_PATH)
          .setSandboxPath(Protos.Volume.Source.SandboxPath.newBuilder()
              .setType(Protos.Volume.Source.SandboxPath.Type.PARENT).setPath("shared"))).build();

      assertOnly(check(withVolume(v)), "R25", SIDECAR_INVALID + "Task's `ContainerInfo` is invalid: Invalid volume:"
          + " Only one of them should be set: 'host_path', 'image' and 'source'");
    }

    @Test
    void r25_volumeWithNothingSet() {
      assertOnly(check(withVolume(volume().build())), "R25", SIDECAR_INVALID + "Task's `ContainerInfo` is invalid:"
          + " Invalid volume: Only one of them should be set: 'host_path', 'image' and 'source'");
    }

    @Test
    void r25_sandboxPathSourceWithoutSandboxPath() {
      Protos.Volume v = volume().setSource(Protos.Volume.Source.newBuilder()
          .setType(Protos.Volume.Source.Type.SANDBOX_PATH)).build();

      assertOnly(check(withVolume(v)), "R25", SIDECAR_INVALID + "Task's `ContainerInfo` is invalid: Invalid volume:"
          + " 'source.sandbox_path' is not set for SANDBOX_PATH volume");
    }

    @Test
    void r25_secretSourceWithoutSecret() {
      Protos.Volume v = volume().setSource(Protos.Volume.Source.newBuilder()
          .setType(Protos.Volume.Source.Type.SECRET)).build();

      assertOnly(check(withVolume(v)), "R25", SIDECAR_INVALID + "Task's `ContainerInfo` is invalid: Invalid volume:"
          + " 'source.secret' is not set for SECRET volume");
    }

    @Test
    void r25_csiVolumeWithoutStaticProvisioning() {
      Protos.Volume v = volume().setSource(Protos.Volume.Source.newBuilder()
          .setType(Protos.Volume.Source.Type.CSI_VOLUME)
          .setCsiVolume(Protos.Volume.Source.CSIVolume.newBuilder().setPluginName("csi"))).build();

      assertOnly(check(withVolume(v)), "R25", SIDECAR_INVALID + "Task's `ContainerInfo` is invalid: Invalid volume:"
          + " 'source.csi_volume.static_provisioning' is not set for CSI volume");
    }

    @Test
    void r25_dockerContainerWithoutDockerInfo() {
      assertIncludes(check(withTask(1, t -> {
        t.getContainerBuilder().setType(Protos.ContainerInfo.Type.DOCKER);
        return t;
      })), "R25", SIDECAR_INVALID + "Task's `ContainerInfo` is invalid: DockerInfo 'docker' is not set for DOCKER typed"
          + " ContainerInfo");
    }

    @Test
    void r25_unknownSourceType() {
      Protos.Volume v = volume().setSource(Protos.Volume.Source.newBuilder()
          .setType(Protos.Volume.Source.Type.UNKNOWN)).build();

      assertOnly(check(withVolume(v)), "R25", SIDECAR_INVALID + "Task's `ContainerInfo` is invalid: Invalid volume:"
          + " 'source.type' is unknown");
    }
  }

  @Nested
  class R26 {
    @Test
    void r26_limitOnOtherResource() {
      assertOnly(check(withTask(1, t -> t.putLimits("disk", Protos.Value.Scalar.newBuilder().setValue(200).build()))),
          "R26", SIDECAR_INVALID + "Only cpus and mem may be included in a task's resource limits");
    }

    @Test
    void r26_cpuLimitBelowRequest() {
      assertOnly(check(withTask(1, t -> t.putLimits("cpus", Protos.Value.Scalar.newBuilder().setValue(0.25).build()))),
          "R26", SIDECAR_INVALID + "The cpu limit must be greater than or equal to the cpu request");
    }

    @Test
    void r26_memLimitBelowRequest() {
      assertOnly(check(withTask(1, t -> t.putLimits("mem", Protos.Value.Scalar.newBuilder().setValue(64).build()))),
          "R26", SIDECAR_INVALID + "The memory limit must be greater than or equal to the memory request");
    }

    @Test
    void r26_cpuLimitWithoutRequest() {
      Resource gpus = scalar("gpus", 1);

      assertIncludes(check(withTaskResource(1, 0, gpus)),
          "R26", SIDECAR_INVALID + "When a CPU limit is specified, a CPU request must also be specified");
    }

    @Test
    void r26_infiniteLimitsAreAccepted() {
      Protos.Value.Scalar infinity = Protos.Value.Scalar.newBuilder().setValue(Double.POSITIVE_INFINITY).build();

      assertThat(check(withTask(1, t -> t.putLimits("cpus", infinity).putLimits("mem", infinity)))).isEmpty();
    }
  }

  @Test
  void r27_taskCarryingTheGroupsExecutorIsAccepted() {
    assertThat(check(withTask(0, t -> t.setExecutor(Baseline.executor())))).isEmpty();
  }

  @Test
  void r28_httpHealthCheckOnATaskWithItsOwnNetwork() {
    assertOnly(check(withTask(1, t -> {
      t.getContainerBuilder().addNetworkInfos(Protos.NetworkInfo.newBuilder().setName("overlay"));
      return t;
    })), "R28", SIDECAR_INVALID + "HTTP and TCP health checks are not supported for nested containers not joining"
        + " parent's network");
  }

  @Test
  void r29_dockerContainerOnATask() {
    assertIncludes(check(withTask(1, t -> {
      t.getContainerBuilder().setType(Protos.ContainerInfo.Type.DOCKER);
      return t;
    })), "R29", SIDECAR_INVALID + "Docker ContainerInfo is not supported on the task");
  }

  @Test
  void r30_limitsWithoutShareCgroupsFalse() {
    assertIncludes(check(withTask(1, t -> {
      t.getContainerBuilder().clearLinuxInfo();
      return t;
    })), "R30", SIDECAR_INVALID + "Resource limits may only be set for tasks within a task group when the"
        + " 'share_cgroups' field is set to 'false'.");
  }

  // ------------------------------------------------------------------ executor: R31-R43

  @Nested
  class R31 {
    @Test
    void r31_defaultExecutorWithCommand() {
      assertOnly(check(withExecutor(e -> e.setCommand(Protos.CommandInfo.newBuilder().setValue("run")))),
          "R31", "'ExecutorInfo.command' must not be set for 'DEFAULT' executor");
    }

    @Test
    void r31_defaultExecutorWithDockerContainer() {
      assertIncludes(check(withExecutor(e -> {
        e.getContainerBuilder().setType(Protos.ContainerInfo.Type.DOCKER);
        return e;
      })), "R31", "'ExecutorInfo.container.type' must be 'MESOS' for 'DEFAULT' executor");
    }

    @Test
    void r31_defaultExecutorWithImage() {
      assertOnly(check(withExecutor(e -> {
        e.getContainerBuilder().getMesosBuilder().setImage(Protos.Image.newBuilder().setType(Protos.Image.Type.DOCKER)
            .setDocker(Protos.Image.Docker.newBuilder().setName("nginx")));
        return e;
      })), "R31", "'ExecutorInfo.container.mesos.image' must not be set for 'DEFAULT' executor");
    }

    @Test
    void r31_customExecutorWithoutCommand() {
      assertOnly(check(withExecutor(e -> e.setType(Protos.ExecutorInfo.Type.CUSTOM))),
          "R31", "'ExecutorInfo.command' must be set for 'CUSTOM' executor");
    }
  }

  @Test
  void r32_executorIdWithBackslash() {
    assertIncludes(check(withExecutor(e -> e.setExecutorId(Protos.ExecutorID.newBuilder().setValue("a\\b")))),
        "R32", "'a\\b' contains invalid characters");
  }

  @Test
  void r33_negativeShutdownGracePeriod() {
    assertOnly(check(withExecutor(e -> e.setShutdownGracePeriod(Protos.DurationInfo.newBuilder().setNanoseconds(-1)))),
        "R33", "ExecutorInfo's 'shutdown_grace_period' must be non-negative");
  }

  @Test
  void r34_executorVolumeInvalid() {
    assertOnly(check(withExecutor(e -> {
      e.getContainerBuilder().addVolumes(Protos.Volume.newBuilder().setContainerPath("shared")
          .setMode(Protos.Volume.Mode.RW));
      return e;
    })), "R34", "Executor's `ContainerInfo` is invalid: Invalid volume: Only one of them should be set: 'host_path',"
        + " 'image' and 'source'");
  }

  @Test
  void r34_customExecutorCommandEnvironmentInvalid() {
    Protos.CommandInfo command = Protos.CommandInfo.newBuilder().setValue("run")
        .setEnvironment(Protos.Environment.newBuilder()
            .addVariables(Protos.Environment.Variable.newBuilder().setName("MODE")))
        .build();

    assertOnly(check(withExecutor(e -> e.setType(Protos.ExecutorInfo.Type.CUSTOM).setCommand(command))),
        "R34", "Executor's `CommandInfo` is invalid: Environment variable 'MODE' of type 'VALUE' must have a value set");
  }

  @Test
  void r35_executorWithoutFrameworkId() {
    assertOnly(check(withExecutor(Protos.ExecutorInfo.Builder::clearFrameworkId)),
        "R35", "'ExecutorInfo.framework_id' must be set");
  }

  @Test
  void r35_executorOfAnotherFramework() {
    assertOnly(check(withExecutor(e -> e.setFrameworkId(Protos.FrameworkID.newBuilder().setValue("other")))),
        "R35", "ExecutorInfo has an invalid FrameworkID (Actual: other vs Expected: framework-1)");
  }

  @Test
  void r36_executorWithFractionalGpus() {
    assertIncludes(check(withExecutor(e -> e.addResources(scalar("gpus", 0.5)))),
        "R36", "Executor uses invalid resources: Invalid 'gpus' resource: The 'gpus' resource must be an unsigned"
            + " integer");
  }

  @Test
  void r37_sameExecutorIdWithADifferentExecutorInTheSameAccept() {
    Protos.ExecutorInfo renamed = Baseline.executor().toBuilder().setName("renamed").build();
    Offer.Operation second = Baseline.launchGroup(renamed, List.of(Baseline.task("other.1", false)));

    List<PreflightViolation> violations = check(Baseline.launchGroup(), second);

    assertThat(violations).extracting(PreflightViolation::rule).containsExactly("R37");
    assertThat(violations.get(0).message())
        .startsWith("ExecutorInfo is not compatible with existing ExecutorInfo with same ExecutorID.\n")
        .contains("name: \"renamed\"");
  }

  @Test
  void r38_executorWithoutType() {
    assertOnly(check(withExecutor(Protos.ExecutorInfo.Builder::clearType)), "R38", "'ExecutorInfo.type' must be set");
  }

  @Test
  void r38_executorOfUnknownType() {
    assertOnly(check(withExecutor(e -> e.setType(Protos.ExecutorInfo.Type.UNKNOWN))), "R38", "Unknown executor type");
  }

  @Test
  void r39_customExecutorWithDockerContainer() {
    Protos.ContainerInfo docker = Protos.ContainerInfo.newBuilder().setType(Protos.ContainerInfo.Type.DOCKER)
        .setDocker(Protos.ContainerInfo.DockerInfo.newBuilder().setImage("executor")).build();

    assertOnly(check(withExecutor(e -> e.setType(Protos.ExecutorInfo.Type.CUSTOM)
            .setCommand(Protos.CommandInfo.newBuilder().setValue("run")).setContainer(docker))),
        "R39", "Docker ContainerInfo is not supported on the executor");
  }

  @Test
  void r40_taskWithADifferentExecutor() {
    assertOnly(check(withTask(1, t -> t.setExecutor(Baseline.executor().toBuilder().setName("other")))),
        "R40", "The `ExecutorInfo` of task '" + SIDECAR + "' is different from executor '" + EXECUTOR_ID + "'");
  }

  @Nested
  class R41 {
    @Test
    void r41_executorMemBelowMinimum() {
      assertOnly(check(withExecutor(e -> e.setResources(1, scalar("mem", 16)))),
          "R41", "Executor '" + EXECUTOR_ID + "' uses less memory (16MB) than the minimum required (32MB)");
    }

    @Test
    void r41_executorWithoutMem() {
      assertOnly(check(withExecutor(e -> e.removeResources(1))),
          "R41", "Executor '" + EXECUTOR_ID + "' uses less memory (None) than the minimum required (32MB)");
    }

    @Test
    void r41_executorCpusBelowMinimum() {
      assertOnly(check(withExecutor(e -> e.setResources(0, scalar("cpus", 0.005)))),
          "R41", "Executor '" + EXECUTOR_ID + "' uses less CPUs (0.005) than the minimum required (0.01)");
    }

    @Test
    void r41_executorWithoutDisk() {
      assertOnly(check(withExecutor(e -> e.removeResources(2))), "R41", "Executor '" + EXECUTOR_ID + "' uses no disk");
    }

    @Test
    void r41_executorWithZeroDisk() {
      assertOnly(check(withExecutor(e -> e.setResources(2, scalar("disk", 0)))),
          "R41", "Executor '" + EXECUTOR_ID + "' uses no disk");
    }
  }

  @Test
  void r42_samePortInTwoTasks() {
    assertOnly(check(withTask(1, t -> t.addResources(Baseline.ports(31000, 31000)))),
        "R42", "There are overlapping resources in the task group's task resources [ cpus(allocated: *):0.5;"
            + " mem(allocated: *):128; disk(allocated: *):100; ports(allocated: *):[31000-31000], cpus(allocated:"
            + " *):0.5; mem(allocated: *):128; disk(allocated: *):100; ports(allocated: *):[31000-31000] ] and/or"
            + " executor resources [{\"name\":\"cpus\",\"type\":\"SCALAR\",\"scalar\":{\"value\":0.1},\"role\":\"*\","
            + "\"allocation_info\":{\"role\":\"*\"}},{\"name\":\"mem\",\"type\":\"SCALAR\",\"scalar\":{\"value\":32.0},"
            + "\"role\":\"*\",\"allocation_info\":{\"role\":\"*\"}},{\"name\":\"disk\",\"type\":\"SCALAR\",\"scalar\":"
            + "{\"value\":10.0},\"role\":\"*\",\"allocation_info\":{\"role\":\"*\"}}]");
  }

  @Test
  void r42_samePersistenceIdInTwoTasks() {
    Offer.Operation op = withTask(0, t -> t.setResources(2, reservedVolume("data")));
    Offer.Operation both = op.toBuilder().setLaunchGroup(op.getLaunchGroup().toBuilder().setTaskGroup(
        op.getLaunchGroup().getTaskGroup().toBuilder()
            .setTasks(1, op.getLaunchGroup().getTaskGroup().getTasks(1).toBuilder()
                .setResources(2, reservedVolume("data"))))).build();

    assertIncludes(check(both), "R42", "Task group and executor use duplicate persistence ID: Persistence ID 'data' is"
        + " not unique");
  }

  @Test
  void r42_revocableInOneTaskNonRevocableInAnother() {
    Resource revocable = scalar("cpus", 0.5).toBuilder().setRevocable(Resource.RevocableInfo.getDefaultInstance())
        .build();

    assertIncludes(check(withTaskResource(1, 0, revocable)), "R42", "Task group and executor mix revocable and"
        + " non-revocable resources: Cannot use both revocable and non-revocable 'cpus' at the same time");
  }

  /** A 100 MB persistent volume on disk dynamically reserved for role "web". */
  private static Resource reservedVolume(String id) {
    return scalar("disk", 100).toBuilder().setRole("web")
        .setReservation(Resource.ReservationInfo.newBuilder().setPrincipal("ops"))
        .setDisk(Resource.DiskInfo.newBuilder()
            .setPersistence(Resource.DiskInfo.Persistence.newBuilder().setId(id))
            .setVolume(Protos.Volume.newBuilder().setContainerPath(id).setMode(Protos.Volume.Mode.RW)))
        .build();
  }

  @Nested
  class R43 {
    @Test
    void r43_moreMemThanOffered() {
      assertOnly(check(withTaskResource(1, 1, scalar("mem", 8192))),
          "R43", "Total resources cpus(allocated: *):1.1; mem(allocated: *):8352; disk(allocated: *):210;"
              + " ports(allocated: *):[31000-31000] required by task group and its executor are more than available"
              + " cpus(allocated: *):4; mem(allocated: *):4096; disk(allocated: *):10000; ports(allocated:"
              + " *):[31000-32000]");
    }

    @Test
    void r43_portNotOffered() {
      assertIncludes(check(withTaskResource(0, 3, Baseline.ports(8080, 8080))), "R43",
          "Total resources cpus(allocated: *):1.1; mem(allocated: *):288; disk(allocated: *):210;"
              + " ports(allocated: *):[8080-8080] required by task group and its executor are more than available"
              + " cpus(allocated: *):4; mem(allocated: *):4096; disk(allocated: *):10000; ports(allocated:"
              + " *):[31000-32000]");
    }

    @Test
    void r43_fixedPointArithmetic() {
      // 0.1 + 0.2 is 0.30000000000000004 in binary floating point, 300 milli-units in Mesos.
      Offer offer = Baseline.offer().toBuilder().setResources(0, scalar("cpus", 1.4)).build();
      Offer.Operation op = withTaskResource(1, 0, scalar("cpus", 0.8));

      assertThat(LaunchGroupCheck.check(FRAMEWORK, List.of(offer), List.of(op))).isEmpty();
    }

    @Test
    void r43_secondGroupOfTheSameAcceptGetsWhatIsLeft() {
      TaskInfo big = Baseline.task("big.1", false).toBuilder().setResources(1, scalar("mem", 4000)).build();
      Offer.Operation second = Baseline.launchGroup(Baseline.executor(), List.of(big));

      assertThat(check(Baseline.launchGroup(), second)).extracting(PreflightViolation::rule).containsExactly("R43");
    }

    @Test
    void r43_runningExecutorIsNotChargedAgain() {
      Offer offer = Baseline.offer().toBuilder().setResources(0, scalar("cpus", 1.0))
          .addExecutorIds(Protos.ExecutorID.newBuilder().setValue(EXECUTOR_ID)).build();

      assertThat(LaunchGroupCheck.check(FRAMEWORK, List.of(offer), List.of(Baseline.launchGroup()))).isEmpty();
    }

    @Test
    void r43_reservedResourcesNeedAReserveFirst() {
      Resource reservedCpus = reserved(scalar("cpus", 0.5));

      assertThat(check(withTaskResource(1, 0, reservedCpus))).extracting(PreflightViolation::rule)
          .containsExactly("R43");
    }

    @Test
    void r43_reserveAndCreateBeforeTheLaunch() {
      Offer offer = Baseline.offer().toBuilder().setAllocationInfo(allocation("web")).clearResources()
          .addResources(web(scalar("cpus", 4))).addResources(web(scalar("mem", 4096)))
          .addResources(web(scalar("disk", 10000))).addResources(web(Baseline.ports(31000, 32000))).build();
      Resource volume = reserved(web(scalar("disk", 100))).toBuilder().setDisk(Resource.DiskInfo.newBuilder()
          .setPersistence(Resource.DiskInfo.Persistence.newBuilder().setId("data"))
          .setVolume(Protos.Volume.newBuilder().setContainerPath("data").setMode(Protos.Volume.Mode.RW))).build();
      Offer.Operation reserve = Offer.Operation.newBuilder().setType(Offer.Operation.Type.RESERVE)
          .setReserve(Offer.Operation.Reserve.newBuilder().addResources(reserved(web(scalar("disk", 100))))).build();
      Offer.Operation create = Offer.Operation.newBuilder().setType(Offer.Operation.Type.CREATE)
          .setCreate(Offer.Operation.Create.newBuilder().addVolumes(volume)).build();
      Offer.Operation launch = webGroup(volume);

      assertThat(LaunchGroupCheck.check(FRAMEWORK, List.of(offer), List.of(reserve, create, launch))).isEmpty();
      assertThat(LaunchGroupCheck.check(FRAMEWORK, List.of(offer), List.of(reserve, launch)))
          .extracting(PreflightViolation::rule).containsExactly("R43");
    }

    private Resource reserved(Resource r) {
      return r.toBuilder().setRole("web").setReservation(Resource.ReservationInfo.newBuilder().setPrincipal("ops"))
          .build();
    }

    private Resource web(Resource r) {
      return r.toBuilder().setAllocationInfo(allocation("web")).build();
    }

    /** The baseline group moved to role "web", with the sidecar's disk replaced by {@code volume}. */
    private Offer.Operation webGroup(Resource volume) {
      Protos.ExecutorInfo.Builder executor = Baseline.executor().toBuilder();
      for (int i = 0; i < executor.getResourcesCount(); i++) {
        executor.setResources(i, web(executor.getResources(i)));
      }
      TaskInfo.Builder web = Baseline.task(WEB, true).toBuilder();
      for (int i = 0; i < web.getResourcesCount(); i++) {
        web.setResources(i, web(web.getResources(i)));
      }
      TaskInfo.Builder sidecar = Baseline.task(SIDECAR, false).toBuilder();
      for (int i = 0; i < sidecar.getResourcesCount(); i++) {
        sidecar.setResources(i, web(sidecar.getResources(i)));
      }
      sidecar.setResources(2, volume);
      return Baseline.launchGroup(executor.build(), List.of(web.build(), sidecar.build()));
    }
  }

  // ------------------------------------------------------------------ share_cgroups: R45, R46; R47

  @Test
  void r45_executorShareCgroupsTrue() {
    assertOnly(check(withExecutor(e -> {
      e.getContainerBuilder().getLinuxInfoBuilder().setShareCgroups(true);
      return e;
    })), "R45", "The 'share_cgroups' field cannot be set to 'true' on executor containers");
  }

  @Test
  void r46_tasksDisagreeOnShareCgroups() {
    assertIncludes(check(withTask(1, t -> {
      t.getContainerBuilder().getLinuxInfoBuilder().setShareCgroups(true);
      return t;
    })), "R46", "If set, the value of 'share_cgroups' must be the same for all tasks in each task group and under a"
        + " single executor");
  }

  @Test
  void r46_groupsUnderTheSameExecutorDisagreeOnShareCgroups() {
    TaskInfo shared = Baseline.task("other.1", false).toBuilder().clearLimits()
        .setContainer(Baseline.mesosContainer().toBuilder().clearLinuxInfo()).build();
    Offer.Operation second = Baseline.launchGroup(Baseline.executor(), List.of(shared));

    assertOnly(check(Baseline.launchGroup(), second), "R46", "If set, the value of 'share_cgroups' must be the same for"
        + " all tasks in each task group and under a single executor");
  }

  @Test
  void r47_emptyTaskGroup() {
    assertOnly(check(Baseline.launchGroup(Baseline.executor(), List.of())), "R47",
        "The task group has no tasks: the master accepts it, but the agent drops it without any status update");
  }
}
