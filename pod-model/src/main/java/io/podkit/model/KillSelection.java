package io.podkit.model;

/** Which instance Marathon kills first on scale-down. */
public enum KillSelection implements PodEnum {
  YOUNGEST_FIRST("YOUNGEST_FIRST"),
  OLDEST_FIRST("OLDEST_FIRST");

  private final String json;

  KillSelection(String json) {
    this.json = json;
  }

  @Override
  public String json() {
    return json;
  }
}
