package io.podkit.cli;

import static io.podkit.cli.Cli.pod;
import static io.podkit.cli.Cli.podctl;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code podctl validate}: exit codes, the compiler-style text report and the JSON report. */
class ValidateCommandTest {
  @TempDir
  Path dir;

  private Path file(String name, String content) throws IOException {
    return Files.writeString(dir.resolve(name), content, StandardCharsets.UTF_8);
  }

  private static JsonObject json(Cli.Run run) {
    return JsonParser.parseString(run.out()).getAsJsonObject();
  }

  @Test
  void aValidPodIsExit0WithASummaryLine() {
    Cli.Run run = podctl("validate", Cli.WEB.toString());
    assertThat(run.exit()).as(run.out() + run.err()).isZero();
    assertThat(run.out()).isEqualTo(Cli.WEB + ": valid" + System.lineSeparator());
    assertThat(run.err()).isEmpty();
  }

  @Test
  void aValidationViolationIsPlacedAtItsLineAndColumn() {
    Path bad = pod("bad-names.json");
    Cli.Run run = podctl("validate", bad.toString());
    assertThat(run.exit()).isEqualTo(1);
    // "name" of containers[0] is on line 5, column 7 of the fixture
    assertThat(run.out()).contains(bad + ":5:7: /containers(0)/name: must be 1 to 63 lower-case letters, digits "
        + "and '-', starting and ending with a letter or digit" + System.lineSeparator());
    assertThat(run.out()).endsWith(bad + ": invalid, 1 error" + System.lineSeparator());
    assertThat(run.err()).isEmpty();
  }

  @Test
  void jsonReportsAViolationWithPathPointerRuleAndPosition() {
    Cli.Run run = podctl("validate", "--output", "json", pod("bad-names.json").toString());
    assertThat(run.exit()).isEqualTo(1);
    JsonObject report = json(run);
    assertThat(report.get("valid").getAsBoolean()).isFalse();
    assertThat(report.getAsJsonArray("warnings")).isEmpty();
    JsonArray errors = report.getAsJsonArray("errors");
    assertThat(errors).hasSize(1);
    JsonObject error = errors.get(0).getAsJsonObject();
    assertThat(error.keySet()).containsExactly("path", "pointer", "message", "rule", "line", "column");
    assertThat(error.get("path").getAsString()).isEqualTo("/containers(0)/name");
    assertThat(error.get("pointer").getAsString()).isEqualTo("/containers/0/name");
    assertThat(error.get("rule").getAsString()).isEqualTo("container-name");
    assertThat(error.get("line").getAsInt()).isEqualTo(5);
    assertThat(error.get("column").getAsInt()).isEqualTo(7);
    assertThat(error.get("message").getAsString()).startsWith("must be 1 to 63");
  }

  @Test
  void jsonOfAValidPod() {
    Cli.Run run = podctl("validate", "--output", "JSON", Cli.WEB.toString());
    assertThat(run.exit()).isZero();
    JsonObject report = json(run);
    assertThat(report.keySet()).containsExactly("valid", "errors", "warnings");
    assertThat(report.get("valid").getAsBoolean()).isTrue();
    assertThat(report.getAsJsonArray("errors")).isEmpty();
  }

  @Test
  void readerErrorsCarryTheirReadRuleId() throws IOException {
    Path typo = file("typo.json", "{\n  \"id\": \"/p\",\n  \"contianers\": []\n}\n");
    Cli.Run text = podctl("validate", typo.toString());
    assertThat(text.exit()).isEqualTo(1);
    assertThat(text.out()).contains(typo + ":3:3: /contianers: unknown field \"contianers\" in a pod; "
        + "did you mean \"containers\"?");

    Cli.Run run = podctl("validate", "--output", "json", typo.toString());
    assertThat(run.exit()).isEqualTo(1);
    JsonArray errors = json(run).getAsJsonArray("errors");
    assertThat(errors).anySatisfy(e -> {
      JsonObject o = e.getAsJsonObject();
      assertThat(o.get("rule").getAsString()).isEqualTo("read.unknown-field");
      assertThat(o.get("pointer").getAsString()).isEqualTo("/contianers");
      assertThat(o.get("line").getAsInt()).isEqualTo(3);
      assertThat(o.get("column").getAsInt()).isEqualTo(3);
    });
    assertThat(errors).anySatisfy(e -> assertThat(e.getAsJsonObject().get("rule").getAsString())
        .isEqualTo("read.required"));
  }

  @Test
  void malformedJsonIsExit1WithTheSyntaxRule() throws IOException {
    Path bad = file("bad.json", "{\"id\": \"/p\",, }");
    Cli.Run text = podctl("validate", bad.toString());
    assertThat(text.exit()).isEqualTo(1);
    assertThat(text.out()).startsWith(bad + ":1:").contains("malformed JSON");
    Cli.Run run = podctl("validate", "--output", "json", bad.toString());
    assertThat(run.exit()).isEqualTo(1);
    assertThat(json(run).getAsJsonArray("errors").get(0).getAsJsonObject().get("rule").getAsString())
        .isEqualTo("read.syntax");
  }

