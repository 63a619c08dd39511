package io.podkit.launcher;

import com.google.common.collect.ImmutableList;
import java.util.List;
import java.util.Objects;
import org.apache.mesos.Protos;

/**
 * One {@code ACCEPT}: the offers it uses, the operations to apply to them in order (RESERVE,
 * CREATE, LAUNCH_GROUP) and the filters for what is left of the offers.
 */
public record LaunchRequest(
    Protos.FrameworkID frameworkId,
    List<Protos.OfferID> offerIds,
    List<Protos.Offer.Operation> operations,
    Protos.Filters filters) {

  /** Marathon's filters: decline what is left for 0 seconds (offer it again at once). */
  public static final Protos.Filters DEFAULT_FILTERS = Protos.Filters.newBuilder().setRefuseSeconds(0).build();

  public LaunchRequest {
    Objects.requireNonNull(frameworkId, "frameworkId");
    offerIds = ImmutableList.copyOf(offerIds);
    operations = ImmutableList.copyOf(operations);
    Objects.requireNonNull(filters, "filters");
    if (offerIds.isEmpty()) {
      throw new IllegalArgumentException("an ACCEPT names at least one offer");
    }
  }

  /** Accepts {@code offer} with {@code operations} and the default filters. */
  public static LaunchRequest of(Protos.Offer offer, List<Protos.Offer.Operation> operations) {
    return new LaunchRequest(offer.getFrameworkId(), List.of(offer.getId()), operations, DEFAULT_FILTERS);
  }
}
