package io.podkit.cli;

import io.podkit.translator.v1.MesosJson;
import io.podkit.translator.v1.MesosJsonException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.mesos.Protos;

/**
 * Where a command's offer comes from: a file in Mesos' JSON (v0 {@code slave_id} or v1
 * {@code agent_id} names), or the built-in default offer, so that a pod can be translated without a
 * cluster.
 */
final class OfferSource {
  /** The default offer's framework id when {@code --framework-id} is not given. */
  static final String DEFAULT_FRAMEWORK_ID = "podkit-framework";
  static final String DEFAULT_OFFER_ID = "podkit-default-offer";
  static final String DEFAULT_AGENT_ID = "agent-1";
  static final String DEFAULT_HOSTNAME = "agent-1.example";
  static final double DEFAULT_CPUS = 64;
  static final double DEFAULT_MEM = 262_144;
  static final double DEFAULT_DISK = 1_048_576;
  static final long DEFAULT_PORTS_BEGIN = 31_000;
  static final long DEFAULT_PORTS_END = 32_000;
  /** Offers are a few kilobytes; anything this large is not one. */
  private static final int MAX_OFFER_BYTES = 16 * 1024 * 1024;

  /** An offer and how to name it in messages. */
  record Offer(Protos.Offer offer, String name) {}

  private OfferSource() {}

  /**
   * The offer of {@code file}, or the default offer when {@code file} is null.
   *
   * @param frameworkId {@code --framework-id}: the default offer's framework; with a file, the
   *     framework the offer must belong to
   * @param role the role the default offer is allocated to
   * @throws CommandException (exit 2) if the file cannot be read, is not a Mesos offer, or belongs to
   *     another framework than {@code frameworkId}
   */
  static Offer load(Path file, String frameworkId, String role) {
    if (file == null) {
      return new Offer(defaultOffer(frameworkId == null ? DEFAULT_FRAMEWORK_ID : frameworkId, role),
          "the default offer");
    }
    Protos.Offer offer = read(file);
    if (frameworkId != null && !offer.getFrameworkId().getValue().equals(frameworkId)) {
      throw new CommandException(PodCtl.EXIT_USAGE, file + ": the offer is for framework "
          + offer.getFrameworkId().getValue() + ", not " + frameworkId + " (--framework-id)");
    }
    return new Offer(offer, file.toString());
  }

  /**
   * A Mesos offer read from {@code file}.
   *
   * @throws CommandException (exit 2) if the file cannot be read or is not a Mesos offer
   */
  static Protos.Offer read(Path file) {
    String json;
    try {
      if (Files.isRegularFile(file) && Files.size(file) > MAX_OFFER_BYTES) {
        throw new CommandException(PodCtl.EXIT_USAGE, file + ": not a Mesos offer: larger than "
            + MAX_OFFER_BYTES + " bytes");
      }
      // Read at most one byte past the limit: a special file (/dev/zero, a pipe) has no size to check first.
      byte[] bytes;
      try (InputStream in = Files.newInputStream(file)) {
        bytes = in.readNBytes(MAX_OFFER_BYTES + 1);
      }
      if (bytes.length > MAX_OFFER_BYTES) {
        throw new CommandException(PodCtl.EXIT_USAGE, file + ": not a Mesos offer: larger than "
            + MAX_OFFER_BYTES + " bytes");
      }
      // A decoder reports malformed input, where new String(...) would silently replace it.
      json = StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes)).toString();
    } catch (CharacterCodingException e) {
      throw new CommandException(PodCtl.EXIT_USAGE, file + ": not a Mesos offer: not UTF-8 text");
    } catch (IOException e) {
      throw PodInput.unreadable(file, e);
    }
    try {
      return MesosJson.parseOffer(json);
    } catch (MesosJsonException e) {
      throw new CommandException(PodCtl.EXIT_USAGE, file + ": " + e.getMessage());
    }
  }

  /**
   * One agent with ample resources: {@value #DEFAULT_CPUS} cpus, {@value #DEFAULT_MEM} MiB mem,
   * {@value #DEFAULT_DISK} MiB disk and ports {@value #DEFAULT_PORTS_BEGIN}-{@value #DEFAULT_PORTS_END},
   * all unreserved ({@code *}) and allocated to {@code role}, as a Mesos 1.11 master offers them to
   * a framework subscribed with that role.
   */
  static Protos.Offer defaultOffer(String frameworkId, String role) {
    Protos.Resource.AllocationInfo allocation = Protos.Resource.AllocationInfo.newBuilder().setRole(role).build();
    return Protos.Offer.newBuilder()
        .setId(Protos.OfferID.newBuilder().setValue(DEFAULT_OFFER_ID))
        .setFrameworkId(Protos.FrameworkID.newBuilder().setValue(frameworkId))
        .setSlaveId(Protos.SlaveID.newBuilder().setValue(DEFAULT_AGENT_ID))
        .setHostname(DEFAULT_HOSTNAME)
        .setAllocationInfo(allocation)
        .addResources(scalar("cpus", DEFAULT_CPUS, allocation))
        .addResources(scalar("mem", DEFAULT_MEM, allocation))
        .addResources(scalar("disk", DEFAULT_DISK, allocation))
        .addResources(unreserved("ports", allocation).setType(Protos.Value.Type.RANGES)
            .setRanges(Protos.Value.Ranges.newBuilder().addRange(
                Protos.Value.Range.newBuilder().setBegin(DEFAULT_PORTS_BEGIN).setEnd(DEFAULT_PORTS_END))))
        .build();
  }

  private static Protos.Resource.Builder scalar(String name, double value, Protos.Resource.AllocationInfo allocation) {
    return unreserved(name, allocation).setType(Protos.Value.Type.SCALAR)
        .setScalar(Protos.Value.Scalar.newBuilder().setValue(value));
  }

  @SuppressWarnings("deprecation") // unreserved resources carry the deprecated single role "*", as Mesos sends them
  private static Protos.Resource.Builder unreserved(String name, Protos.Resource.AllocationInfo allocation) {
    return Protos.Resource.newBuilder().setName(name).setRole("*").setAllocationInfo(allocation);
  }
}
