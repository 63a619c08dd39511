package io.podkit.model.json;

import static io.podkit.model.json.PodDocuments.containerWith;
import static io.podkit.model.json.PodDocuments.podWith;
import static io.podkit.model.json.PodDocuments.readOk;
import static io.podkit.model.json.PodDocuments.rejected;
import static io.podkit.model.json.PodDocuments.tree;
import static io.podkit.model.json.PodDocuments.withResources;
import static io.podkit.model.json.PodDocuments.written;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import io.podkit.model.CheckKind;
import io.podkit.model.ConstraintOperator;
import io.podkit.model.HttpScheme;
import io.podkit.model.ImageKind;
import io.podkit.model.IpcMode;
import io.podkit.model.KillSelection;
import io.podkit.model.NetworkMode;
import io.podkit.model.PersistentVolumeType;
import io.podkit.model.Pod;
import io.podkit.model.PodPath;
import io.podkit.model.Volume;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The shape rules of the reader (DESIGN 2, pod-schema 4): null means absent, enums are
 * case-insensitive and written canonically, no silent fallbacks, JSON types and number ranges,
 * duplicate keys, and every error collected into one {@link ReadResult}.
 */
class ReaderRulesTest {
  // ================================================================ null means absent

  static Stream<Arguments> nullMembers() {
    return Stream.of(
        arguments("object", podWith("\"scaling\": null, \"scheduling\": null, \"executorResources\": null"), MINIMAL),
        arguments("object", containerWith("\"healthCheck\": null, \"exec\": null, \"image\": null"), MINIMAL),
        arguments("string", podWith("\"user\": null, \"role\": null, \"version\": null"), MINIMAL),
        arguments("string", containerWith("\"user\": null"), MINIMAL),
        arguments("number", withResources("{\"cpus\": null, \"mem\": null, \"disk\": null, \"gpus\": null}"), MINIMAL),
        arguments("number", containerWith("\"endpoints\": [{\"name\": \"web\", \"containerPort\": null, "
            + "\"hostPort\": null}]"), containerWith("\"endpoints\": [{\"name\": \"web\"}]")),
        arguments("boolean", containerWith("\"tty\": null"), MINIMAL),
        arguments("boolean", podWith("\"legacySharedCgroups\": null"), MINIMAL),
        arguments("list", podWith("\"volumes\": null, \"networks\": null"), MINIMAL),
        arguments("list", containerWith("\"endpoints\": null, \"volumeMounts\": null, \"artifacts\": null"), MINIMAL),
        arguments("map", podWith("\"labels\": null, \"environment\": null, \"secrets\": null"), MINIMAL),
        arguments("map", containerWith("\"labels\": null, \"environment\": null"), MINIMAL));
  }

  @ParameterizedTest(name = "{0}: {1}")
  @MethodSource("nullMembers")
  void nullForAnOptionalMemberMeansAbsent(String kind, String withNulls, String without) {
    Pod expected = readOk(without);

    assertThat(readOk(withNulls)).isEqualTo(expected);
  }

  @Test
  void nullForEveryOptionalMemberOfEveryObjectMeansAbsent() {
    String withNulls = """
        {
          "id": "/p", "labels": null, "version": null, "user": null, "environment": null,
          "containers": [{
            "name": "c",
            "exec": {"command": {"shell": "true", "argv": null}, "overrideEntrypoint": null},
            "resources": {"cpus": null, "mem": null, "disk": null, "gpus": null},
            "resourceLimits": {"cpus": null, "mem": null},
            "endpoints": [{"name": "web", "containerPort": null, "hostPort": null, "protocol": null,
                           "labels": null, "networkNames": null}],
            "linuxInfo": {"seccomp": {"profileName": null, "unconfined": null}, "ipcInfo": null},
            "image": {"kind": "DOCKER", "id": "nginx", "pullConfig": null, "forcePull": null, "labels": null},
            "environment": null, "user": null,
            "healthCheck": {"http": {"endpoint": "web", "path": null, "scheme": null}, "tcp": null, "exec": null,
                            "gracePeriodSeconds": null, "intervalSeconds": null, "maxConsecutiveFailures": null,
                            "timeoutSeconds": null, "delaySeconds": null},
            "check": null,
            "volumeMounts": [{"name": "v", "mountPath": "/d", "readOnly": null}],
            "artifacts": [{"uri": "http://a/b", "extract": null, "executable": null, "cache": null, "destPath": null}],
            "labels": null, "lifecycle": {"killGracePeriodSeconds": null}, "tty": null
          }],
          "secrets": null,
          "volumes": [{"name": "v", "persistent": {"size": 1, "type": null, "maxSize": null, "profileName": null,
                                                   "constraints": null}}],
          "networks": [{"name": null, "mode": null, "labels": null}],
          "scaling": {"kind": "fixed", "instances": null},
          "scheduling": {"backoff": {"backoff": null, "backoffFactor": null, "maxLaunchDelay": null},
                         "upgrade": {"minimumHealthCapacity": null, "maximumOverCapacity": null},
                         "placement": {"constraints": [{"fieldName": "hostname", "operator": "UNIQUE", "value": null}],
                                       "acceptedResourceRoles": null},
                         "killSelection": null, "unreachableStrategy": null},
          "executorResources": {"cpus": null, "mem": null, "disk": null},
          "role": null, "linuxInfo": null, "legacySharedCgroups": null
        }""";
    String without = """
        {
          "id": "/p",
          "containers": [{
            "name": "c",
            "exec": {"command": {"shell": "true"}},
            "resources": {},
            "resourceLimits": {},
            "endpoints": [{"name": "web"}],
            "linuxInfo": {"seccomp": {}},
            "image": {"kind": "DOCKER", "id": "nginx"},
            "healthCheck": {"http": {"endpoint": "web"}},
            "volumeMounts": [{"name": "v", "mountPath": "/d"}],
            "artifacts": [{"uri": "http://a/b"}],
            "lifecycle": {}
          }],
          "volumes": [{"name": "v", "persistent": {"size": 1}}],
          "networks": [{}],
          "scaling": {"kind": "fixed"},
          "scheduling": {"backoff": {}, "upgrade": {},
                         "placement": {"constraints": [{"fieldName": "hostname", "operator": "UNIQUE"}]}},
          "executorResources": {}
        }""";

    Pod pod = readOk(withNulls);

    assertThat(pod).isEqualTo(readOk(without));
    assertThat(written(pod)).isEqualTo(tree(without));
  }

