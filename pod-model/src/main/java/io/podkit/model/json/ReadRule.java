package io.podkit.model.json;

/**
 * The rules the JSON reader enforces, each with a stable id that appears in {@link ReadProblem#rule()}.
 *
 * <p>The reader checks the shape of the document: syntax, limits, JSON types, required members,
 * unions, enums, number ranges of the JSON types, unknown fields and the fields pods do not support.
 * Rules about values (name patterns, lengths, numeric bounds, cross-field rules) belong to
 * pod-validation, so that pods built in code are checked the same way as pods read from JSON.
 */
public enum ReadRule {
  SYNTAX("read.syntax", "the document is not well-formed JSON"),
  ENCODING("read.encoding", "the document is not UTF-8 (or UTF-16/32) text, or a string holds an unpaired surrogate"),
  EMPTY("read.empty", "the document is empty"),
  LIMIT("read.limit", "the document exceeds a reader limit (size, depth, string or number length)"),
  ROOT("read.root", "the document is not a JSON object"),
  TRAILING("read.trailing", "there is content after the pod object"),
  DUPLICATE_KEY("read.duplicate-key", "an object has the same key twice"),
  UNKNOWN_FIELD("read.unknown-field", "an object has a field the pod format does not define"),
  TYPE("read.type", "a value has the wrong JSON type"),
  REQUIRED("read.required", "a required member is absent or null"),
  ENUM("read.enum", "a value is not one of the enumerated values (matched case-insensitively)"),
  NUMBER("read.number", "a number is not representable in its field (fraction, range, infinite)"),
  UNION("read.union", "a value does not have exactly one variant's keys, or matches no variant"),
  DISCRIMINATOR("read.discriminator", "scaling kind is not exactly \"fixed\""),
  EMPTY_ARRAY("read.empty-array", "an array that may be absent but not empty is empty"),
  DATETIME("read.datetime", "version is not an ISO-8601 offset date-time"),
  TOO_MANY_PROBLEMS("read.too-many-problems", "reading stopped after the problem limit"),
  LIMITATION_READINESS_CHECKS("limitation.readiness-checks", "pods do not support readiness checks"),
  LIMITATION_DEPENDENCIES("limitation.dependencies", "pods do not support dependencies"),
  LIMITATION_STORE_URLS("limitation.store-urls", "pods do not support storeUrls"),
  LIMITATION_PORTS("limitation.ports", "pods declare ports as endpoints, not ports/portDefinitions"),
  LIMITATION_SERVICE_PORTS("limitation.service-ports", "pods do not support service ports"),
  LIMITATION_INSTANCES("limitation.instances", "pods set instances in scaling"),
  LIMITATION_HEALTH_CHECKS("limitation.health-checks", "pods have one healthCheck per container"),
  LIMITATION_APP_HEALTH_CHECK("limitation.app-health-check", "pod health checks are Mesos checks by endpoint name"),
  LIMITATION_CONTAINER_TYPE("limitation.container-type", "pods run on the Mesos containerizer only"),
  LIMITATION_APP_VOLUME("limitation.app-volume", "pod volumes have no containerPath, mode or external");

  private final String id;
  private final String description;

  ReadRule(String id, String description) {
    this.id = id;
    this.description = description;
  }

  /** The stable id, e.g. {@code read.unknown-field}. */
  public String id() {
    return id;
  }

  /** One line saying what the rule forbids. */
  public String description() {
    return description;
  }

  /** Whether this rule reports a pod limitation (a field pods do not support), in both modes. */
  public boolean isLimitation() {
    return id.startsWith("limitation.");
  }
}
