package io.podkit.cli;

import static io.podkit.cli.Cli.pod;
import static io.podkit.cli.Cli.podctl;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.podkit.model.Artifact;
import io.podkit.model.CheckKind;
import io.podkit.model.Constraint;
import io.podkit.model.Container;
import io.podkit.model.Endpoint;
import io.podkit.model.Exec;
import io.podkit.model.ExecutorResources;
import io.podkit.model.Image;
import io.podkit.model.Lifecycle;
import io.podkit.model.LinuxInfo;
import io.podkit.model.Network;
import io.podkit.model.PersistentVolumeInfo;
import io.podkit.model.Pod;
import io.podkit.model.ResourceLimits;
import io.podkit.model.Resources;
import io.podkit.model.SchedulingPolicy;
import io.podkit.model.Secret;
import io.podkit.model.VolumeMount;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** {@code podctl schema}: a JSON Schema that names every field of the model and accepts our pods. */
class SchemaCommandTest {
  private static final Cli.Run RUN = podctl("schema");
  private static final JsonObject SCHEMA = JsonParser.parseString(RUN.out()).getAsJsonObject();
  private static final SchemaCheck CHECK = new SchemaCheck(SCHEMA);

  private static JsonObject definition(String name) {
    return SCHEMA.getAsJsonObject("$defs").getAsJsonObject(name);
  }

  private static List<String> components(Class<? extends Record> type) {
    return Arrays.stream(type.getRecordComponents()).map(RecordComponent::getName).toList();
  }

  private static List<String> errors(String json) {
    return CHECK.errors(JsonParser.parseString(json));
  }

  @Test
  void isDraft2020SchemaJson() {
    assertThat(RUN.exit()).isZero();
    assertThat(RUN.err()).isEmpty();
    assertThat(SCHEMA.get("$schema").getAsString()).isEqualTo("https://json-schema.org/draft/2020-12/schema");
    assertThat(SCHEMA.get("type").getAsString()).isEqualTo("object");
    assertThat(SCHEMA.get("additionalProperties").getAsBoolean()).isFalse();
    assertThat(SCHEMA.getAsJsonArray("required")).extracting(JsonElement::getAsString)
        .containsExactly("id", "containers");
  }

  @Test
  void everyTopLevelPodPropertyOfTheModelAppears() {
    assertThat(SCHEMA.getAsJsonObject("properties").keySet()).containsExactlyElementsOf(components(Pod.class));
  }

  @Test
  void everyObjectNamesExactlyItsModelRecordsFields() {
    Map<String, Class<? extends Record>> records = Map.ofEntries(
        Map.entry("container", Container.class), Map.entry("exec", Exec.class),
        Map.entry("resources", Resources.class), Map.entry("resourceLimits", ResourceLimits.class),
        Map.entry("endpoint", Endpoint.class), Map.entry("linuxInfo", LinuxInfo.class),
        Map.entry("seccomp", LinuxInfo.Seccomp.class), Map.entry("ipcInfo", LinuxInfo.IpcInfo.class),
        Map.entry("image", Image.class), Map.entry("pullConfig", Image.PullConfig.class),
        Map.entry("httpCheck", CheckKind.Http.class), Map.entry("tcpCheck", CheckKind.Tcp.class),
        Map.entry("execCheck", CheckKind.Exec.class), Map.entry("volumeMount", VolumeMount.class),
        Map.entry("artifact", Artifact.class), Map.entry("lifecycle", Lifecycle.class),
        Map.entry("secret", Secret.class), Map.entry("persistentVolume", PersistentVolumeInfo.class),
        Map.entry("network", Network.class), Map.entry("scheduling", SchedulingPolicy.class),
        Map.entry("backoff", SchedulingPolicy.Backoff.class), Map.entry("upgrade", SchedulingPolicy.UpgradeStrategy.class),
        Map.entry("placement", SchedulingPolicy.Placement.class), Map.entry("constraint", Constraint.class),
        Map.entry("executorResources", ExecutorResources.class));
    records.forEach((definition, type) -> assertThat(definition(definition).getAsJsonObject("properties").keySet())
        .as(definition).containsExactlyElementsOf(components(type)));
    // unions: a check's kind is one of http/tcp/exec; scaling carries its discriminator
    assertThat(definition("healthCheck").getAsJsonObject("properties").keySet()).containsExactly("http", "tcp",
        "exec", "gracePeriodSeconds", "intervalSeconds", "maxConsecutiveFailures", "timeoutSeconds", "delaySeconds");
    assertThat(definition("check").getAsJsonObject("properties").keySet()).containsExactly("http", "tcp", "exec",
        "intervalSeconds", "timeoutSeconds", "delaySeconds");
    assertThat(definition("volume").getAsJsonObject("properties").keySet())
        .containsExactly("name", "persistent", "secret", "host");
    assertThat(definition("scaling").getAsJsonObject("properties").keySet()).containsExactly("kind", "instances");
    assertThat(definition("command").getAsJsonArray("oneOf")).hasSize(2);
    assertThat(definition("volume").getAsJsonArray("oneOf")).hasSize(4);
    assertThat(definition("network").getAsJsonObject("properties").getAsJsonObject("mode").toString())
        .contains("\"container\"", "\"container/bridge\"", "\"host\"");
  }