  static Stream<Arguments> nullRequiredMembers() {
    return Stream.of(
        arguments("{\"id\": null, \"containers\": [{\"name\": \"c\", \"resources\": {}}]}", "/id"),
        arguments("{\"id\": \"/p\", \"containers\": null}", "/containers"),
        arguments("{\"id\": \"/p\", \"containers\": [{\"name\": null, \"resources\": {}}]}", "/containers(0)/name"),
        arguments("{\"id\": \"/p\", \"containers\": [{\"name\": \"c\", \"resources\": null}]}",
            "/containers(0)/resources"),
        arguments(containerWith("\"image\": {\"kind\": null, \"id\": \"nginx\"}"), "/containers(0)/image/kind"),
        arguments(containerWith("\"endpoints\": [{\"name\": null}]"), "/containers(0)/endpoints(0)/name"),
        arguments(containerWith("\"volumeMounts\": [{\"name\": \"v\", \"mountPath\": null}]"),
            "/containers(0)/volumeMounts(0)/mountPath"),
        arguments(containerWith("\"exec\": {\"command\": null}"), "/containers(0)/exec/command"),
        arguments(podWith("\"volumes\": [{\"name\": \"v\", \"persistent\": {\"size\": null}}]"),
            "/volumes(0)/persistent/size"),
        arguments(podWith("\"secrets\": {\"db\": {\"source\": null}}"), "/secrets/db/source"),
        arguments(podWith("\"linuxInfo\": {\"ipcInfo\": {\"mode\": null}}"), "/linuxInfo/ipcInfo/mode"),
        arguments(podWith("\"scheduling\": {\"placement\": {\"constraints\": [{\"fieldName\": \"hostname\", "
            + "\"operator\": null}]}}"), "/scheduling/placement/constraints(0)/operator"));
  }

  @ParameterizedTest(name = "{1}")
  @MethodSource("nullRequiredMembers")
  void nullForARequiredMemberIsRequiredError(String doc, String path) {
    ReadProblem problem = rejected(doc, ReadRule.REQUIRED, path);

    String member = path.substring(path.lastIndexOf('/') + 1);
    assertThat(problem.message()).isEqualTo("\"" + member + "\" is required");
  }

  // ================================================================ enums

