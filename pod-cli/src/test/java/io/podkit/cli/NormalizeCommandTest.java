package io.podkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs {@code podctl normalize} in-process: outputs and exit codes are a contract. */
class NormalizeCommandTest {
  @TempDir
  Path dir;

  private record Run(int exit, String out, String err) {}

  private static Run podctl(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int exit = PodCtl.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
    return new Run(exit, out.toString(), err.toString());
  }

  private Path file(String name, String content) throws IOException {
    return Files.writeString(dir.resolve(name), content, StandardCharsets.UTF_8);
  }

  @Test
  void printsTheNormalizedPod() throws IOException {
    Path pod = file("p.json", """
        {"id": "/p", "containers": [{"name": "main", "resources": {},
          "endpoints": [{"name": "http"}]}]}""");
    Run run = podctl("normalize", pod.toString());
    assertThat(run.exit()).isZero();
    assertThat(run.err()).isEmpty();
    assertThat(run.out()).contains("\"role\" : \"*\"", "\"hostPort\" : 0", "\"cpus\" : 1", "\"mem\" : 128",
        "\"killSelection\" : \"YOUNGEST_FIRST\"");
  }

  @Test
  void theExamplePodFromTheReadmeNormalizes() {
    Path example = Path.of("..", "examples", "pods", "web.json");
    Run run = podctl("normalize", example.toString());
    assertThat(run.exit()).as(run.err()).isZero();
    assertThat(run.out()).contains("\"name\" : \"log-shipper\"");
  }

  @Test
  void aMisspeltFieldIsReportedCompilerStyleWithExit1() throws IOException {
    Path pod = file("typo.json", "{\n  \"id\": \"/p\",\n  \"contianers\": []\n}\n");
    Run run = podctl("normalize", pod.toString());
    assertThat(run.exit()).isEqualTo(1);
    assertThat(run.out()).isEmpty();
    assertThat(run.err()).contains(pod + ":3:3: /contianers: unknown field \"contianers\" in a pod; "
        + "did you mean \"containers\"?");
    assertThat(run.err()).doesNotContain("Exception", "\tat ");
  }

  @Test
  void lenientModeWarnsAndSucceeds() throws IOException {
    Path pod = file("extra.json", """
        {"id": "/p", "color": "blue", "containers": [{"name": "main", "resources": {}}]}""");
    Run run = podctl("normalize", "--lenient", pod.toString());
    assertThat(run.exit()).isZero();
    assertThat(run.err()).contains("/color: unknown field", "(warning)");
  }

  @Test
  void aContainerNetworkWithoutNameNeedsTheDefaultNetworkOption() throws IOException {
    Path pod = file("net.json", """
        {"id": "/p", "networks": [{}], "containers": [{"name": "main", "resources": {}}]}""");
    assertThat(podctl("normalize", pod.toString()).exit()).isEqualTo(1);
    Run run = podctl("normalize", "--default-network", "overlay", pod.toString());
    assertThat(run.exit()).isZero();
    assertThat(run.out()).contains("\"name\" : \"overlay\"");
  }

  @Test
  void malformedJsonIsExit1WithALocation() throws IOException {
    Path pod = file("bad.json", "{\"id\": \"/p\",, }");
    Run run = podctl("normalize", pod.toString());
    assertThat(run.exit()).isEqualTo(1);
    assertThat(run.err()).startsWith(pod + ":1:").contains("malformed JSON");
  }

  @Test
  void anInvalidPodIsExit1WithItsViolationsCompilerStyle() throws IOException {
    Path pod = file("upper.json", "{\n  \"id\": \"/p\",\n  \"containers\": [{\"name\": \"Main\", \"resources\": {}}]\n}\n");
    Run run = podctl("normalize", pod.toString());
    assertThat(run.exit()).isEqualTo(1);
    assertThat(run.out()).isEmpty();
    assertThat(run.err()).isEqualTo(pod + ":3:19: /containers(0)/name: must be 1 to 63 lower-case letters, digits "
        + "and '-', starting and ending with a letter or digit" + System.lineSeparator());
  }

  @Test
  void secretsAreOnUnlessNoSecrets() throws IOException {
    Path pod = file("secret.json", """
        {"id": "/p", "secrets": {"s": {"source": "/s"}}, "environment": {"PW": {"secret": "s"}},
         "containers": [{"name": "main", "resources": {}}]}""");
    Run on = podctl("normalize", pod.toString());
    assertThat(on.exit()).as(on.err()).isZero();
    assertThat(on.out()).contains("\"secret\" : \"s\"");
    Run off = podctl("normalize", "--no-secrets", pod.toString());
    assertThat(off.exit()).isEqualTo(1);
    assertThat(off.err()).contains(pod + ":1:14: /secrets: Feature secrets is not enabled");
  }

  @Test
  void theRoleOptionAndItsMarathonSpellingSetTheDefaultRole() throws IOException {
    Path pod = file("role.json", """
        {"id": "/p", "containers": [{"name": "main", "resources": {}}]}""");
    assertThat(podctl("normalize", "--role", "web", pod.toString()).out()).contains("\"role\" : \"web\"");
    assertThat(podctl("normalize", "--mesos-role", "web", pod.toString()).out()).contains("\"role\" : \"web\"");
  }

  @Test
  void aMissingFileIsExit2() {
    Run run = podctl("normalize", dir.resolve("nope.json").toString());
    assertThat(run.exit()).isEqualTo(2);
    assertThat(run.err()).contains("no such file");
  }

  @Test
  void aDirectoryIsExit2() {
    Run run = podctl("normalize", dir.toString());
    assertThat(run.exit()).isEqualTo(2);
    assertThat(run.err()).contains("cannot read");
  }

  @Test
  void usageErrorsAreExit2() {
    assertThat(podctl("normalize").exit()).isEqualTo(2);
    assertThat(podctl("frobnicate").exit()).isEqualTo(2);
    assertThat(podctl("normalize", "--no-such-option", "x.json").exit()).isEqualTo(2);
  }

  @Test
  void helpIsAvailableOnEveryCommand() {
    Run top = podctl("--help");
    assertThat(top.exit()).isZero();
    assertThat(top.out()).contains("normalize");
    Run sub = podctl("normalize", "--help");
    assertThat(sub.exit()).isZero();
    assertThat(sub.out()).contains("--default-network", "--lenient", "--no-secrets", "--mesos-version", "--role");
  }
}
