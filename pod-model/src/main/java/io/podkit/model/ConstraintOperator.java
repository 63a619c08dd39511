package io.podkit.model;

/** Placement constraint operators. */
public enum ConstraintOperator implements PodEnum {
  UNIQUE("UNIQUE"),
  CLUSTER("CLUSTER"),
  GROUP_BY("GROUP_BY"),
  LIKE("LIKE"),
  UNLIKE("UNLIKE"),
  MAX_PER("MAX_PER"),
  IS("IS");

  private final String json;

  ConstraintOperator(String json) {
    this.json = json;
  }

  @Override
  public String json() {
    return json;
  }
}