  static Stream<Arguments> enumSpellings() {
    return Stream.of(
        arguments(podWith("\"scheduling\": {\"killSelection\": \"Youngest_First\"}"),
            (Function<Pod, Object>) p -> p.scheduling().orElseThrow().killSelection().orElseThrow(),
            KillSelection.YOUNGEST_FIRST, "/scheduling/killSelection", "YOUNGEST_FIRST"),
        arguments(podWith("\"scheduling\": {\"killSelection\": \"oldest_first\"}"),
            (Function<Pod, Object>) p -> p.scheduling().orElseThrow().killSelection().orElseThrow(),
            KillSelection.OLDEST_FIRST, "/scheduling/killSelection", "OLDEST_FIRST"),
        arguments(containerWith("\"image\": {\"kind\": \"docker\", \"id\": \"nginx\"}"),
            (Function<Pod, Object>) p -> p.containers().get(0).image().orElseThrow().kind(),
            ImageKind.DOCKER, "/containers/0/image/kind", "DOCKER"),
        arguments(containerWith("\"endpoints\": [{\"name\": \"web\"}], "
                + "\"healthCheck\": {\"http\": {\"endpoint\": \"web\", \"scheme\": \"http\"}}"),
            (Function<Pod, Object>) p -> httpScheme(p),
            HttpScheme.HTTP, "/containers/0/healthCheck/http/scheme", "HTTP"),
        arguments(containerWith("\"endpoints\": [{\"name\": \"web\"}], "
                + "\"healthCheck\": {\"http\": {\"endpoint\": \"web\", \"scheme\": \"Https\"}}"),
            (Function<Pod, Object>) p -> httpScheme(p),
            HttpScheme.HTTPS, "/containers/0/healthCheck/http/scheme", "HTTPS"),
        arguments(podWith("\"networks\": [{\"mode\": \"HOST\"}]"),
            (Function<Pod, Object>) p -> p.networks().get(0).mode().orElseThrow(),
            NetworkMode.HOST, "/networks/0/mode", "host"),
        arguments(podWith("\"networks\": [{\"mode\": \"Container/Bridge\"}]"),
            (Function<Pod, Object>) p -> p.networks().get(0).mode().orElseThrow(),
            NetworkMode.BRIDGE, "/networks/0/mode", "container/bridge"),
        arguments(podWith("\"networks\": [{\"name\": \"dcos\", \"mode\": \"CONTAINER\"}]"),
            (Function<Pod, Object>) p -> p.networks().get(0).mode().orElseThrow(),
            NetworkMode.CONTAINER, "/networks/0/mode", "container"),
        arguments(podWith("\"linuxInfo\": {\"ipcInfo\": {\"mode\": \"private\", \"shmSize\": 64}}"),
            (Function<Pod, Object>) p -> p.linuxInfo().orElseThrow().ipcInfo().orElseThrow().mode(),
            IpcMode.PRIVATE, "/linuxInfo/ipcInfo/mode", "PRIVATE"),
        arguments(containerWith("\"linuxInfo\": {\"ipcInfo\": {\"mode\": \"Share_Parent\"}}"),
            (Function<Pod, Object>) p -> p.containers().get(0).linuxInfo().orElseThrow().ipcInfo().orElseThrow().mode(),
            IpcMode.SHARE_PARENT, "/containers/0/linuxInfo/ipcInfo/mode", "SHARE_PARENT"),
        arguments(podWith("\"volumes\": [{\"name\": \"v\", \"persistent\": {\"size\": 1, \"type\": \"MOUNT\"}}]"),
            (Function<Pod, Object>) p -> ((Volume.Persistent) p.volumes().get(0)).persistent().type().orElseThrow(),
            PersistentVolumeType.MOUNT, "/volumes/0/persistent/type", "mount"),
        arguments(podWith("\"volumes\": [{\"name\": \"v\", \"persistent\": {\"size\": 1, \"type\": \"Root\"}}]"),
            (Function<Pod, Object>) p -> ((Volume.Persistent) p.volumes().get(0)).persistent().type().orElseThrow(),
            PersistentVolumeType.ROOT, "/volumes/0/persistent/type", "root"),
        arguments(podWith("\"scheduling\": {\"placement\": {\"constraints\": "
                + "[{\"fieldName\": \"hostname\", \"operator\": \"unique\"}]}}"),
            (Function<Pod, Object>) p -> p.scheduling().orElseThrow().placement().orElseThrow().constraints().get(0)
                .operator(),
            ConstraintOperator.UNIQUE, "/scheduling/placement/constraints/0/operator", "UNIQUE"),
        arguments(podWith("\"scheduling\": {\"placement\": {\"constraints\": "
                + "[{\"fieldName\": \"rack\", \"operator\": \"group_by\", \"value\": \"2\"}]}}"),
            (Function<Pod, Object>) p -> p.scheduling().orElseThrow().placement().orElseThrow().constraints().get(0)
                .operator(),
            ConstraintOperator.GROUP_BY, "/scheduling/placement/constraints/0/operator", "GROUP_BY"),
        arguments(podWith("\"scheduling\": {\"placement\": {\"constraints\": "
                + "[{\"fieldName\": \"rack\", \"operator\": \"Max_Per\", \"value\": \"2\"}]}}"),
            (Function<Pod, Object>) p -> p.scheduling().orElseThrow().placement().orElseThrow().constraints().get(0)
                .operator(),
            ConstraintOperator.MAX_PER, "/scheduling/placement/constraints/0/operator", "MAX_PER"));
  }

  @ParameterizedTest(name = "{0} -> {3}")
  @MethodSource("enumSpellings")
  void enumValuesAreReadCaseInsensitivelyAndWrittenCanonically(String doc, Function<Pod, Object> value,
      Object expected, String pointer, String written) {
    Pod pod = readOk(doc);

    assertThat(value.apply(pod)).isEqualTo(expected);
    assertThat(written(pod).at(pointer).textValue()).isEqualTo(written);
  }

