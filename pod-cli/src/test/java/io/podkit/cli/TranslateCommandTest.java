package io.podkit.cli;

import static io.podkit.cli.Cli.offer;
import static io.podkit.cli.Cli.pod;
import static io.podkit.cli.Cli.podctl;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.podkit.translator.v1.MesosJson;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.mesos.Protos;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code podctl translate}: the operations, the offers it takes, its exit codes and the text summary. */
class TranslateCommandTest {
  @TempDir
  Path dir;

  /** The operations printed, read back as Mesos messages. */
  private static List<Protos.Offer.Operation> operations(Cli.Run run) {
    return MesosJson.parseOperations(run.out());
  }

  private static Protos.Offer.Operation.LaunchGroup launchGroup(Cli.Run run) {
    List<Protos.Offer.Operation> ops = operations(run);
    assertThat(ops).hasSize(1);
    assertThat(ops.get(0).getType()).isEqualTo(Protos.Offer.Operation.Type.LAUNCH_GROUP);
    return ops.get(0).getLaunchGroup();
  }

  @Test
  void theExamplePodBecomesOneLaunchGroupOnTheDefaultOffer() {
    Cli.Run run = podctl("translate", Cli.WEB.toString(), "--instance-uuid", Cli.UUID);
    assertThat(run.exit()).as(run.err()).isZero();
    assertThat(run.err()).isEmpty();
    JsonObject json = JsonParser.parseString(run.out()).getAsJsonObject();
    assertThat(json.keySet()).containsExactly("operations");
    // proto field names and v1 names, as /api/v1/scheduler reads them
    assertThat(run.out()).contains("\"type\": \"LAUNCH_GROUP\"", "\"launch_group\"", "\"task_group\"",
        "\"agent_id\"", "\"executor_id\"").doesNotContain("\"slave_id\"", "\"taskGroup\"");
    Protos.Offer.Operation.LaunchGroup group = launchGroup(run);
    assertThat(group.getExecutor().getExecutorId().getValue()).isEqualTo("instance-shop_web." + Cli.UUID);
    assertThat(group.getExecutor().getFrameworkId().getValue()).isEqualTo("podkit-framework");
    assertThat(group.getTaskGroup().getTasksList()).extracting(t -> t.getTaskId().getValue()).containsExactly(
        "shop_web.instance-" + Cli.UUID + ".nginx.1", "shop_web.instance-" + Cli.UUID + ".log-shipper.1");
    assertThat(group.getTaskGroup().getTasks(0).getSlaveId().getValue()).isEqualTo("agent-1");
    assertThat(group.getTaskGroup().getTasks(0).getCommand().getEnvironment().getVariablesList())
        .anySatisfy(v -> {
          assertThat(v.getName()).isEqualTo("HOST");
          assertThat(v.getValue()).isEqualTo("agent-1.example");
        })
        .anySatisfy(v -> {
          assertThat(v.getName()).isEqualTo("EP_HOST_HTTP");
          assertThat(v.getValue()).isEqualTo("31000");
        });
  }

  @Test
  void anInstanceUuidMakesTheOutputReproducible() {
    Cli.Run first = podctl("translate", Cli.WEB.toString(), "--instance-uuid", Cli.UUID);
    Cli.Run second = podctl("translate", Cli.WEB.toString(), "--instance-uuid", Cli.UUID);
    assertThat(first.exit()).isZero();
    assertThat(second.out()).isEqualTo(first.out());
    Cli.Run firstText = podctl("translate", Cli.WEB.toString(), "--instance-uuid", Cli.UUID, "--output", "text");
    assertThat(podctl("translate", Cli.WEB.toString(), "--instance-uuid", Cli.UUID, "--output", "text").out())
        .isEqualTo(firstText.out());
  }

  @Test
  void withoutAnInstanceUuidEachRunIsAFreshTimeBasedInstance() {
    String a = launchGroup(podctl("translate", Cli.WEB.toString())).getExecutor().getExecutorId().getValue();
    String b = launchGroup(podctl("translate", Cli.WEB.toString())).getExecutor().getExecutorId().getValue();
    assertThat(a).isNotEqualTo(b);
    java.util.UUID uuid = java.util.UUID.fromString(a.substring("instance-shop_web.".length()));
    assertThat(uuid.version()).isEqualTo(1);
  }

