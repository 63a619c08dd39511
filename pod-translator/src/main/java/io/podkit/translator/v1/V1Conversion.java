package io.podkit.translator.v1;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;
import com.google.protobuf.Parser;
import io.podkit.translator.PodTranslationException;
import org.apache.mesos.Protos;

/**
 * Converts Mesos messages between the v0 protos ({@code org.apache.mesos.Protos}, what the
 * {@code SchedulerDriver} takes and what podkit builds) and the v1 protos
 * ({@code org.apache.mesos.v1.Protos}, what the v1 scheduler HTTP API and its clients take).
 *
 * <p>Why converting through bytes is safe: both files are generated from the same Mesos release
 * ({@code include/mesos/mesos.proto} and {@code include/mesos/v1/mesos.proto} of 1.11.0), and Mesos
 * keeps them wire-compatible on purpose: every message has the same fields under the same numbers
 * and types. Only names differ, and names are not on the wire: v0 {@code slave_id}/{@code SlaveID}
 * is v1 {@code agent_id}/{@code AgentID} (field 3 of {@code TaskInfo} and of {@code Offer}). So
 * {@code v1.Parser.parseFrom(v0.toByteString())} gives exactly the v1 message with the same content,
 * and back (mesos-rules.md §2 and §4 checked it on a real LAUNCH_GROUP). Nothing can be lost either:
 * both are proto2, whose Java runtime keeps fields and enum values it does not know as unknown fields
 * and writes them out again.
 *
 * <p>Parsing checks required fields, so converting a message that lacks one (only possible with
 * {@code buildPartial()}) throws a {@link PodTranslationException} that names the missing fields.
 *
 * <p>Stateless: every method is static and thread-safe.
 */
public final class V1Conversion {
  private V1Conversion() {}

  // ---------------------------------------------------------------- v0 -> v1

  /** The same operation as a v1 message (tasks' {@code slave_id} becomes {@code agent_id}). */
  public static org.apache.mesos.v1.Protos.Offer.Operation toV1(Protos.Offer.Operation operation) {
    return convert(operation, org.apache.mesos.v1.Protos.Offer.Operation.parser());
  }

  /** The same executor as a v1 message. */
  public static org.apache.mesos.v1.Protos.ExecutorInfo toV1(Protos.ExecutorInfo executor) {
    return convert(executor, org.apache.mesos.v1.Protos.ExecutorInfo.parser());
  }

  /** The same task group as a v1 message. */
  public static org.apache.mesos.v1.Protos.TaskGroupInfo toV1(Protos.TaskGroupInfo taskGroup) {
    return convert(taskGroup, org.apache.mesos.v1.Protos.TaskGroupInfo.parser());
  }

  /** The same task as a v1 message ({@code slave_id} becomes {@code agent_id}). */
  public static org.apache.mesos.v1.Protos.TaskInfo toV1(Protos.TaskInfo task) {
    return convert(task, org.apache.mesos.v1.Protos.TaskInfo.parser());
  }

  /** The same offer as a v1 message ({@code slave_id} becomes {@code agent_id}). */
  public static org.apache.mesos.v1.Protos.Offer toV1(Protos.Offer offer) {
    return convert(offer, org.apache.mesos.v1.Protos.Offer.parser());
  }

  /** The same resource as a v1 message. */
  public static org.apache.mesos.v1.Protos.Resource toV1(Protos.Resource resource) {
    return convert(resource, org.apache.mesos.v1.Protos.Resource.parser());
  }

  // ---------------------------------------------------------------- v1 -> v0

  /** The same offer as a v0 message ({@code agent_id} becomes {@code slave_id}). */
  public static Protos.Offer toV0(org.apache.mesos.v1.Protos.Offer offer) {
    return convert(offer, Protos.Offer.parser());
  }

  /** The same operation as a v0 message. */
  public static Protos.Offer.Operation toV0(org.apache.mesos.v1.Protos.Offer.Operation operation) {
    return convert(operation, Protos.Offer.Operation.parser());
  }

  /** The same executor as a v0 message. */
  public static Protos.ExecutorInfo toV0(org.apache.mesos.v1.Protos.ExecutorInfo executor) {
    return convert(executor, Protos.ExecutorInfo.parser());
  }

  /** The same task group as a v0 message. */
  public static Protos.TaskGroupInfo toV0(org.apache.mesos.v1.Protos.TaskGroupInfo taskGroup) {
    return convert(taskGroup, Protos.TaskGroupInfo.parser());
  }

  /** The same task as a v0 message. */
  public static Protos.TaskInfo toV0(org.apache.mesos.v1.Protos.TaskInfo task) {
    return convert(task, Protos.TaskInfo.parser());
  }

  /** The same resource as a v0 message. */
  public static Protos.Resource toV0(org.apache.mesos.v1.Protos.Resource resource) {
    return convert(resource, Protos.Resource.parser());
  }

  /**
   * Re-reads {@code message}'s wire form with {@code parser}: the general form of the conversions
   * above, for any pair of v0/v1 (or v1/v0) messages that share a definition.
   */
  public static <T extends Message> T convert(Message message, Parser<T> parser) {
    try {
      return parser.parseFrom(message.toByteString());
    } catch (InvalidProtocolBufferException e) {
      PodTranslationException failure = new PodTranslationException("cannot convert "
          + message.getDescriptorForType().getFullName() + " by its wire format: " + e.getMessage());
      failure.initCause(e);
      throw failure;
    }
  }
}
