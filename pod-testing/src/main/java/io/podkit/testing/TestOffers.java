package io.podkit.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.apache.mesos.Protos;

/**
 * Mesos offers for tests, so a spec can be translated without writing protobufs by hand:
 *
 * <pre>{@code
 * assertThatPod("pods/web.json").translatesWith(TestOffers.ample());
 * assertThatPod("pods/batch.json").doesNotMatch(TestOffers.ample().cpus(1).build());
 * }</pre>
 *
 * <p>{@link #ample()} is one agent with room for any ordinary pod. Each method returns a new
 * builder (this one is unchanged), so a test class can keep a base offer in a constant and vary
 * it per test. Resources are unreserved ({@code *}) and, like every resource Mesos offers to a
 * multi-role framework, carry the offer's {@code allocation_info}; an amount of 0 leaves the
 * resource out, as Mesos does.
 */
public final class TestOffers {
  private final String offerId;
  private final String agentId;
  private final String hostname;
  private final String frameworkId;
  private final String role;
  private final double cpus;
  private final double mem;
  private final double disk;
  private final double gpus;
  private final Optional<long[]> ports;
  private final List<Protos.Attribute> attributes;
  private final Optional<Protos.DomainInfo> domain;

  private TestOffers(String offerId, String agentId, String hostname, String frameworkId, String role, double cpus,
      double mem, double disk, double gpus, Optional<long[]> ports, List<Protos.Attribute> attributes,
      Optional<Protos.DomainInfo> domain) {
    this.offerId = offerId;
    this.agentId = agentId;
    this.hostname = hostname;
    this.frameworkId = frameworkId;
    this.role = role;
    this.cpus = cpus;
    this.mem = mem;
    this.disk = disk;
    this.gpus = gpus;
    this.ports = ports;
    this.attributes = List.copyOf(attributes);
    this.domain = domain;
  }

  /**
   * An offer {@code offer-1} from agent {@code agent-1} ({@code agent-1.example}) to framework
   * {@code framework-1}, allocated to role {@code *}: cpus 8, mem 16384, disk 100000, no gpus, ports
   * 31000-32000, no attributes.
   */
  public static TestOffers ample() {
    return new TestOffers("offer-1", "agent-1", "agent-1.example", "framework-1", "*", 8, 16384, 100000, 0,
        Optional.of(new long[] {31000, 32000}), List.of(), Optional.empty());
  }

  /** Offers {@code cpus} CPUs. */
  public TestOffers cpus(double value) {
    return new TestOffers(offerId, agentId, hostname, frameworkId, role, nonNegative("cpus", value), mem, disk,
        gpus, ports, attributes, domain);
  }

  /** Offers {@code mem} MiB of memory. */
  public TestOffers mem(double value) {
    return new TestOffers(offerId, agentId, hostname, frameworkId, role, cpus, nonNegative("mem", value), disk,
        gpus, ports, attributes, domain);
  }

  /** Offers {@code disk} MiB of root disk. */
  public TestOffers disk(double value) {
    return new TestOffers(offerId, agentId, hostname, frameworkId, role, cpus, mem, nonNegative("disk", value),
        gpus, ports, attributes, domain);
  }

  /** Offers {@code gpus} GPUs (none by default, as on most agents). */
  public TestOffers gpus(double value) {
    return new TestOffers(offerId, agentId, hostname, frameworkId, role, cpus, mem, disk,
        nonNegative("gpus", value), ports, attributes, domain);
  }

  /** Offers the host ports {@code from} to {@code to}, inclusive, instead of 31000-32000. */
  public TestOffers ports(int from, int to) {
    if (from < 0 || to > 65535 || from > to) {
      throw new IllegalArgumentException("ports must be a range within 0-65535, got " + from + "-" + to);
    }
    return new TestOffers(offerId, agentId, hostname, frameworkId, role, cpus, mem, disk, gpus,
        Optional.of(new long[] {from, to}), attributes, domain);
  }

  /** Offers no host ports at all, to test a pod whose endpoints ask for some. */
  public TestOffers noPorts() {
    return new TestOffers(offerId, agentId, hostname, frameworkId, role, cpus, mem, disk, gpus, Optional.empty(),
        attributes, domain);
  }

  /**
   * Allocates the offer to {@code role}, as Mesos does for a framework subscribed with several roles;
   * the resources stay unreserved. A pod matches only offers allocated to its own role.
   */
  public TestOffers role(String value) {
    return new TestOffers(offerId, agentId, hostname, frameworkId, Objects.requireNonNull(value, "role"), cpus,
        mem, disk, gpus, ports, attributes, domain);
  }

  /** Adds the text attribute {@code name:value}, which placement constraints read. */
  public TestOffers attribute(String name, String value) {
    return attribute(Protos.Attribute.newBuilder()
        .setName(Objects.requireNonNull(name, "name"))
        .setType(Protos.Value.Type.TEXT)
        .setText(Protos.Value.Text.newBuilder().setValue(Objects.requireNonNull(value, "value")))
        .build());
  }