  static Stream<Arguments> unknownEnumValues() {
    return Stream.of(
        arguments(podWith("\"scheduling\": {\"killSelection\": \"NEWEST_FIRST\"}"), "/scheduling/killSelection",
            "unknown value \"NEWEST_FIRST\"; expected one of YOUNGEST_FIRST, OLDEST_FIRST"),
        arguments(containerWith("\"image\": {\"kind\": \"appc\", \"id\": \"nginx\"}"), "/containers(0)/image/kind",
            "unknown value \"appc\"; expected one of DOCKER"),
        arguments(containerWith("\"endpoints\": [{\"name\": \"web\"}], "
                + "\"healthCheck\": {\"http\": {\"endpoint\": \"web\", \"scheme\": \"ftp\"}}"),
            "/containers(0)/healthCheck/http/scheme", "unknown value \"ftp\"; expected one of HTTP, HTTPS"),
        arguments(podWith("\"networks\": [{\"mode\": \"bridge\"}]"), "/networks(0)/mode",
            "unknown value \"bridge\"; expected one of container, container/bridge, host"),
        arguments(podWith("\"linuxInfo\": {\"ipcInfo\": {\"mode\": \"shared\"}}"), "/linuxInfo/ipcInfo/mode",
            "unknown value \"shared\"; expected one of PRIVATE, SHARE_PARENT"),
        arguments(podWith("\"volumes\": [{\"name\": \"v\", \"persistent\": {\"size\": 1, \"type\": \"block\"}}]"),
            "/volumes(0)/persistent/type", "unknown value \"block\"; expected one of root, path, mount"),
        arguments(podWith("\"scheduling\": {\"placement\": {\"constraints\": "
                + "[{\"fieldName\": \"hostname\", \"operator\": \"EQUALS\"}]}}"),
            "/scheduling/placement/constraints(0)/operator",
            "unknown value \"EQUALS\"; expected one of UNIQUE, CLUSTER, GROUP_BY, LIKE, UNLIKE, MAX_PER, IS"),
        arguments(podWith("\"scheduling\": {\"killSelection\": \"\"}"), "/scheduling/killSelection",
            "unknown value \"\""));
  }

  @ParameterizedTest(name = "{1}")
  @MethodSource("unknownEnumValues")
  void unknownEnumValueIsEnumErrorListingTheValues(String doc, String path, String message) {
    ReadProblem problem = rejected(doc, ReadRule.ENUM, path);

    assertThat(problem.message()).contains(message);
  }

  @Test
  void enumOfWrongJsonTypeIsTypeError() {
    ReadProblem problem = rejected(podWith("\"scheduling\": {\"killSelection\": 1}"), ReadRule.TYPE,
        "/scheduling/killSelection");

    assertThat(problem.message()).isEqualTo("expected a string, found a number");
  }

  // ================================================================ no silent fallbacks

  @Test
  void nonBooleanSeccompUnconfinedIsTypeErrorNotFalse() {
    ReadProblem problem = rejected(containerWith("\"linuxInfo\": {\"seccomp\": {\"unconfined\": \"yes\"}}"),
        ReadRule.TYPE, "/containers(0)/linuxInfo/seccomp/unconfined");

    assertThat(problem.message()).isEqualTo("expected a boolean, found a string");
  }

  @Test
  void stringScalingInstancesIsTypeErrorNotOne() {
    ReadProblem problem = rejected(podWith("\"scaling\": {\"kind\": \"fixed\", \"instances\": \"3\"}"),
        ReadRule.TYPE, "/scaling/instances");

    assertThat(problem.message()).isEqualTo("expected a whole number, found a string");
  }

  @Test
  void nonStringLabelValueIsTypeError() {
    ReadProblem problem = rejected(podWith("\"labels\": {\"tier\": 1}"), ReadRule.TYPE, "/labels/tier");

    assertThat(problem.message()).isEqualTo("expected a string, found a number");
  }

  @Test
  void nullLabelValueIsTypeErrorBecauseMapValuesMustNotBeNull() {
    ReadProblem problem = rejected(containerWith("\"labels\": {\"tier\": null}"), ReadRule.TYPE,
        "/containers(0)/labels/tier");

    assertThat(problem.message()).isEqualTo("expected a string, found null");
  }

  @Test
  void nullListElementIsTypeErrorNotSkipped() {
    ReadProblem problem = rejected(podWith("\"volumes\": [null]"), ReadRule.TYPE, "/volumes(0)");

    assertThat(problem.message()).isEqualTo("expected a volume (a JSON object), found null");
  }

  // ================================================================ JSON types

