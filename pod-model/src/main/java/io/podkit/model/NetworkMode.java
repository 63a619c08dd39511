package io.podkit.model;

/** How a pod joins the network: a named CNI network ({@code container}), the Mesos CNI bridge, or the agent's host network. */
public enum NetworkMode implements PodEnum {
  CONTAINER("container"),
  BRIDGE("container/bridge"),
  HOST("host");

  private final String json;

  NetworkMode(String json) {
    this.json = json;
  }

  @Override
  public String json() {
    return json;
  }
}
