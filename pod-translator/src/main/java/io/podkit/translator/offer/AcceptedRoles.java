package io.podkit.translator.offer;

/**
 * Which roles' resources a pod may use when its {@code acceptedResourceRoles} is empty: Marathon's
 * {@code --accepted_resource_roles_default_behavior}.
 */
public enum AcceptedRoles {
  /** The pod's role and {@code *} (Marathon's default). */
  ANY,
  /** Only unreserved resources ({@code *}). */
  UNRESERVED,
  /** Only resources reserved for the pod's role. */
  RESERVED
}