  static Stream<Arguments> wrongTypes() {
    return Stream.of(
        arguments("{\"id\": 42, \"containers\": [{\"name\": \"c\", \"resources\": {}}]}", "/id",
            "expected a string, found a number"),
        arguments("{\"id\": \"/p\", \"containers\": {\"name\": \"c\", \"resources\": {}}}", "/containers",
            "expected an array, found an object"),
        arguments("{\"id\": \"/p\", \"containers\": [\"c\"]}", "/containers(0)",
            "expected a container (a JSON object), found a string"),
        arguments("{\"id\": \"/p\", \"containers\": [{\"name\": \"c\", \"resources\": []}]}",
            "/containers(0)/resources", "expected resources (a JSON object), found an array"),
        arguments(withResources("{\"cpus\": \"1\"}"), "/containers(0)/resources/cpus",
            "expected a number, found a string"),
        arguments(withResources("{\"gpus\": true}"), "/containers(0)/resources/gpus",
            "expected a whole number, found a boolean"),
        arguments(podWith("\"labels\": [\"a\"]"), "/labels", "expected an object, found an array"),
        arguments(podWith("\"environment\": \"A=1\""), "/environment", "expected an object, found a string"),
        arguments(podWith("\"version\": 20170103"), "/version", "expected a string, found a number"),
        arguments(podWith("\"user\": false"), "/user", "expected a string, found a boolean"),
        arguments(podWith("\"secrets\": {\"db\": \"vault/db\"}"), "/secrets/db",
            "expected a secret (a JSON object), found a string"),
        arguments(podWith("\"networks\": [{\"name\": true}]"), "/networks(0)/name",
            "expected a string, found a boolean"),
        arguments(podWith("\"networks\": {}"), "/networks", "expected an array, found an object"),
        arguments(podWith("\"scheduling\": {\"backoff\": {\"backoff\": \"1s\"}}"), "/scheduling/backoff/backoff",
            "expected a number, found a string"),
        arguments(podWith("\"scheduling\": {\"placement\": {\"acceptedResourceRoles\": \"*\"}}"),
            "/scheduling/placement/acceptedResourceRoles", "expected an array, found a string"),
        arguments(podWith("\"scheduling\": {\"placement\": {\"constraints\": "
                + "[{\"fieldName\": \"rack\", \"operator\": \"MAX_PER\", \"value\": 2}]}}"),
            "/scheduling/placement/constraints(0)/value", "expected a string, found a number"),
        arguments(podWith("\"executorResources\": {\"mem\": [32]}"), "/executorResources/mem",
            "expected a number, found an array"),
        arguments(podWith("\"role\": {}"), "/role", "expected a string, found an object"),
        arguments(podWith("\"legacySharedCgroups\": \"false\""), "/legacySharedCgroups",
            "expected a boolean, found a string"),
        arguments(containerWith("\"tty\": 1"), "/containers(0)/tty", "expected a boolean, found a number"),
        arguments(containerWith("\"exec\": {\"command\": {\"shell\": \"x\"}, \"overrideEntrypoint\": \"no\"}"),
            "/containers(0)/exec/overrideEntrypoint", "expected a boolean, found a string"),
        arguments(containerWith("\"endpoints\": [{\"name\": \"web\", \"containerPort\": \"80\"}]"),
            "/containers(0)/endpoints(0)/containerPort", "expected a whole number, found a string"),
        arguments(containerWith("\"endpoints\": [{\"name\": \"web\", \"protocol\": \"tcp\"}]"),
            "/containers(0)/endpoints(0)/protocol", "expected an array, found a string"),
        arguments(containerWith("\"endpoints\": [{\"name\": \"web\", \"networkNames\": [1]}]"),
            "/containers(0)/endpoints(0)/networkNames(0)", "expected a string, found a number"),
        arguments(containerWith("\"image\": {\"kind\": \"DOCKER\", \"id\": \"nginx\", \"forcePull\": \"yes\"}"),
            "/containers(0)/image/forcePull", "expected a boolean, found a string"),
        arguments(containerWith("\"image\": {\"kind\": \"DOCKER\", \"id\": \"nginx\", \"pullConfig\": \"s\"}"),
            "/containers(0)/image/pullConfig", "expected pullConfig (a JSON object), found a string"),
        arguments(containerWith("\"volumeMounts\": [{\"name\": \"v\", \"mountPath\": \"/d\", \"readOnly\": 0}]"),
            "/containers(0)/volumeMounts(0)/readOnly", "expected a boolean, found a number"),
        arguments(containerWith("\"artifacts\": [{\"uri\": \"http://a\", \"extract\": \"true\"}]"),
            "/containers(0)/artifacts(0)/extract", "expected a boolean, found a string"),
        arguments(containerWith("\"lifecycle\": {\"killGracePeriodSeconds\": \"10\"}"),
            "/containers(0)/lifecycle/killGracePeriodSeconds", "expected a number, found a string"),
        arguments(containerWith("\"linuxInfo\": {\"ipcInfo\": {\"mode\": \"PRIVATE\", \"shmSize\": \"64\"}}"),
            "/containers(0)/linuxInfo/ipcInfo/shmSize", "expected a whole number, found a string"));
  }

