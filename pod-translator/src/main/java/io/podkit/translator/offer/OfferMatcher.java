package io.podkit.translator.offer;

import static com.google.common.base.Preconditions.checkArgument;

import io.podkit.model.Constraint;
import io.podkit.model.Container;
import io.podkit.model.Endpoint;
import io.podkit.model.Pod;
import io.podkit.model.SchedulingPolicy;
import io.podkit.model.Volume;
import io.podkit.validation.ValidPod;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.apache.mesos.Protos;

/**
 * Decides whether a Mesos offer fits a pod and, if it does, which offered resources go to the
 * executor, to each container, to the host ports and to the persistent volumes (translation-rules
 * E, with DESIGN section 4's fixes). The result is a value: a {@link MatchResult.Match} that the
 * translator can always turn into a launch, or a {@link MatchResult.NoMatch} with every reason.
 *
 * <p>Where Marathon matched the aggregate and then bin-packed it between executor and containers (and
 * could then fail, or hand one offered piece to two consumers), podkit claims every amount once from
 * one shared pool per resource kind (G1), splits it across offered resources where one is not enough
 * (G2), computes in Mesos' fixed-point thousandths (G3), stamps the offer's {@code allocation_info} on
 * every piece (G25) and picks dynamic host ports with a pluggable, by default deterministic, strategy
 * (G28). Every step is a linear pass or a sort, so large pods and fragmented offers match quickly.
 *
 * <p>Matching answers with a value for any offer: amounts are capped and their sums saturate, so no
 * pod or offer can overflow them, and the pod's regular expressions ({@code LIKE}/{@code UNLIKE}
 * constraints, volume path constraints) share a bounded budget per match, so no pattern can make
 * matching hang; a pattern not decided within it counts as not met.
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class OfferMatcher {
  private final MatchConfig config;

  /** A matcher using {@code config}'s default accepted roles and port strategy. */
  public OfferMatcher(MatchConfig config) {
    this.config = Objects.requireNonNull(config, "config");
  }

  /**
   * Matches an ordinary (non-resident) pod against an offer, with no instance of the pod running yet
   * (as far as placement constraints are concerned).
   *
   * @throws IllegalArgumentException if the pod is resident: it must first reserve
   *     ({@link #matchForReservation}) and then launch on its reservation ({@link #matchOnReservation})
   */
  public MatchResult match(ValidPod pod, Protos.Offer offer) {
    return match(pod, offer, List.of());
  }

  /**
   * Matches an ordinary (non-resident) pod against an offer.
   *
   * @param runningInstanceAgents the agent of each running instance of the pod (one entry per
   *     instance, current configuration only), which {@code UNIQUE}, {@code CLUSTER}, {@code GROUP_BY}
   *     and {@code MAX_PER} constraints count
   * @throws IllegalArgumentException if the pod is resident (see {@link #match(ValidPod, Protos.Offer)})
   */
  public MatchResult match(ValidPod pod, Protos.Offer offer, List<Agent> runningInstanceAgents) {
    Pod p = pod.pod();
    checkArgument(!p.isResident(),
        "pod %s has persistent volumes: use matchForReservation, then matchOnReservation", p.id());
    return evaluate(p, offer, runningInstanceAgents, ResourceSelector.any(acceptedRoles(pod)), Mode.LAUNCH, "");
  }

  /**
   * Matches a resident pod that has no reservation yet against the offer's unreserved ({@code *})
   * resources (translation-rules A.6 step 1). The disk need includes the persistent volumes: root
   * volumes come out of root disks, path and mount volumes out of disks of that type (E.2), each
   * volume whole from one offered disk (a mount volume takes its whole disk). The match lists what
   * to RESERVE: executor and container pieces, port ranges, and in {@code volumeResources} one disk
   * piece per persistent volume in pod volume order, from which the volumes are CREATEd.
   *
   * @throws IllegalArgumentException if the pod is not resident
   */
  public MatchResult matchForReservation(ValidPod pod, Protos.Offer offer) {
    return matchForReservation(pod, offer, List.of());
  }

  /**
   * As {@link #matchForReservation(ValidPod, Protos.Offer)}, with the agents of the pod's running
   * instances for placement constraints.
   */
  public MatchResult matchForReservation(ValidPod pod, Protos.Offer offer, List<Agent> runningInstanceAgents) {
    Pod p = pod.pod();
    checkArgument(p.isResident(), "pod %s has no persistent volume: use match", p.id());
    return evaluate(p, offer, runningInstanceAgents, ResourceSelector.reservable(), Mode.RESERVE, "");
  }

  /**
   * Matches a resident pod against the reservation it made earlier (translation-rules A.6 step 2):
   * only resources reserved for the pod's role whose reservation labels hold
   * {@code marathon_task_id = reservationLabelValue} are used, and every persistent volume must be
   * offered as a disk whose persistence id starts with {@code <safePodId>#<volumeName>#} and carries
   * the same label. The volumes go unchanged into {@code volumeResources}; a missing volume or
   * reservation gives {@code NO_CORRESPONDING_RESERVATION}.
   *
   * @param reservationLabelValue the instance id string the reservation was labelled with
   * @throws IllegalArgumentException if the pod is not resident
   */
  public MatchResult matchOnReservation(ValidPod pod, Protos.Offer offer, String reservationLabelValue) {
    return matchOnReservation(pod, offer, reservationLabelValue, List.of());
  }

  /**
   * As {@link #matchOnReservation(ValidPod, Protos.Offer, String)}, with the agents of the pod's
   * other running instances (not the one being relaunched) for placement constraints.
   */
  public MatchResult matchOnReservation(ValidPod pod, Protos.Offer offer, String reservationLabelValue,
      List<Agent> runningInstanceAgents) {
    Pod p = pod.pod();
    Objects.requireNonNull(reservationLabelValue, "reservationLabelValue");
    checkArgument(p.isResident(), "pod %s has no persistent volume: use match", p.id());
    return evaluate(p, offer, runningInstanceAgents, ResourceSelector.reservedWithLabel(role(p), reservationLabelValue),
        Mode.ON_RESERVATION, reservationLabelValue);
  }

  /**
   * The roles whose resources an ordinary launch of {@code pod} may use (E.1): the pod's
   * {@code acceptedResourceRoles} if given, else per {@link MatchConfig#acceptedRoles()}.
   */
  public Set<String> acceptedRoles(ValidPod pod) {
    Pod p = pod.pod();
    List<String> declared = p.scheduling().flatMap(SchedulingPolicy::placement)
        .map(SchedulingPolicy.Placement::acceptedResourceRoles).orElse(List.of());
    if (!declared.isEmpty()) {
      return Set.copyOf(declared);
    }
    String role = role(p);
    return switch (config.acceptedRoles()) {
      case ANY -> Set.copyOf(new LinkedHashSet<>(List.of(role, "*")));
      case UNRESERVED -> Set.of("*");
      case RESERVED -> Set.of(role);
    };
  }

  /**
   * The offered agent as placement constraints see it: the offer's hostname and its attributes as
   * text, formatted as Marathon does ({@code 2}, {@code 2.5}, {@code [1-2,4-6]}, {@code {a,b}}); the
   * first of repeated attribute names wins. The offer's fault domain, if any, appears as the
   * attributes {@code @region} and {@code @zone}, which is how constraints on those fields are read;
   * a framework that records {@code agentOf(offer)} for each launched instance can pass those
   * records back as running-instance agents.
   */
  public static Agent agentOf(Protos.Offer offer) {
    Map<String, String> attributes = new LinkedHashMap<>();
    for (Protos.Attribute a : offer.getAttributesList()) {
      attributes.putIfAbsent(a.getName(), AttributeText.of(a));
    }
    if (offer.hasDomain() && offer.getDomain().hasFaultDomain()) {
      Protos.DomainInfo.FaultDomain fd = offer.getDomain().getFaultDomain();
      attributes.put("@region", fd.getRegion().getName());
      attributes.put("@zone", fd.getZone().getName());
    }
    return new Agent(offer.getHostname(), attributes);
  }

  private enum Mode { LAUNCH, RESERVE, ON_RESERVATION }

  private MatchResult evaluate(Pod pod, Protos.Offer offer, List<Agent> running, ResourceSelector selector,
      Mode mode, String reservationLabel) {
    Objects.requireNonNull(offer, "offer");
    Objects.requireNonNull(running, "runningInstanceAgents");
    String role = role(pod);
    List<NoMatchReason> reasons = new ArrayList<>();

    // E.0: only offers allocated to the pod's role are for the pod.
    if (offer.hasAllocationInfo() && offer.getAllocationInfo().hasRole()
        && !offer.getAllocationInfo().getRole().equals(role)) {
      String offered = offer.getAllocationInfo().getRole();
      reasons.add(new NoMatchReason(NoMatchReason.Kind.ROLE_NOT_ACCEPTED, role, offered,
          "the offer is allocated to role " + offered + ", the pod's role is " + role));
    }

    OfferedResources offered = OfferedResources.select(offer, selector);
    List<Protos.Resource> reservedVolumes = List.of();
    boolean evaluateScalars = true;
    if (mode == Mode.ON_RESERVATION) {
      List<String> problems = new ArrayList<>();
      if (!offered.anySelected()) {
        problems.add("no offered resource of role " + role + " is reserved with "
            + ResourceSelector.TASK_ID_LABEL + "=" + reservationLabel);
        // Without the reservation every resource would also be "insufficient"; one reason says it all.
        evaluateScalars = false;
      }
      reservedVolumes = reservedVolumes(pod, offer, reservationLabel, problems);
      if (!problems.isEmpty()) {
        reasons.add(new NoMatchReason(NoMatchReason.Kind.NO_CORRESPONDING_RESERVATION,
            ResourceSelector.TASK_ID_LABEL + "=" + reservationLabel, offeredReservations(offer),
            String.join("; ", problems)));
      }
    }

    // Every pattern of the pod (placement and volume path constraints) draws on one budget.
    RegexMatch.Budget regexBudget = RegexMatch.Budget.perMatch();
    Optional<ScalarAllocator.Allocation> scalars = evaluateScalars
        ? ScalarAllocator.allocate(PodDemand.of(pod, mode == Mode.RESERVE), offered, selector, reasons,
            regexBudget)
        : Optional.empty();

    // E.1: nothing in the offer passes the selector.
    if (mode != Mode.ON_RESERVATION && !offered.anySelected()) {
      reasons.add(new NoMatchReason(NoMatchReason.Kind.UNFULFILLED_ROLE, String.join(", ", new TreeSet<>(
          selector.acceptedRoles())), String.join(", ", offered.offeredRoles()),
          "no offered resource is usable: the pod considers " + selector + ", the offer has roles "
              + offered.offeredRoles()));
    }

    // E.2 "constraints": every failing constraint is a reason of its own.
    List<Constraint> constraints = pod.scheduling().flatMap(SchedulingPolicy::placement)
        .map(SchedulingPolicy.Placement::constraints).orElse(List.of());
    if (!constraints.isEmpty()) {
      Agent agent = agentOf(offer);
      for (Constraint c : constraints) {
        if (!ConstraintEvaluator.meets(c, agent, running, regexBudget)) {
          Optional<String> value = ConstraintEvaluator.valueOf(agent, c.fieldName());
          reasons.add(new NoMatchReason(NoMatchReason.Kind.UNFULFILLED_CONSTRAINT, ConstraintEvaluator.describe(c),
              value.orElse(""), "placement constraint " + ConstraintEvaluator.describe(c) + " is not met on agent "
                  + agent.hostname() + value.map(v -> " (" + c.fieldName() + " = " + v + ")")
                  .orElse(" (no " + c.fieldName() + ")") + "; running instances considered: " + running.size()));
        }
      }
    }

    // E.3: ports are looked at only once the scalars fit.
    PortAllocator.Allocated ports = null;
    if (scalars.isPresent()) {
      PortAllocator.Outcome outcome = PortAllocator.allocate(portRequests(pod), offered.ports(),
          config.portStrategy(), OfferedResources.allocationOf(offer));
      if (outcome instanceof PortAllocator.Failed f) {
        reasons.add(new NoMatchReason(NoMatchReason.Kind.INSUFFICIENT_PORTS, f.asked(), f.available(),
            "insufficient ports: " + f.message()));
      } else {
        ports = (PortAllocator.Allocated) outcome;
      }
    }

    if (!reasons.isEmpty()) {
      return new MatchResult.NoMatch(reasons);
    }
    ScalarAllocator.Allocation allocation = scalars.orElseThrow();
    List<List<Protos.Resource>> perConsumer = allocation.perConsumer();
    List<Protos.Resource> volumes = switch (mode) {
      case LAUNCH -> List.of();
      case RESERVE -> allocation.volumes();
      case ON_RESERVATION -> reservedVolumes;
    };
    return new MatchResult.Match(new ResourceMatch(perConsumer.get(0), perConsumer.subList(1, perConsumer.size()),
        ports.resources(), ports.hostPorts(), volumes));
  }

  /** E.3: one request per endpoint with a {@code hostPort}, in pod order (0 = dynamic). */
  private static List<PortAllocator.Request> portRequests(Pod pod) {
    List<PortAllocator.Request> requests = new ArrayList<>();
    for (Container c : pod.containers()) {
      for (Endpoint e : c.endpoints()) {
        e.hostPort().ifPresent(port -> requests.add(new PortAllocator.Request(e.name(), port)));
      }
    }
    return requests;
  }

  /**
   * A.6 step 2: for each persistent volume in pod order, the first offered persistent disk whose id is
   * {@code <safePodId>#<volumeName>#...} and whose reservation carries the label (so two instances'
   * volumes on one agent are told apart). Missing volumes are added to {@code problems}.
   */
  private static List<Protos.Resource> reservedVolumes(Pod pod, Protos.Offer offer, String label,
      List<String> problems) {
    // A.3: the same safe id the volumes were created with.
    String safeId = Pod.safeId(pod.id());
    List<Protos.Resource> candidates = new ArrayList<>();
    for (Protos.Resource r : offer.getResourcesList()) {
      if (r.getName().equals("disk") && r.hasDisk() && r.getDisk().hasPersistence()
          && label.equals(ResourceSelector.reservationLabels(r).get(ResourceSelector.TASK_ID_LABEL))) {
        candidates.add(r);
      }
    }
    List<Protos.Resource> found = new ArrayList<>();
    Set<Integer> used = new HashSet<>();
    for (Volume v : pod.volumes()) {
      if (!(v instanceof Volume.Persistent)) {
        continue;
      }
      String prefix = safeId + "#" + v.name() + "#";
      int hit = -1;
      for (int i = 0; i < candidates.size() && hit < 0; i++) {
        if (!used.contains(i) && candidates.get(i).getDisk().getPersistence().getId().startsWith(prefix)) {
          hit = i;
        }
      }
      if (hit < 0) {
        problems.add("persistent volume " + v.name() + " (id " + prefix + "...) is not offered");
      } else {
        used.add(hit);
        found.add(candidates.get(hit));
      }
    }
    return found;
  }

  /** The distinct {@code marathon_task_id} labels of the offer's reservations, for a reason. */
  private static String offeredReservations(Protos.Offer offer) {
    Set<String> labels = new TreeSet<>();
    for (Protos.Resource r : offer.getResourcesList()) {
      String label = ResourceSelector.reservationLabels(r).get(ResourceSelector.TASK_ID_LABEL);
      if (label != null) {
        labels.add(label);
      }
    }
    return String.join(", ", labels);
  }

  private static String role(Pod pod) {
    // The normalized pod always has its role (N-05); "*" would be the Mesos default anyway.
    return pod.role().orElse("*");
  }
}
