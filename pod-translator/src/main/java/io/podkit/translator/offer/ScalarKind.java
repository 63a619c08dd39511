package io.podkit.translator.offer;

/** The scalar resources a pod asks for, in the order pieces are listed for each consumer. */
enum ScalarKind {
  CPUS("cpus", NoMatchReason.Kind.INSUFFICIENT_CPUS),
  MEM("mem", NoMatchReason.Kind.INSUFFICIENT_MEM),
  DISK("disk", NoMatchReason.Kind.INSUFFICIENT_DISK),
  GPUS("gpus", NoMatchReason.Kind.INSUFFICIENT_GPUS);

  private final String resourceName;
  private final NoMatchReason.Kind insufficient;

  ScalarKind(String resourceName, NoMatchReason.Kind insufficient) {
    this.resourceName = resourceName;
    this.insufficient = insufficient;
  }

  /** The Mesos resource name. */
  String resourceName() {
    return resourceName;
  }

  /** The reason kind when the offer has too little of this resource. */
  NoMatchReason.Kind insufficient() {
    return insufficient;
  }

  /** The kind named {@code name} in an offer, or {@code null} for any other resource. */
  static ScalarKind byResourceName(String name) {
    for (ScalarKind k : values()) {
      if (k.resourceName.equals(name)) {
        return k;
      }
    }
    return null;
  }
}
