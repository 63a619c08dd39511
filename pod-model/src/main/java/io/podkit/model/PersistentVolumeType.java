package io.podkit.model;

/** Mesos disk source type of a local persistent volume. */
public enum PersistentVolumeType implements PodEnum {
  ROOT("root"),
  PATH("path"),
  MOUNT("mount");

  private final String json;

  PersistentVolumeType(String json) {
    this.json = json;
  }

  @Override
  public String json() {
    return json;
  }
}