  @Test
  void aV0OfferIsRead() {
    Cli.Run run = podctl("translate", pod("api.json").toString(), "--offer", offer("v0.json").toString(),
        "--instance-uuid", Cli.UUID);
    assertThat(run.exit()).as(run.err()).isZero();
    Protos.Offer.Operation.LaunchGroup group = launchGroup(run);
    assertThat(group.getTaskGroup().getTasks(0).getSlaveId().getValue()).isEqualTo("agent-v0");
    assertThat(group.getExecutor().getFrameworkId().getValue()).isEqualTo("framework-7");
    assertThat(group.getExecutor().getResourcesList()).anySatisfy(r -> {
      assertThat(r.getName()).isEqualTo("ports");
      assertThat(r.getRanges().getRange(0).getBegin()).isEqualTo(4000);
    });
  }

  @Test
  void aV1OfferIsRead() {
    Cli.Run run = podctl("translate", pod("api.json").toString(), "--offer", offer("v1.json").toString(),
        "--instance-uuid", Cli.UUID);
    assertThat(run.exit()).as(run.err()).isZero();
    Protos.Offer.Operation.LaunchGroup group = launchGroup(run);
    assertThat(group.getTaskGroup().getTasks(0).getSlaveId().getValue()).isEqualTo("agent-v1");
    assertThat(group.getTaskGroup().getTasks(0).getCommand().getEnvironment().getVariablesList())
        .anySatisfy(v -> {
          assertThat(v.getName()).isEqualTo("HOST");
          assertThat(v.getValue()).isEqualTo("node-1.example");
        });
  }

  @Test
  void anOfferThatDoesNotFitIsExit3WithEveryReason() {
    Cli.Run run = podctl("translate", Cli.WEB.toString(), "--offer", offer("small.json").toString());
    assertThat(run.exit()).isEqualTo(3);
    assertThat(run.out()).isEmpty();
    assertThat(run.err()).contains(Cli.WEB + ": " + offer("small.json") + " does not fit the pod:",
        "INSUFFICIENT_CPUS: asked 0.7, available 0.25", "INSUFFICIENT_MEM: asked 352, available 64");
  }

  @Test
  void aPodTooLargeForTheDefaultOfferIsExit3() {
    Cli.Run run = podctl("translate", pod("huge.json").toString());
    assertThat(run.exit()).isEqualTo(3);
    assertThat(run.err()).contains("the default offer does not fit the pod", "INSUFFICIENT_CPUS: asked 100.1, "
        + "available 64", "INSUFFICIENT_MEM: asked 500032, available 262144");
  }

  @Test
  void aMalformedOfferFileIsExit2NamingTheFile() {
    Cli.Run malformed = podctl("translate", Cli.WEB.toString(), "--offer", offer("malformed.json").toString());
    assertThat(malformed.exit()).isEqualTo(2);
    assertThat(malformed.out()).isEmpty();
    assertThat(malformed.err()).startsWith(offer("malformed.json") + ": invalid Mesos Offer JSON");

    Cli.Run unknownField = podctl("translate", Cli.WEB.toString(), "--offer", offer("not-an-offer.json").toString());
    assertThat(unknownField.exit()).isEqualTo(2);
    assertThat(unknownField.err()).startsWith(offer("not-an-offer.json") + ": ").contains("colour");
  }

  @Test
  void aMissingOrBinaryOfferFileIsExit2() throws IOException {
    Path missing = dir.resolve("offer.json");
    Cli.Run run = podctl("translate", Cli.WEB.toString(), "--offer", missing.toString());
    assertThat(run.exit()).isEqualTo(2);
    assertThat(run.err()).isEqualTo(missing + ": no such file" + System.lineSeparator());

    Path binary = Files.write(dir.resolve("binary.json"), new byte[] {'{', (byte) 0xff, (byte) 0xfe, '}'});
    Cli.Run notText = podctl("translate", Cli.WEB.toString(), "--offer", binary.toString());
    assertThat(notText.exit()).isEqualTo(2);
    assertThat(notText.err()).contains(binary + ": not a Mesos offer: not UTF-8 text");
  }

