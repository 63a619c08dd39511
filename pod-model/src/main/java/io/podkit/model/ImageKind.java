package io.podkit.model;

/** Container image formats pods support; APPC images are gone, only Docker remains. */
public enum ImageKind implements PodEnum {
  DOCKER("DOCKER");

  private final String json;

  ImageKind(String json) {
    this.json = json;
  }

  @Override
  public String json() {
    return json;
  }
}
