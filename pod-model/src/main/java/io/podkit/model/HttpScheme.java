package io.podkit.model;

/** Scheme of an HTTP health check (Mesos {@code MESOS_HTTP} or {@code MESOS_HTTPS}). */
public enum HttpScheme implements PodEnum {
  HTTP("HTTP"),
  HTTPS("HTTPS");

  private final String json;

  HttpScheme(String json) {
    this.json = json;
  }

  @Override
  public String json() {
    return json;
  }
}