  @Test
  void anInvalidPodIsExit1WithCompilerStyleProblemsOnStderr() {
    Path bad = pod("bad-names.json");
    Cli.Run run = podctl("translate", bad.toString());
    assertThat(run.exit()).isEqualTo(1);
    assertThat(run.out()).isEmpty();
    assertThat(run.err()).startsWith(bad + ":5:7: /containers(0)/name: must be 1 to 63");
  }

  @Test
  void aMalformedOrMissingPodFile() throws IOException {
    Path malformed = Files.writeString(dir.resolve("pod.json"), "{\"id\": ", StandardCharsets.UTF_8);
    Cli.Run run = podctl("translate", malformed.toString());
    assertThat(run.exit()).isEqualTo(1);
    assertThat(run.err()).startsWith(malformed + ":1:");
    Cli.Run missing = podctl("translate", dir.resolve("none.json").toString());
    assertThat(missing.exit()).isEqualTo(2);
    assertThat(missing.err()).contains("none.json: no such file");
  }

  @Test
  void theFrameworkIdNamesTheDefaultOffersFrameworkAndMustMatchAGivenOffer() {
    Cli.Run run = podctl("translate", Cli.WEB.toString(), "--framework-id", "fw-42");
    assertThat(run.exit()).isZero();
    assertThat(launchGroup(run).getExecutor().getFrameworkId().getValue()).isEqualTo("fw-42");

    assertThat(podctl("translate", pod("api.json").toString(), "--offer", offer("v0.json").toString(),
        "--framework-id", "framework-7").exit()).isZero();
    Cli.Run mismatch = podctl("translate", pod("api.json").toString(), "--offer", offer("v0.json").toString(),
        "--framework-id", "fw-42");
    assertThat(mismatch.exit()).isEqualTo(2);
    assertThat(mismatch.err()).contains(offer("v0.json") + ": the offer is for framework framework-7, not fw-42");
  }

  @Test
  void envPrefixAndBridgeNameReachTheTasks() {
    Cli.Run run = podctl("translate", Cli.WEB.toString(), "--env-prefix", "pfx_", "--bridge-name", "cni-br0");
    assertThat(run.exit()).as(run.err()).isZero();
    Protos.Offer.Operation.LaunchGroup group = launchGroup(run);
    assertThat(group.getTaskGroup().getTasks(0).getCommand().getEnvironment().getVariablesList())
        .extracting(Protos.Environment.Variable::getName)
        .contains("PFX_ENDPOINT_HTTP", "PFX_EP_HOST_HTTP").doesNotContain("ENDPOINT_HTTP");
    assertThat(run.out()).contains("\"name\": \"cni-br0\"").doesNotContain("mesos-bridge");
  }

  @Test
  void theRoleOptionSetsThePodsDefaultRoleAndTheDefaultOffersAllocation() {
    Cli.Run run = podctl("translate", Cli.WEB.toString(), "--role", "web");
    assertThat(run.exit()).as(run.err()).isZero();
    Protos.Offer.Operation.LaunchGroup group = launchGroup(run);
    assertThat(group.getTaskGroup().getTasks(0).getResourcesList())
        .allSatisfy(r -> assertThat(r.getAllocationInfo().getRole()).isEqualTo("web"));
  }

