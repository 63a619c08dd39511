package io.podkit.model;

/** IPC namespace mode of a container or of the executor. */
public enum IpcMode implements PodEnum {
  PRIVATE("PRIVATE"),
  SHARE_PARENT("SHARE_PARENT");

  private final String json;

  IpcMode(String json) {
    this.json = json;
  }

  @Override
  public String json() {
    return json;
  }
}
