package io.podkit.cli;

import static io.podkit.cli.Cli.offer;
import static io.podkit.cli.Cli.pod;
import static io.podkit.cli.Cli.podctl;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code podctl env}: each container's environment with the source of each variable. */
class EnvCommandTest {
  @TempDir
  Path dir;

  /** The table row of {@code container}'s variable {@code name}: its source and value. */
  private static String row(Cli.Run run, String container, String name) {
    for (String line : run.out().split("\\R")) {
      String[] cells = line.split(" {2,}", 4);
      if (cells.length >= 3 && cells[0].equals(container) && cells[2].equals(name)) {
        return cells[1] + " " + (cells.length == 4 ? cells[3] : "");
      }
    }
    throw new AssertionError("no row " + container + " " + name + " in:\n" + run.out());
  }

  private static JsonArray environment(Cli.Run run, String container) {
    for (JsonElement c : JsonParser.parseString(run.out()).getAsJsonObject().getAsJsonArray("containers")) {
      if (c.getAsJsonObject().get("name").getAsString().equals(container)) {
        return c.getAsJsonObject().getAsJsonArray("environment");
      }
    }
    throw new AssertionError("no container " + container);
  }

  private static JsonObject variable(JsonArray environment, String name) {
    for (JsonElement v : environment) {
      if (v.getAsJsonObject().get("name").getAsString().equals(name)) {
        return v.getAsJsonObject();
      }
    }
    throw new AssertionError("no variable " + name);
  }

  @Test
  void everyVariableHasItsSource() {
    Cli.Run run = podctl("env", pod("api.json").toString(), "--instance-uuid", Cli.UUID);
    assertThat(run.exit()).as(run.err()).isZero();
    assertThat(run.out().lines().findFirst().orElseThrow()).matches("CONTAINER +SOURCE +NAME +VALUE");
    // the container's REGION shadows the pod's; the sidecar keeps the pod's
    assertThat(row(run, "api", "REGION")).isEqualTo("container us");
    assertThat(row(run, "sidecar", "REGION")).isEqualTo("pod eu");
    assertThat(row(run, "api", "MODE")).isEqualTo("container prod");
    assertThat(row(run, "api", "DB_PASSWORD")).isEqualTo("secret (secret /tools/db-password)");
    assertThat(row(run, "api", "HOST")).isEqualTo("injected agent-1.example");
    assertThat(row(run, "api", "MESOS_TASK_ID")).isEqualTo("injected tools_api.instance-" + Cli.UUID + ".api.1");
    assertThat(row(run, "api", "MARATHON_APP_ID")).isEqualTo("injected /tools/api");
    assertThat(row(run, "api", "MARATHON_APP_LABEL_TIER")).isEqualTo("injected backend");
    assertThat(row(run, "api", "MARATHON_APP_LABEL_OWNER")).isEqualTo("injected tools-team");
    assertThat(row(run, "api", "ENDPOINT_HTTP")).isEqualTo("endpoint 31000");
    assertThat(row(run, "api", "ENDPOINT_ADMIN_UI")).isEqualTo("endpoint 31001");
    // every task sees every endpoint of the pod
    assertThat(row(run, "sidecar", "EP_HOST_ADMIN_UI")).isEqualTo("endpoint 31001");
  }

  @Test
  void oneContainerOnly() {
    Cli.Run run = podctl("env", pod("api.json").toString(), "--container", "sidecar");
    assertThat(run.exit()).isZero();
    assertThat(run.out().lines().skip(1)).isNotEmpty().allMatch(line -> line.startsWith("sidecar "));

    Cli.Run unknown = podctl("env", pod("api.json").toString(), "--container", "db");
    assertThat(unknown.exit()).isEqualTo(2);
    assertThat(unknown.err()).contains("has no container \"db\"; its containers are api, sidecar");
  }