  @Test
  void acceptedRolesReplaceThePodsAcceptedResourceRoles() {
    assertThat(podctl("translate", Cli.WEB.toString(), "--accepted-roles", "*").exit()).isZero();
    // validation: only "*" and the pod's role may be accepted
    Cli.Run other = podctl("translate", Cli.WEB.toString(), "--accepted-roles", "*,other");
    assertThat(other.exit()).isEqualTo(1);
    assertThat(other.err()).contains("/scheduling/placement/acceptedResourceRoles: acceptedResourceRoles can only "
        + "contain");
    // the default offer is unreserved: a pod that accepts only its reserved role finds nothing there
    Cli.Run reservedOnly = podctl("translate", Cli.WEB.toString(), "--role", "web", "--accepted-roles", "web");
    assertThat(reservedOnly.exit()).isEqualTo(3);
    assertThat(reservedOnly.err()).contains("UNFULFILLED_ROLE: asked web, available *");
  }

  @Test
  void aResidentPodReservesAndCreatesOnItsFirstLaunch() {
    Cli.Run run = podctl("translate", pod("resident.json").toString(), "--instance-uuid", Cli.UUID);
    assertThat(run.exit()).as(run.err()).isZero();
    List<Protos.Offer.Operation> ops = operations(run);
    assertThat(ops).extracting(Protos.Offer.Operation::getType)
        .containsExactly(Protos.Offer.Operation.Type.RESERVE, Protos.Offer.Operation.Type.CREATE);
    assertThat(ops.get(0).getReserve().getResourcesList()).allSatisfy(r -> {
      Protos.Resource.ReservationInfo reservation = r.getReservations(0);
      assertThat(reservation.getRole()).isEqualTo("data");
      assertThat(reservation.getPrincipal()).isEqualTo("podkit");
      assertThat(reservation.getLabels().getLabelsList()).extracting(Protos.Label::getValue)
          .containsExactly("podkit-framework", "data_db.instance-" + Cli.UUID);
    });
    Protos.Resource volume = ops.get(1).getCreate().getVolumes(0);
    assertThat(volume.getDisk().getPersistence().getId()).isEqualTo("data_db#pgdata#" + Cli.UUID);
    assertThat(volume.getScalar().getValue()).isEqualTo(512.0);

    Cli.Run principal = podctl("translate", pod("resident.json").toString(), "--principal", "ops");
    assertThat(operations(principal).get(0).getReserve().getResources(0).getReservations(0).getPrincipal())
        .isEqualTo("ops");
  }

  @Test
  void aResidentPodLaunchesOnItsReservation() throws IOException {
    Cli.Run reserve = podctl("translate", pod("resident.json").toString(), "--instance-uuid", Cli.UUID);
    Path offered = Files.writeString(dir.resolve("reserved-offer.json"),
        MesosJson.print(afterReservation(operations(reserve))), StandardCharsets.UTF_8);

    Cli.Run launch = podctl("translate", pod("resident.json").toString(), "--on-reservation",
        "--instance-uuid", Cli.UUID, "--offer", offered.toString());
    assertThat(launch.exit()).as(launch.err()).isZero();
    Protos.Offer.Operation.LaunchGroup group = launchGroup(launch);
    assertThat(group.getExecutor().getResourcesList()).anySatisfy(r ->
        assertThat(r.getDisk().getPersistence().getId()).isEqualTo("data_db#pgdata#" + Cli.UUID));

    // another instance's reservation is not this one's
    Cli.Run other = podctl("translate", pod("resident.json").toString(), "--on-reservation",
        "--instance-uuid", "00000000-0000-1000-8000-000000000000", "--offer", offered.toString());
    assertThat(other.exit()).isEqualTo(3);
    assertThat(other.err()).contains("NO_CORRESPONDING_RESERVATION");
  }

  @Test
  void onReservationNeedsAnInstanceAndAResidentPod() {
    Cli.Run noUuid = podctl("translate", pod("resident.json").toString(), "--on-reservation");
    assertThat(noUuid.exit()).isEqualTo(2);
    assertThat(noUuid.err()).contains("--on-reservation needs --instance-uuid");
    Cli.Run ordinary = podctl("translate", Cli.WEB.toString(), "--on-reservation", "--instance-uuid", Cli.UUID);
    assertThat(ordinary.exit()).isEqualTo(2);
    assertThat(ordinary.err()).contains("has no persistent volume");
  }