  @ParameterizedTest(name = "{1}: {2}")
  @MethodSource("wrongTypes")
  void wrongJsonTypeIsTypeErrorSayingWhatWasExpectedAndFound(String doc, String path, String message) {
    ReadProblem problem = rejected(doc, ReadRule.TYPE, path);

    assertThat(problem.message()).isEqualTo(message);
  }

  // ================================================================ numbers

  @Test
  void int32OverflowIsNumberError() {
    ReadProblem problem = rejected(containerWith("\"endpoints\": [{\"name\": \"web\", \"hostPort\": 2147483648}]"),
        ReadRule.NUMBER, "/containers(0)/endpoints(0)/hostPort");

    assertThat(problem.message()).contains("2147483648").contains("32-bit");
  }

  @Test
  void int32ExtremesAreAcceptedBecauseRangesArePodValidationsJob() {
    Pod pod = readOk(containerWith(
        "\"endpoints\": [{\"name\": \"web\", \"containerPort\": -2147483648, \"hostPort\": 2147483647}]"));

    assertThat(pod.containers().get(0).endpoints().get(0).containerPort()).contains(Integer.MIN_VALUE);
    assertThat(pod.containers().get(0).endpoints().get(0).hostPort()).contains(Integer.MAX_VALUE);
  }

  @Test
  void int32UnderflowIsNumberError() {
    rejected(containerWith("\"endpoints\": [{\"name\": \"web\", \"containerPort\": -2147483649}]"),
        ReadRule.NUMBER, "/containers(0)/endpoints(0)/containerPort");
  }

  @Test
  void int64OverflowIsNumberError() {
    ReadProblem problem = rejected(
        podWith("\"volumes\": [{\"name\": \"v\", \"persistent\": {\"size\": 9223372036854775808}}]"),
        ReadRule.NUMBER, "/volumes(0)/persistent/size");

    assertThat(problem.message()).contains("64-bit");
  }

  @ParameterizedTest(name = "gpus {0}")
  @ValueSource(strings = {"3.0", "3.00", "3e0", "0.3e1", "30e-1"})
  void wholeNumberWrittenWithAFractionOrExponentIsAcceptedForAnIntegerField(String gpus) {
    Pod pod = readOk(withResources("{\"gpus\": " + gpus + "}"));

    assertThat(pod.containers().get(0).resources().gpus()).contains(3);
    assertThat(written(pod).at("/containers/0/resources/gpus").isIntegralNumber()).isTrue();
  }

  @ParameterizedTest(name = "gpus {0}")
  @ValueSource(strings = {"3.5", "0.1", "-1.5", "1e-1"})
  void fractionForAnIntegerFieldIsNumberError(String gpus) {
    ReadProblem problem = rejected(withResources("{\"gpus\": " + gpus + "}"), ReadRule.NUMBER,
        "/containers(0)/resources/gpus");

    assertThat(problem.message()).isEqualTo("expected a whole number, found " + gpus);
  }

  @ParameterizedTest(name = "cpus {0}")
  @ValueSource(strings = {"1e400", "-1e400", "1.7976931348623159e308"})
  void numberBeyondDoubleRangeIsNumberErrorNotInfinity(String cpus) {
    ReadProblem problem = rejected(withResources("{\"cpus\": " + cpus + "}"), ReadRule.NUMBER,
        "/containers(0)/resources/cpus");

    assertThat(problem.message()).contains(cpus).contains("too large");
  }

  @Test
  void largestFiniteDoubleIsAccepted() {
    Pod pod = readOk(withResources("{\"cpus\": 1.7976931348623157e308}"));

    assertThat(pod.containers().get(0).resources().cpus()).contains(Double.MAX_VALUE);
  }

  // ================================================================ arrays

  @Test
  void emptyEndpointProtocolIsEmptyArrayError() {
    ReadProblem problem = rejected(containerWith("\"endpoints\": [{\"name\": \"web\", \"protocol\": []}]"),
        ReadRule.EMPTY_ARRAY, "/containers(0)/endpoints(0)/protocol");

    assertThat(problem.message()).contains("at least one");
  }

  @Test
  void absentOrNonEmptyEndpointProtocolIsAccepted() {
    Pod pod = readOk(containerWith("""
        "endpoints": [{"name": "a"}, {"name": "b", "protocol": null}, {"name": "c", "protocol": ["tcp", "udp"]}]"""));

    assertThat(pod.containers().get(0).endpoints()).extracting(e -> e.protocol())
        .containsExactly(List.of(), List.of(), List.of("tcp", "udp"));
  }

  @Test
  void appStyleArrayConstraintIsTypeError() {
    ReadProblem problem = rejected(podWith("""
        "scheduling": {"placement": {"constraints": [["hostname", "UNIQUE"]]}}"""),
        ReadRule.TYPE, "/scheduling/placement/constraints(0)");

    assertThat(problem.message()).startsWith("expected a constraint object").endsWith("found an array");
  }

  // ================================================================ version