  /** Adds the scalar attribute {@code name:value}, for constraints that compare numbers. */
  public TestOffers attribute(String name, double value) {
    return attribute(Protos.Attribute.newBuilder()
        .setName(Objects.requireNonNull(name, "name"))
        .setType(Protos.Value.Type.SCALAR)
        .setScalar(Protos.Value.Scalar.newBuilder().setValue(value))
        .build());
  }

  private TestOffers attribute(Protos.Attribute attribute) {
    List<Protos.Attribute> more = new ArrayList<>(attributes);
    more.add(attribute);
    return new TestOffers(offerId, agentId, hostname, frameworkId, role, cpus, mem, disk, gpus, ports, more, domain);
  }

  /**
   * Places the agent in fault domain {@code region}/{@code zone}, which placement constraints read as
   * the fields {@code @region} and {@code @zone}.
   */
  public TestOffers faultDomain(String region, String zone) {
    Protos.DomainInfo info = Protos.DomainInfo.newBuilder()
        .setFaultDomain(Protos.DomainInfo.FaultDomain.newBuilder()
            .setRegion(Protos.DomainInfo.FaultDomain.RegionInfo.newBuilder()
                .setName(Objects.requireNonNull(region, "region")))
            .setZone(Protos.DomainInfo.FaultDomain.ZoneInfo.newBuilder()
                .setName(Objects.requireNonNull(zone, "zone"))))
        .build();
    return new TestOffers(offerId, agentId, hostname, frameworkId, role, cpus, mem, disk, gpus, ports, attributes,
        Optional.of(info));
  }

  /** Names the agent's host {@code value}, which {@code hostname} constraints and the tasks' {@code HOST} see. */
  public TestOffers hostname(String value) {
    return new TestOffers(offerId, agentId, Objects.requireNonNull(value, "hostname"), frameworkId, role, cpus, mem,
        disk, gpus, ports, attributes, domain);
  }

  /** Gives the agent the id {@code value}. */
  public TestOffers agentId(String value) {
    return new TestOffers(offerId, Objects.requireNonNull(value, "agentId"), hostname, frameworkId, role, cpus, mem,
        disk, gpus, ports, attributes, domain);
  }

  /** Makes the offer one to the framework {@code value}; the executor carries this id. */
  public TestOffers frameworkId(String value) {
    return new TestOffers(offerId, agentId, hostname, Objects.requireNonNull(value, "frameworkId"), role, cpus, mem,
        disk, gpus, ports, attributes, domain);
  }

  /** Gives the offer the id {@code value}. */
  public TestOffers offerId(String value) {
    return new TestOffers(Objects.requireNonNull(value, "offerId"), agentId, hostname, frameworkId, role, cpus, mem,
        disk, gpus, ports, attributes, domain);
  }

  /** The offer, as Mesos would send it. */
  public Protos.Offer build() {
    Protos.Resource.AllocationInfo allocation = Protos.Resource.AllocationInfo.newBuilder().setRole(role).build();
    Protos.Offer.Builder offer = Protos.Offer.newBuilder()
        .setId(Protos.OfferID.newBuilder().setValue(offerId))
        .setFrameworkId(Protos.FrameworkID.newBuilder().setValue(frameworkId))
        .setSlaveId(Protos.SlaveID.newBuilder().setValue(agentId))
        .setHostname(hostname)
        .setAllocationInfo(allocation)
        .addAllAttributes(attributes);
    domain.ifPresent(offer::setDomain);
    scalar(offer, "cpus", cpus, allocation);
    scalar(offer, "mem", mem, allocation);
    scalar(offer, "disk", disk, allocation);
    scalar(offer, "gpus", gpus, allocation);
    ports.ifPresent(range -> offer.addResources(unreserved("ports", allocation)
        .setType(Protos.Value.Type.RANGES)
        .setRanges(Protos.Value.Ranges.newBuilder()
            .addRange(Protos.Value.Range.newBuilder().setBegin(range[0]).setEnd(range[1])))));
    return offer.build();
  }

  private static void scalar(Protos.Offer.Builder offer, String name, double value,
      Protos.Resource.AllocationInfo allocation) {
    if (value > 0) {
      offer.addResources(unreserved(name, allocation)
          .setType(Protos.Value.Type.SCALAR)
          .setScalar(Protos.Value.Scalar.newBuilder().setValue(value)));
    }
  }

  /**
   * An unreserved resource: role {@code *} in the single-role field, as in the pre-refinement format
   * Mesos sends frameworks without the RESERVATION_REFINEMENT capability.
   */
  @SuppressWarnings("deprecation")
  private static Protos.Resource.Builder unreserved(String name, Protos.Resource.AllocationInfo allocation) {
    return Protos.Resource.newBuilder().setName(name).setRole("*").setAllocationInfo(allocation);
  }

  private static double nonNegative(String name, double value) {
    if (!(value >= 0) || Double.isInfinite(value)) {
      throw new IllegalArgumentException(name + " must be a finite amount of 0 or more, got " + value);
    }
    return value;
  }

  @Override
  public String toString() {
    return "TestOffers[" + offerId + " on " + agentId + " (" + hostname + "), role " + role + "]";
  }
}