  @Test
  void textOutputSummarisesTasksResourcesPortsAndEnvironment() {
    Cli.Run run = podctl("translate", Cli.WEB.toString(), "--instance-uuid", Cli.UUID, "--output", "text");
    assertThat(run.exit()).isZero();
    assertThat(run.out()).contains(
        "pod /shop/web (role *), instance shop_web.instance-" + Cli.UUID,
        "offer podkit-default-offer (the default offer) of framework podkit-framework, agent agent-1 (agent-1.example)",
        "LAUNCH_GROUP",
        "executor instance-shop_web." + Cli.UUID + ": cpus 0.1, mem 32, disk 10, ports 31000",
        "task shop_web.instance-" + Cli.UUID + ".nginx.1 (container nginx): cpus 0.5, mem 256; endpoints http "
            + "(host port 31000, container port 80); 17 environment variables",
        "(container log-shipper): cpus 0.1, mem 64; no endpoints;");

    Cli.Run resident = podctl("translate", pod("resident.json").toString(), "--instance-uuid", Cli.UUID,
        "--output", "text");
    assertThat(resident.out()).contains("RESERVE for role data by principal podkit: cpus 1.1, mem 1056, disk 522, "
        + "ports 31000", "CREATE volume pgdata: disk 512, persistence id data_db#pgdata#" + Cli.UUID,
        "--on-reservation --instance-uuid " + Cli.UUID);
  }

  @Test
  void badOptionValuesAreUsageErrors() {
    Cli.Run uuid = podctl("translate", Cli.WEB.toString(), "--instance-uuid", "not-a-uuid");
    assertThat(uuid.exit()).isEqualTo(2);
    assertThat(uuid.err()).contains("'not-a-uuid' is not a UUID");
    assertThat(podctl("translate", Cli.WEB.toString(), "--instance-uuid", "1-2-3-4-5").exit()).isEqualTo(2);
    assertThat(podctl("translate", Cli.WEB.toString(), "--output", "xml").exit()).isEqualTo(2);
    assertThat(podctl("translate").exit()).isEqualTo(2);
  }

  @Test
  void helpDocumentsOptionsAndExitCodes() {
    Cli.Run help = podctl("translate", "--help");
    assertThat(help.exit()).isZero();
    assertThat(help.out()).contains("--offer", "--instance-uuid", "--framework-id", "--env-prefix", "--bridge-name",
        "--role", "--accepted-roles", "--principal", "--on-reservation", "--output", "agent-1", "podkit-framework",
        "Exit codes:", "3   the offer does not fit the pod");
  }

  /** What Mesos offers back after RESERVE + CREATE: the reserved pieces, the volume carved out of its disk. */
  private static Protos.Offer afterReservation(List<Protos.Offer.Operation> operations) {
    List<Protos.Resource> reserved = new ArrayList<>();
    List<Protos.Resource> volumes = new ArrayList<>();
    for (Protos.Offer.Operation op : operations) {
      if (op.getType() == Protos.Offer.Operation.Type.RESERVE) {
        reserved.addAll(op.getReserve().getResourcesList());
      } else if (op.getType() == Protos.Offer.Operation.Type.CREATE) {
        volumes.addAll(op.getCreate().getVolumesList());
      }
    }
    for (Protos.Resource volume : volumes) {
      Protos.Resource carved = volume.toBuilder().clearDisk().build();
      assertThat(reserved.remove(carved)).as("volume carved from a reserved piece").isTrue();
    }
    reserved.addAll(volumes);
    return Protos.Offer.newBuilder()
        .setId(Protos.OfferID.newBuilder().setValue("offer-2"))
        .setFrameworkId(Protos.FrameworkID.newBuilder().setValue(OfferSource.DEFAULT_FRAMEWORK_ID))
        .setSlaveId(Protos.SlaveID.newBuilder().setValue(OfferSource.DEFAULT_AGENT_ID))
        .setHostname(OfferSource.DEFAULT_HOSTNAME)
        .setAllocationInfo(Protos.Resource.AllocationInfo.newBuilder().setRole("data"))
        .addAllResources(reserved)
        .build();
  }
}