  @Test
  void versionThatIsNotADateTimeIsDatetimeError() {
    ReadProblem problem = rejected(podWith("\"version\": \"yesterday\""), ReadRule.DATETIME, "/version");

    assertThat(problem.message()).contains("\"yesterday\"").contains("ISO-8601");
  }

  @ParameterizedTest
  @ValueSource(strings = {"2017-01-03", "2017-01-03T18:21:19", "2017-13-03T18:21:19Z", ""})
  void versionWithoutOffsetOrOutOfRangeIsDatetimeError(String version) {
    rejected(podWith("\"version\": \"" + version + "\""), ReadRule.DATETIME, "/version");
  }

  @Test
  void validVersionRoundTripsItsExactText() {
    Pod pod = readOk(podWith("\"version\": \"2017-01-03T18:21:19.31Z\""));

    assertThat(pod.version()).contains(OffsetDateTime.parse("2017-01-03T18:21:19.31Z"));
    assertThat(written(pod).at("/version").textValue()).isEqualTo("2017-01-03T18:21:19.31Z");
  }

  @Test
  void versionWithOffsetKeepsItsOffset() {
    Pod pod = readOk(podWith("\"version\": \"2017-01-03T18:21:19.310+02:00\""));

    assertThat(pod.version().orElseThrow().getOffset().getTotalSeconds()).isEqualTo(7200);
    assertThat(written(pod).at("/version").textValue()).isEqualTo("2017-01-03T18:21:19.31+02:00");
  }

  // ================================================================ duplicate keys

  private static final String DUPLICATE_ID = """
      {
        "id": "/first",
        "containers": [{"name": "c", "resources": {}}],
        "id": "/second"
      }""";

  @Test
  void duplicateKeyIsAnErrorInStrictMode() {
    ReadResult result = PodReader.strict().read(DUPLICATE_ID);

    assertThat(result.pod()).isEmpty();
    assertThat(result.errors())
        .extracting(ReadProblem::rule, p -> p.path().marathon(), ReadProblem::line, ReadProblem::column)
        .containsExactly(tuple(ReadRule.DUPLICATE_KEY, "/id", 4, 3));
    assertThat(result.errors().get(0).message()).contains("duplicate key \"id\"").contains("first at line 2");
  }

  @Test
  void duplicateKeyIsAWarningInLenientModeAndTheLastValueWins() {
    ReadResult result = PodReader.lenient().read(DUPLICATE_ID);

    assertThat(result.errors()).isEmpty();
    assertThat(result.warnings())
        .extracting(ReadProblem::rule, p -> p.path().marathon(), ReadProblem::line, ReadProblem::column)
        .containsExactly(tuple(ReadRule.DUPLICATE_KEY, "/id", 4, 3));
    assertThat(result.warnings().get(0).message()).contains("the last value is used");
    assertThat(result.pod().orElseThrow().id()).isEqualTo("/second");
  }

  @Test
  void thirdOccurrenceOfAKeyStillPointsAtTheFirstOne() {
    String doc = """
        {
          "id": "/a",
          "containers": [{"name": "c", "resources": {}}],
          "id": "/b",
          "id": "/c"
        }""";

    ReadResult result = PodReader.strict().read(doc);

    assertThat(result.errors())
        .extracting(ReadProblem::rule, ReadProblem::line, ReadProblem::message)
        .containsExactly(
            tuple(ReadRule.DUPLICATE_KEY, 4, "duplicate key \"id\" (first at line 2)"),
            tuple(ReadRule.DUPLICATE_KEY, 5, "duplicate key \"id\" (first at line 2)"));
  }

  @Test
  void duplicateKeyMessageNamesTheLineOfTheFirstKeyNotOfItsValue() {
    String doc = """
        {
          "id":
            "/a",
          "containers": [{"name": "c", "resources": {}}],
          "id": "/b"
        }""";

    ReadProblem problem = PodReader.strict().read(doc).errors().get(0);

    assertThat(problem.message()).isEqualTo("duplicate key \"id\" (first at line 2)");
  }

  @Test
  void duplicateKeysInNestedObjectsAndMapsAreReportedAtTheirPaths() {
    String doc = """
        {
          "id": "/p",
          "labels": {"tier": "web", "tier": "db"},
          "containers": [{"name": "c", "resources": {"cpus": 1, "cpus": 2}}]
        }""";

    ReadResult strict = PodReader.strict().read(doc);
    assertThat(strict.errors())
        .extracting(ReadProblem::rule, p -> p.path().marathon(), ReadProblem::line)
        .containsExactlyInAnyOrder(
            tuple(ReadRule.DUPLICATE_KEY, "/labels/tier", 3),
            tuple(ReadRule.DUPLICATE_KEY, "/containers(0)/resources/cpus", 4));

    ReadResult lenient = PodReader.lenient().read(doc);
    assertThat(lenient.errors()).isEmpty();
    assertThat(lenient.warnings()).hasSize(2);
    Pod pod = lenient.pod().orElseThrow();
    assertThat(pod.labels()).containsExactly(Map.entry("tier", "db"));
    assertThat(pod.containers().get(0).resources().cpus()).contains(2.0);
  }