  @Test
  void jsonOutput() {
    Cli.Run run = podctl("env", pod("api.json").toString(), "--instance-uuid", Cli.UUID, "--output", "json");
    assertThat(run.exit()).isZero();
    JsonObject json = JsonParser.parseString(run.out()).getAsJsonObject();
    assertThat(json.keySet()).containsExactly("pod", "instance", "containers");
    assertThat(json.get("instance").getAsString()).isEqualTo("tools_api.instance-" + Cli.UUID);
    JsonArray api = environment(run, "api");
    assertThat(variable(api, "REGION").get("source").getAsString()).isEqualTo("container");
    assertThat(variable(api, "REGION").get("value").getAsString()).isEqualTo("us");
    JsonObject secret = variable(api, "DB_PASSWORD");
    assertThat(secret.get("source").getAsString()).isEqualTo("secret");
    assertThat(secret.get("secret").getAsString()).isEqualTo("/tools/db-password");
    assertThat(secret.has("value")).isFalse();
    assertThat(variable(api, "EP_HOST_HTTP").get("source").getAsString()).isEqualTo("endpoint");
    assertThat(json.getAsJsonArray("containers").get(1).getAsJsonObject().get("taskId").getAsString())
        .isEqualTo("tools_api.instance-" + Cli.UUID + ".sidecar.1");
  }

  @Test
  void theOfferDecidesHostAndPorts() {
    Cli.Run run = podctl("env", pod("api.json").toString(), "--offer", offer("v1.json").toString());
    assertThat(run.exit()).as(run.err()).isZero();
    assertThat(row(run, "api", "HOST")).isEqualTo("injected node-1.example");
    assertThat(row(run, "api", "ENDPOINT_HTTP")).isEqualTo("endpoint 5000");
  }

  @Test
  void theEnvPrefixAppliesToEndpointVariables() {
    Cli.Run run = podctl("env", pod("api.json").toString(), "--env-prefix", "app_");
    assertThat(run.exit()).isZero();
    assertThat(row(run, "api", "APP_ENDPOINT_HTTP")).isEqualTo("endpoint 31000");
    assertThat(run.out()).doesNotContainPattern(Pattern.compile("(?m) ENDPOINT_HTTP "));
  }

  @Test
  void whatPodkitInjectsWinsOverTheUsersVariables() throws IOException {
    Path pod = Files.writeString(dir.resolve("shadow.json"), """
        {"id": "/p", "environment": {"HOST": "mine", "ENDPOINT_WEB": "1"},
         "containers": [{"name": "main", "resources": {}, "environment": {"MARATHON_APP_LABEL_X": "own"},
           "endpoints": [{"name": "web", "hostPort": 0}]}]}""", StandardCharsets.UTF_8);
    Cli.Run run = podctl("env", pod.toString());
    assertThat(run.exit()).as(run.err()).isZero();
    assertThat(row(run, "main", "HOST")).isEqualTo("injected agent-1.example");
    assertThat(row(run, "main", "ENDPOINT_WEB")).isEqualTo("endpoint 31000");
    // no label x: the user's own variable survives
    assertThat(row(run, "main", "MARATHON_APP_LABEL_X")).isEqualTo("container own");
  }

  @Test
  void aResidentPodShowsTheEnvironmentOfItsLaunchOnTheReservation() {
    Cli.Run run = podctl("env", pod("resident.json").toString());
    assertThat(run.exit()).as(run.err()).isZero();
    assertThat(row(run, "postgres", "ENDPOINT_PG")).isEqualTo("endpoint 31000");
  }

  @Test
  void exitCodes() {
    assertThat(podctl("env", pod("bad-names.json").toString()).exit()).isEqualTo(1);
    assertThat(podctl("env", pod("huge.json").toString()).exit()).isEqualTo(3);
    assertThat(podctl("env", Cli.WEB.toString(), "--offer", offer("malformed.json").toString()).exit()).isEqualTo(2);
    Cli.Run missing = podctl("env", dir.resolve("gone.json").toString());
    assertThat(missing.exit()).isEqualTo(2);
    assertThat(missing.err()).contains("gone.json: no such file");
  }

  @Test
  void helpNamesTheSources() {
    Cli.Run help = podctl("env", "--help");
    assertThat(help.exit()).isZero();
    for (String word : List.of("--container", "--offer", "--output", "pod", "container", "injected", "endpoint",
        "secret", "Exit codes:")) {
      assertThat(help.out()).contains(word);
    }
  }
}
