package io.podkit.translator.v1;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.protobuf.util.JsonFormat;
import io.podkit.translator.PodTranslationException;
import java.util.List;
import org.apache.mesos.Protos;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MesosJsonTest {
  private static final Protos.Offer.Operation LAUNCH = MesosMessages.launchGroup();

  @Test
  void printsProtoFieldNames() {
    String v0 = MesosJson.print(LAUNCH);
    String v1 = MesosJson.print(V1Conversion.toV1(LAUNCH));

    assertThat(v0).contains("\"launch_group\"", "\"task_group\"", "\"executor_id\"", "\"framework_id\"",
        "\"slave_id\"", "\"health_check\"", "\"kill_policy\"", "\"grace_period\"", "\"network_infos\"",
        "\"port_mappings\"", "\"host_port\"", "\"container_path\"", "\"sandbox_path\"",
        "\"allocation_info\"", "\"share_cgroups\"");
    assertThat(v0).doesNotContain("\"agent_id\"", "executorId", "taskGroup", "launchGroup", "slaveId");
    assertThat(v1).contains("\"agent_id\"", "\"executor_id\"", "\"task_group\"")
        .doesNotContain("\"slave_id\"", "agentId");
  }

  @Test
  void writesInfinityInt64AsStringAndEnumsByName() {
    JsonObject task = JsonParser.parseString(MesosJson.print(LAUNCH)).getAsJsonObject()
        .getAsJsonObject("launch_group").getAsJsonObject("task_group")
        .getAsJsonArray("tasks").get(0).getAsJsonObject();

    assertThat(task.getAsJsonObject("limits").getAsJsonObject("cpus").get("value").getAsJsonPrimitive()
        .isString()).isTrue();
    assertThat(task.getAsJsonObject("limits").getAsJsonObject("cpus").get("value").getAsString())
        .isEqualTo("Infinity");
    assertThat(task.getAsJsonObject("limits").getAsJsonObject("mem").get("value").getAsDouble())
        .isEqualTo(512.0);
    assertThat(task.getAsJsonObject("kill_policy").getAsJsonObject("grace_period").get("nanoseconds")
        .getAsJsonPrimitive().isString()).isTrue();
    assertThat(task.getAsJsonObject("health_check").get("type").getAsString()).isEqualTo("HTTP");
    assertThat(MesosJson.printCompact(LAUNCH)).contains("\"value\":\"Infinity\"");
  }

  @Test
  void outputIsDeterministicWhateverTheMapInsertionOrder() {
    Protos.TaskInfo task = MesosMessages.task("web", 31000, true);
    Protos.TaskInfo reordered = task.toBuilder().clearLimits()
        .putLimits("cpus", task.getLimitsOrThrow("cpus"))
        .putLimits("mem", task.getLimitsOrThrow("mem"))
        .build();

    assertThat(MesosJson.print(task)).isEqualTo(MesosJson.print(reordered));
    assertThat(MesosJson.printCompact(task)).isEqualTo(MesosJson.printCompact(reordered));
    assertThat(MesosJson.print(LAUNCH)).isEqualTo(MesosJson.print(MesosMessages.launchGroup()));
    String compact = MesosJson.printCompact(task);
    assertThat(compact.indexOf("\"cpus\":")).isLessThan(compact.indexOf("\"mem\":"));
    assertThat(compact).doesNotContain("\n", ": ");
  }

  @Test
  void roundTripsThroughParse() {
    org.apache.mesos.v1.Protos.Offer.Operation v1 = V1Conversion.toV1(LAUNCH);

    assertThat(MesosJson.parseMessage(MesosJson.print(LAUNCH), Protos.Offer.Operation.getDefaultInstance()))
        .isEqualTo(LAUNCH);
    assertThat(MesosJson.parseMessage(MesosJson.printCompact(LAUNCH), LAUNCH)).isEqualTo(LAUNCH);
    assertThat(MesosJson.parseMessage(MesosJson.print(v1), v1)).isEqualTo(v1);
    assertThat(MesosJson.parse(MesosJson.print(LAUNCH), Protos.Offer.Operation.newBuilder()).build())
        .isEqualTo(LAUNCH);
  }

  @Test
  void parseAlsoAcceptsCamelCaseJsonNames() throws Exception {
    String camel = JsonFormat.printer().print(LAUNCH);
    assertThat(camel).contains("\"launchGroup\"");

    assertThat(MesosJson.parseMessage(camel, LAUNCH)).isEqualTo(LAUNCH);
  }

  @Test
  void parseRejectsUnknownFieldsReadably() {
    assertThatThrownBy(() -> MesosJson.parse("{\"name\": \"web\", \"tsak_id\": {\"value\": \"x\"}}",
        Protos.TaskInfo.newBuilder()))
        .isInstanceOf(MesosJsonException.class)
        .isInstanceOf(PodTranslationException.class)
        .hasMessageStartingWith("invalid Mesos TaskInfo JSON: ")
        .hasMessageContaining("tsak_id")
        .satisfies(e -> assertReadable(e.getMessage()));
  }

  @Test
  void parseMessageReportsMissingRequiredFields() {
    assertThatThrownBy(() -> MesosJson.parseMessage("{\"name\": \"web\"}", Protos.TaskInfo.getDefaultInstance()))
        .isInstanceOf(MesosJsonException.class)
        .hasMessage("invalid Mesos TaskInfo JSON: missing required fields: task_id, slave_id");
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "   ", "not json", "{", "{\"id\": }", "[1, 2]", "42", "{\"id\": {\"value\": 7",
      "{\"id\": \"offer-1\"}", "{\"hostname\": [\"a\"]}"})
  void parseOfferRejectsGarbage(String garbage) {
    assertThatThrownBy(() -> MesosJson.parseOffer(garbage))
        .isInstanceOf(MesosJsonException.class)
        .hasMessageStartingWith("invalid Mesos ")
        .satisfies(e -> assertReadable(e.getMessage()));
  }

  @Test
  void parseOfferAcceptsV0Names() {
    Protos.Offer offer = MesosMessages.offer();
    String json = MesosJson.print(offer);
    assertThat(json).contains("\"slave_id\"");

    assertThat(MesosJson.parseOffer(json)).isEqualTo(offer);
  }

  @Test
  void parseOfferAcceptsV1Names() {
    Protos.Offer offer = MesosMessages.offer();
    String json = MesosJson.print(V1Conversion.toV1(offer));
    assertThat(json).contains("\"agent_id\"").doesNotContain("slave_id");

    assertThat(MesosJson.parseOffer(json)).isEqualTo(offer);
  }

  @Test
  void parseOfferAcceptsAMinimalHandWrittenV1Offer() {
    String json = """
        {"id": {"value": "o1"}, "framework_id": {"value": "fw"}, "agentId": {"value": "a1"},
         "hostname": "h", "resources": [
           {"name": "cpus", "type": "SCALAR", "scalar": {"value": 2}, "role": "*"}]}
        """;

    Protos.Offer offer = MesosJson.parseOffer(json);

    assertThat(offer.getSlaveId().getValue()).isEqualTo("a1");
    assertThat(offer.getResources(0).getScalar().getValue()).isEqualTo(2.0);
  }

  @Test
  void parseOfferNamesMissingRequiredFieldsAndDoubleAgentIds() {
    assertThatThrownBy(() -> MesosJson.parseOffer("{\"id\": {\"value\": \"o1\"}, \"agent_id\": {\"value\": \"a\"}}"))
        .isInstanceOf(MesosJsonException.class)
        .hasMessage("invalid Mesos v1 Offer JSON: missing required fields: framework_id, hostname");
    assertThatThrownBy(() -> MesosJson.parseOffer(
        "{\"id\": {\"value\": \"o1\"}, \"agent_id\": {\"value\": \"a\"}, \"slave_id\": {\"value\": \"a\"}}"))
        .isInstanceOf(MesosJsonException.class)
        .hasMessageContaining("both");
  }

  @Test
  void printOperationsHasTheAcceptShapeWithV1Names() {
    String json = MesosJson.printOperations(List.of(LAUNCH));

    JsonObject root = JsonParser.parseString(json).getAsJsonObject();
    assertThat(root.keySet()).containsExactly("operations");
    JsonArray operations = root.getAsJsonArray("operations");
    assertThat(operations).hasSize(1);
    JsonObject op = operations.get(0).getAsJsonObject();
    assertThat(op.keySet()).containsExactly("type", "launch_group");
    assertThat(op.get("type").getAsString()).isEqualTo("LAUNCH_GROUP");
    JsonObject launchGroup = op.getAsJsonObject("launch_group");
    assertThat(launchGroup.keySet()).containsExactly("executor", "task_group");
    assertThat(launchGroup.getAsJsonObject("executor").getAsJsonObject("executor_id").get("value").getAsString())
        .startsWith("instance-product_frontend.");
    JsonArray tasks = launchGroup.getAsJsonObject("task_group").getAsJsonArray("tasks");
    assertThat(tasks).hasSize(2);
    assertThat(tasks.get(0).getAsJsonObject().getAsJsonObject("agent_id").get("value").getAsString())
        .isEqualTo(MesosMessages.AGENT.getValue());
    assertThat(json).doesNotContain("slave_id");
    assertThat(json.replaceAll("\\s", ""))
        .startsWith("{\"operations\":[{\"type\":\"LAUNCH_GROUP\",\"launch_group\":{\"executor\":{");
  }

  @Test
  void printOperationsWithV0NamesAndReadingBack() {
    List<Protos.Offer.Operation> ops = List.of(LAUNCH, LAUNCH.toBuilder()
        .setType(Protos.Offer.Operation.Type.LAUNCH_GROUP).build());
    String v0 = MesosJson.printOperations(ops, MesosJson.FieldNames.V0);
    String v1 = MesosJson.printOperations(ops);

    assertThat(v0).contains("\"slave_id\"").doesNotContain("agent_id");
    assertThat(MesosJson.parseOperations(v0)).isEqualTo(ops);
    assertThat(MesosJson.parseOperations(v1)).isEqualTo(ops);
    assertThat(MesosJson.printOperations(ops)).isEqualTo(v1);
  }

  @Test
  void emptyOperationsPrintAnEmptyList() {
    String json = MesosJson.printOperations(List.of());

    assertThat(json.replaceAll("\\s", "")).isEqualTo("{\"operations\":[]}");
    assertThat(MesosJson.parseOperations(json)).isEmpty();
  }

  @Test
  void parseOperationsRejectsIncompleteOperations() {
    assertThatThrownBy(() -> MesosJson.parseOperations(
        "{\"operations\": [{\"type\": \"LAUNCH_GROUP\", \"launch_group\": {\"task_group\": {}}}]}"))
        .isInstanceOf(MesosJsonException.class)
        .hasMessageContaining("missing required fields")
        .hasMessageContaining("executor");
  }

  @Test
  void hostileInputIsRefusedWithoutBlowingTheStack() {
    String deep = "{\"agent_id\":" + "[".repeat(100_000) + "]".repeat(100_000) + "}";
    String wide = "{\"id\": \"" + "x".repeat(100_000) + "\"}";
    String deepInString = "{\"hostname\": \"" + "[".repeat(500) + "\"}";

    assertThatThrownBy(() -> MesosJson.parseOffer(deep))
        .isInstanceOf(MesosJsonException.class)
        .hasMessage("invalid Mesos Offer JSON: nested deeper than 100 levels");
    assertThatThrownBy(() -> MesosJson.parse(deep, Protos.TaskInfo.newBuilder()))
        .isInstanceOf(MesosJsonException.class)
        .hasMessageContaining("nested deeper than 100 levels");
    assertThatThrownBy(() -> MesosJson.parseOperations(deep))
        .isInstanceOf(MesosJsonException.class)
        .hasMessageContaining("nested deeper than 100 levels");
    assertThatThrownBy(() -> MesosJson.parseOffer(wide))
        .isInstanceOf(MesosJsonException.class)
        .satisfies(e -> assertReadable(e.getMessage()));
    assertThatThrownBy(() -> MesosJson.parseOffer(deepInString))
        .isInstanceOf(MesosJsonException.class)
        .hasMessageContaining("missing required fields");
  }

  /** One line, no exception class names, no stack frames, no links. */
  private static void assertReadable(String message) {
    assertThat(message).doesNotContain("\n", "Exception", "com.google", "at com.", "https://");
    assertThat(message.length()).isLessThan(400);
  }
}