  // ================================================================ errors are collected

  private static final String FIVE_ERRORS = """
      {
        "id": 42,
        "containers": [{"resources": {}}],
        "volumes": [{"name": "v", "host": 42}],
        "scaling": {"kind": "FIXED"},
        "scheduling": {"killSelection": "NEWEST_FIRST"}
      }""";

  @Test
  void independentErrorsInDifferentPlacesAreAllReported() {
    for (PodReader reader : List.of(PodReader.strict(), PodReader.lenient())) {
      ReadResult result = reader.read(FIVE_ERRORS);

      assertThat(result.pod()).isEmpty();
      assertThat(result.errors())
          .extracting(ReadProblem::rule, p -> p.path().marathon(), ReadProblem::line)
          .containsExactlyInAnyOrder(
              tuple(ReadRule.TYPE, "/id", 2),
              tuple(ReadRule.REQUIRED, "/containers(0)/name", 3),
              tuple(ReadRule.TYPE, "/volumes(0)/host", 4),
              tuple(ReadRule.DISCRIMINATOR, "/scaling/kind", 5),
              tuple(ReadRule.ENUM, "/scheduling/killSelection", 6));
    }
  }

  @Test
  void readOrThrowThrowsListingEveryProblem() {
    ReadResult result = PodReader.strict().read(FIVE_ERRORS);

    assertThatThrownBy(() -> PodReader.strict().readOrThrow(FIVE_ERRORS))
        .isInstanceOf(PodReadException.class)
        .hasMessageStartingWith("5 errors reading pod:")
        .hasMessageContaining("2:9: /id: expected a string, found a number")
        .hasMessageContaining("/containers(0)/name")
        .hasMessageContaining("/volumes(0)/host")
        .hasMessageContaining("/scaling/kind")
        .hasMessageContaining("/scheduling/killSelection")
        .satisfies(e -> assertThat(((PodReadException) e).problems()).isEqualTo(result.errors()));
  }

  @Test
  void readOrThrowReturnsThePodWhenThereAreNoErrors() {
    assertThat(PodReader.strict().readOrThrow(MINIMAL).id()).isEqualTo("/p");
  }

  @Test
  void singleErrorIsSummarisedInTheSingular() {
    assertThatThrownBy(() -> PodReader.strict().readOrThrow(podWith("\"user\": 1")))
        .isInstanceOf(PodReadException.class)
        .hasMessageStartingWith("1 error reading pod:");
  }

  // ================================================================ ReadResult invariants

  @Test
  void readResultHasAPodExactlyWhenThereAreNoErrors() {
    ReadResult ok = PodReader.lenient().read(podWith("\"unknown\": 1"));
    assertThat(ok.ok()).isTrue();
    assertThat(ok.pod()).isPresent();
    assertThat(ok.errors()).isEmpty();
    assertThat(ok.warnings()).isNotEmpty();
    assertThat(ok.orElseThrow()).isSameAs(ok.pod().get());

    ReadResult failed = PodReader.strict().read(podWith("\"unknown\": 1"));
    assertThat(failed.ok()).isFalse();
    assertThat(failed.pod()).isEmpty();
    assertThat(failed.errors()).isNotEmpty();
    assertThatThrownBy(failed::orElseThrow).isInstanceOf(PodReadException.class);
  }

  @Test
  void readResultRejectsAPodWithErrorsAndNoPodWithoutErrors() {
    Pod pod = readOk(MINIMAL);
    ReadProblem problem = new ReadProblem(ReadRule.TYPE, PodPath.of("id"), 1, 1, "expected a string");

    assertThatThrownBy(() -> new ReadResult(Optional.of(pod), List.of(problem), List.of()))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new ReadResult(Optional.empty(), List.of(), List.of()))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void readResultListsAreImmutable() {
    ReadResult result = PodReader.strict().read(FIVE_ERRORS);

    assertThatThrownBy(() -> result.errors().clear()).isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> result.warnings().add(result.errors().get(0)))
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void everyErrorHasALocationAndAPointer() {
    ReadResult result = PodReader.strict().read(FIVE_ERRORS);

    assertThat(result.errors()).allSatisfy(p -> {
      assertThat(p.line()).isPositive();
      assertThat(p.column()).isPositive();
    });
    assertThat(result.errors()).extracting(ReadProblem::pointer)
        .contains("/containers/0/name", "/volumes/0/host", "/scaling/kind");
  }

  // ================================================================ helpers

  /** The smallest valid pod. */
  static final String MINIMAL = "{\"id\": \"/p\", \"containers\": [{\"name\": \"c\", \"resources\": {}}]}";

  private static HttpScheme httpScheme(Pod pod) {
    return ((CheckKind.Http) pod.containers().get(0).healthCheck().orElseThrow().kind()).scheme().orElseThrow();
  }
}
