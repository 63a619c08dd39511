package io.podkit.translator.v1;

import static io.podkit.translator.v1.MesosMessages.AGENT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.ByteString;
import com.google.protobuf.UnknownFieldSet;
import io.podkit.translator.PodTranslationException;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.apache.mesos.Protos;
import org.junit.jupiter.api.Test;

class V1ConversionTest {

  @Test
  void launchGroupRoundTripsThroughV1() {
    Protos.Offer.Operation v0 = MesosMessages.launchGroup();

    org.apache.mesos.v1.Protos.Offer.Operation v1 = V1Conversion.toV1(v0);

    assertThat(V1Conversion.toV0(v1)).isEqualTo(v0);
    assertThat(v1.toByteString()).isEqualTo(v0.toByteString());
    assertThat(v1.getType()).isEqualTo(org.apache.mesos.v1.Protos.Offer.Operation.Type.LAUNCH_GROUP);
    assertThat(v1.getLaunchGroup().getTaskGroup().getTasksList())
        .extracting(t -> t.getAgentId().getValue())
        .containsExactly(AGENT.getValue(), AGENT.getValue());
    org.apache.mesos.v1.Protos.TaskInfo web = v1.getLaunchGroup().getTaskGroup().getTasks(0);
    assertThat(web.getLimitsMap().get("cpus").getValue()).isEqualTo(Double.POSITIVE_INFINITY);
    assertThat(web.getHealthCheck().getHttp().getPath()).isEqualTo("/health");
    assertThat(web.getContainer().getVolumes(0).getSource().getSandboxPath().getType())
        .isEqualTo(org.apache.mesos.v1.Protos.Volume.Source.SandboxPath.Type.PARENT);
    assertThat(web.getKillPolicy().getGracePeriod().getNanoseconds()).isEqualTo(3_000_000_000L);
    assertThat(v1.getLaunchGroup().getExecutor().getExecutorId().getValue())
        .isEqualTo(v0.getLaunchGroup().getExecutor().getExecutorId().getValue());
  }

  @Test
  void partsRoundTripThroughV1() {
    Protos.ExecutorInfo executor = MesosMessages.executor();
    Protos.TaskGroupInfo group = MesosMessages.taskGroup();
    Protos.TaskInfo task = group.getTasks(1);
    Protos.Resource resource = executor.getResources(3);

    assertThat(V1Conversion.toV0(V1Conversion.toV1(executor))).isEqualTo(executor);
    assertThat(V1Conversion.toV0(V1Conversion.toV1(group))).isEqualTo(group);
    assertThat(V1Conversion.toV0(V1Conversion.toV1(task))).isEqualTo(task);
    assertThat(V1Conversion.toV0(V1Conversion.toV1(resource))).isEqualTo(resource);
    assertThat(V1Conversion.toV1(task).getAgentId().getValue()).isEqualTo(task.getSlaveId().getValue());
  }

  @Test
  void offerConvertsBothWays() {
    Protos.Offer v0 = MesosMessages.offer();

    org.apache.mesos.v1.Protos.Offer v1 = V1Conversion.toV1(v0);

    assertThat(v1.getAgentId().getValue()).isEqualTo(v0.getSlaveId().getValue());
    assertThat(v1.getResources(2).getDisk().getSource().getMount().getRoot()).isEqualTo("/mnt/disk1");
    assertThat(V1Conversion.toV0(v1)).isEqualTo(v0);
    assertThat(V1Conversion.toV1(V1Conversion.toV0(v1))).isEqualTo(v1);
  }

  @Test
  void fieldsTheOtherSideDoesNotKnowSurviveTheRoundTrip() {
    Protos.Resource withUnknown = MesosMessages.scalar("cpus", 1).toBuilder()
        .setUnknownFields(UnknownFieldSet.newBuilder()
            .addField(4242, UnknownFieldSet.Field.newBuilder()
                .addLengthDelimited(ByteString.copyFromUtf8("from a newer Mesos")).build())
            .build())
        .build();

    Protos.Resource back = V1Conversion.toV0(V1Conversion.toV1(withUnknown));

    assertThat(back).isEqualTo(withUnknown);
    assertThat(back.getUnknownFields().hasField(4242)).isTrue();
  }

  @Test
  void incompleteMessageIsReportedWithItsMissingFields() {
    Protos.TaskInfo partial = Protos.TaskInfo.newBuilder().setName("web").buildPartial();

    assertThatThrownBy(() -> V1Conversion.toV1(partial))
        .isInstanceOf(PodTranslationException.class)
        .hasMessageContaining("mesos.TaskInfo")
        .hasMessageContaining("task_id");
  }

  @Property(tries = 300)
  void anyResourceRoundTrips(@ForAll("resources") Protos.Resource resource) {
    org.apache.mesos.v1.Protos.Resource v1 = V1Conversion.toV1(resource);

    assertThat(V1Conversion.toV0(v1)).isEqualTo(resource);
    assertThat(MesosJson.parseMessage(MesosJson.print(v1), v1)).isEqualTo(v1);
    assertThat(MesosJson.parseMessage(MesosJson.printCompact(resource), resource)).isEqualTo(resource);
  }

  @Provide
  Arbitrary<Protos.Resource> resources() {
    Arbitrary<String> names = Arbitraries.of("cpus", "mem", "disk", "gpus", "network_bandwidth");
    Arbitrary<Double> values = Arbitraries.oneOf(
        Arbitraries.doubles().between(0, 1e9).ofScale(3),
        Arbitraries.of(Double.POSITIVE_INFINITY, 0.0, 0.001));
    Arbitrary<String> roles = Arbitraries.of("*", "web", "a/b", "dev");
    Arbitrary<String> labelValues = Arbitraries.strings().alpha().numeric().withChars("-_ .:/üé€").ofMaxLength(12);
    Arbitrary<Boolean> reserved = Arbitraries.of(true, false);
    return Combinators.combine(names, values, roles, labelValues, reserved)
        .as((name, value, role, label, isReserved) -> {
          Protos.Resource.Builder b = Protos.Resource.newBuilder()
              .setName(name)
              .setType(Protos.Value.Type.SCALAR)
              .setScalar(Protos.Value.Scalar.newBuilder().setValue(value))
              .setAllocationInfo(Protos.Resource.AllocationInfo.newBuilder().setRole(role));
          if (isReserved && !role.equals("*")) {
            b.addReservations(Protos.Resource.ReservationInfo.newBuilder()
                .setType(Protos.Resource.ReservationInfo.Type.DYNAMIC)
                .setRole(role)
                .setPrincipal("p")
                .setLabels(Protos.Labels.newBuilder()
                    .addLabels(Protos.Label.newBuilder().setKey("k").setValue(label))));
          }
          return b.build();
        });
  }
}