  @Test
  void aMissingFileIsExit2InBothFormats() {
    Path missing = dir.resolve("nope.json");
    for (String format : new String[] {"text", "json"}) {
      Cli.Run run = podctl("validate", "--output", format, missing.toString());
      assertThat(run.exit()).isEqualTo(2);
      assertThat(run.out()).isEmpty();
      assertThat(run.err()).isEqualTo(missing + ": no such file" + System.lineSeparator());
    }
  }

  @Test
  void aDirectoryIsExit2() {
    Cli.Run run = podctl("validate", dir.toString());
    assertThat(run.exit()).isEqualTo(2);
    assertThat(run.err()).contains(dir + ": cannot read: is a directory");
  }

  @Test
  void lenientModeReportsWarningsAndStaysValid() throws IOException {
    Path pod = file("extra.json", """
        {"id": "/p", "color": "blue", "containers": [{"name": "main", "resources": {}}]}""");
    assertThat(podctl("validate", pod.toString()).exit()).isEqualTo(1);
    Cli.Run text = podctl("validate", "--lenient", pod.toString());
    assertThat(text.exit()).isZero();
    assertThat(text.out()).contains(pod + ":1:14: /color: unknown field \"color\"", "(warning)")
        .endsWith(pod + ": valid, 1 warning" + System.lineSeparator());
    Cli.Run json = podctl("validate", "--lenient", "--output", "json", pod.toString());
    assertThat(json.exit()).isZero();
    JsonObject report = json(json);
    assertThat(report.get("valid").getAsBoolean()).isTrue();
    assertThat(report.getAsJsonArray("warnings").get(0).getAsJsonObject().get("rule").getAsString())
        .isEqualTo("read.unknown-field");
  }

  @Test
  void secretsAreOnByDefaultAndNoSecretsTurnsThemOff() {
    Path api = pod("api.json");
    assertThat(podctl("validate", api.toString()).exit()).isZero();
    Cli.Run run = podctl("validate", "--no-secrets", "--output", "json", api.toString());
    assertThat(run.exit()).isEqualTo(1);
    assertThat(json(run).getAsJsonArray("errors")).extracting(e -> e.getAsJsonObject().get("rule").getAsString())
        .contains("secrets-feature", "env-secret-feature");
  }

  @Test
  void theDefaultNetworkOptionNamesUnnamedContainerNetworks() throws IOException {
    Path pod = file("net.json", """
        {"id": "/p", "networks": [{"mode": "container"}], "containers": [{"name": "main", "resources": {}}]}""");
    Cli.Run without = podctl("validate", pod.toString());
    assertThat(without.exit()).isEqualTo(1);
    assertThat(without.out()).contains(pod + ":1:27: /networks(0): Network name must be specified");
    assertThat(podctl("validate", "--default-network", "overlay", pod.toString()).exit()).isZero();
  }

  @Test
  void theMesosVersionOptionGatesExecHealthChecks() throws IOException {
    Path pod = file("exec-hc.json", """
        {"id": "/p", "containers": [{"name": "main", "resources": {},
          "healthCheck": {"exec": {"command": {"shell": "true"}}}}]}""");
    assertThat(podctl("validate", pod.toString()).exit()).isZero();
    assertThat(podctl("validate", "--mesos-version", "1.11.0", pod.toString()).exit()).isZero();
    Cli.Run old = podctl("validate", "--mesos-version", "1.2.0", "--output", "json", pod.toString());
    assertThat(old.exit()).isEqualTo(1);
    assertThat(old.out()).contains("health-check-exec-version");
    Cli.Run bad = podctl("validate", "--mesos-version", "one.two", pod.toString());
    assertThat(bad.exit()).isEqualTo(2);
    assertThat(bad.err()).contains("'one.two' is not a Mesos version");
  }

  @Test
  void theRoleOptionIsMarathonsMesosRole() throws IOException {
    Path pod = file("resident.json", """
        {"id": "/db", "volumes": [{"name": "data", "persistent": {"size": 10}}],
         "containers": [{"name": "main", "resources": {}, "volumeMounts": [{"name": "data", "mountPath": "data"}]}]}""");
    Cli.Run star = podctl("validate", pod.toString());
    assertThat(star.exit()).isEqualTo(1);
    assertThat(star.out()).contains("Resident pods cannot have the role *");
    assertThat(podctl("validate", "--role", "data", pod.toString()).exit()).isZero();
    assertThat(podctl("validate", "--mesos-role", "data", pod.toString()).exit()).isZero();
  }

  @Test
  void usageErrorsAreExit2() {
    assertThat(podctl("validate").exit()).isEqualTo(2);
    assertThat(podctl("validate", "--output", "yaml", Cli.WEB.toString()).exit()).isEqualTo(2);
    assertThat(podctl("validate", "--bogus", Cli.WEB.toString()).exit()).isEqualTo(2);
  }

  @Test
  void helpDocumentsTheOptionsAndExitCodes() {
    Cli.Run help = podctl("validate", "--help");
    assertThat(help.exit()).isZero();
    assertThat(help.out()).contains("--lenient", "--no-secrets", "--default-network", "--mesos-version", "--output",
        "FILE:LINE:COLUMN: path: message", "Exit codes:");
  }
}
