package io.podkit.translator.offer;

import java.util.Objects;

/**
 * How offers are matched.
 *
 * @param acceptedRoles the roles a pod without {@code acceptedResourceRoles} may use
 * @param portStrategy how dynamic host ports are chosen
 */
public record MatchConfig(AcceptedRoles acceptedRoles, PortStrategy portStrategy) {
  /** Marathon's default roles ({@code any}) and the deterministic lowest-free-port strategy. */
  public static final MatchConfig DEFAULT = new MatchConfig(AcceptedRoles.ANY, PortStrategy.lowestFree());

  public MatchConfig {
    Objects.requireNonNull(acceptedRoles, "acceptedRoles");
    Objects.requireNonNull(portStrategy, "portStrategy");
  }

  public MatchConfig withPortStrategy(PortStrategy strategy) {
    return new MatchConfig(acceptedRoles, strategy);
  }

  public MatchConfig withAcceptedRoles(AcceptedRoles roles) {
    return new MatchConfig(roles, portStrategy);
  }
}