  @Test
  void ourExamplePodsAreValid() throws IOException {
    List<Path> pods;
    try (Stream<Path> examples = Files.list(Path.of("..", "examples", "pods"))) {
      pods = Stream.concat(examples.filter(p -> p.toString().endsWith(".json")),
          Stream.of("api.json", "resident.json", "huge.json").map(Cli::pod)).sorted().toList();
    }
    assertThat(pods).contains(Cli.WEB.normalize(), pod("api.json"));
    for (Path p : pods) {
      assertThat(CHECK.errors(JsonParser.parseString(read(p)))).as(p.toString()).isEmpty();
    }
    // the name patterns are in the schema, so an editor flags what validate would
    assertThat(CHECK.errors(JsonParser.parseString(read(pod("bad-names.json")))))
        .containsExactly("/containers/0/name: \"Web_Server\" does not match \"^[a-z0-9]([-a-z0-9]*[a-z0-9])?$\"");
  }

  @Test
  void normalizedPodsAreValid() {
    for (Path p : List.of(Cli.WEB, pod("api.json"), pod("resident.json"))) {
      Cli.Run run = podctl("normalize", "--role", "data", p.toString());
      assertThat(run.exit()).as(run.err()).isZero();
      assertThat(CHECK.errors(JsonParser.parseString(run.out()))).as(p.toString()).isEmpty();
    }
  }

  @Test
  void nullIsAbsentForOptionalMembersOnly() {
    assertThat(errors("""
        {"id": "/p", "labels": null, "role": null, "scaling": null,
         "containers": [{"name": "a", "resources": {"cpus": null}, "image": null, "tty": null,
           "healthCheck": {"tcp": {"endpoint": "e"}, "http": null}}]}""")).isEmpty();
    assertThat(errors("{\"id\": null, \"containers\": [{\"name\": \"a\", \"resources\": {}}]}"))
        .anyMatch(e -> e.startsWith("/id: "));
  }

  @Test
  void structuralMistakesAreRejected() {
    String container = "{\"name\": \"a\", \"resources\": {}}";
    assertThat(errors("{\"id\": \"/p\"}")).anyMatch(e -> e.contains("\"containers\" is missing"));
    assertThat(errors("{\"id\": \"/p\", \"contianers\": [" + container + "]}")).isNotEmpty();
    assertThat(errors("{\"id\": \"/p\", \"containers\": []}")).anyMatch(e -> e.contains("fewer than 1"));
    assertThat(errors("{\"id\": \"/p\", \"containers\": [{\"name\": \"a\"}]}"))
        .anyMatch(e -> e.contains("\"resources\" is missing"));
    assertThat(errors("{\"id\": \"/p\", \"networks\": [{\"mode\": \"overlay\"}], \"containers\": [" + container + "]}"))
        .anyMatch(e -> e.startsWith("/networks/0/mode"));
    assertThat(errors("{\"id\": \"/p\", \"scaling\": {\"kind\": \"Fixed\"}, \"containers\": [" + container + "]}"))
        .anyMatch(e -> e.contains("/scaling/kind: expected \"fixed\", found \"Fixed\""));
    assertThat(errors("""
        {"id": "/p", "containers": [{"name": "a", "resources": {},
          "exec": {"command": {"shell": "x", "argv": ["x"]}}}]}""")).anyMatch(e -> e.contains("oneOf"));
    assertThat(errors("""
        {"id": "/p", "containers": [{"name": "a", "resources": {}, "healthCheck": {"intervalSeconds": 5}}]}"""))
        .anyMatch(e -> e.contains("oneOf"));
    assertThat(errors("""
        {"id": "/p", "volumes": [{"name": "v", "host": "/x", "secret": "s"}], "containers": [{"name": "a",
          "resources": {}}]}""")).anyMatch(e -> e.contains("oneOf"));
    assertThat(errors("""
        {"id": "/p", "containers": [{"name": "a", "resources": {}, "endpoints": [{"name": "e", "hostPort": 70000}]}]}"""))
        .anyMatch(e -> e.contains("above 65535"));
    assertThat(errors("""
        {"id": "/p", "environment": {"1BAD": "x"}, "containers": [{"name": "a", "resources": {}}]}""")).isNotEmpty();
    assertThat(errors("""
        {"id": "/p", "containers": [{"name": "a", "resources": {"gpus": 1.5}}]}""")).isNotEmpty();
    // unions that are fine: secret env values, resource limits, unreachable strategies, each volume kind
    assertThat(errors("""
        {"id": "/p", "environment": {"A": "x", "B": {"secret": "s"}}, "secrets": {"s": {"source": "/s"}},
         "volumes": [{"name": "e"}, {"name": "h", "host": "/h"}, {"name": "s", "secret": "s"},
                     {"name": "d", "persistent": {"size": 5, "type": "mount"}}],
         "scheduling": {"unreachableStrategy": "disabled", "placement": {"constraints": [
           {"fieldName": "hostname", "operator": "UNIQUE"}]}},
         "containers": [{"name": "a", "resources": {"cpus": 1}, "resourceLimits": {"cpus": "unlimited", "mem": 512}}]}"""))
        .isEmpty();
  }

  @Test
  void helpSaysWhatItIs() {
    Cli.Run help = podctl("schema", "--help");
    assertThat(help.exit()).isZero();
    assertThat(help.out()).contains("JSON Schema", "2020-12", "Exit codes:");
  }

  private static String read(Path p) {
    try {
      return Files.readString(p, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
