package io.podkit.benchmarks;

import java.nio.charset.StandardCharsets;

/**
 * The pods of the scale benchmarks, as JSON: {@code n} containers on a bridge network, each with an
 * endpoint on a dynamic host port (so every container takes a port from the offer), a TCP health
 * check on it, an environment variable and a mount of the pod's shared ephemeral volume.
 */
final class ScalePod {
  private ScalePod() {}

  static byte[] json(int containers) {
    if (containers < 1) {
      throw new IllegalArgumentException("containers " + containers);
    }
    StringBuilder b = new StringBuilder(256 + containers * 400);
    b.append("{\n  \"id\": \"/bench/scale-").append(containers).append("\",\n  \"containers\": [\n");
    for (int i = 0; i < containers; i++) {
      if (i > 0) {
        b.append(",\n");
      }
      b.append("    {\n")
          .append("      \"name\": \"c").append(i).append("\",\n")
          .append("      \"exec\": { \"command\": { \"shell\": \"exec ./serve --port $ENDPOINT_E").append(i)
          .append("\" } },\n")
          .append("      \"resources\": { \"cpus\": 0.1, \"mem\": 32 },\n")
          .append("      \"environment\": { \"SHARD\": \"").append(i).append("\" },\n")
          .append("      \"endpoints\": [ { \"name\": \"e").append(i).append("\", \"containerPort\": ")
          .append(8000 + i).append(", \"hostPort\": 0, \"protocol\": [\"tcp\"] } ],\n")
          .append("      \"healthCheck\": { \"tcp\": { \"endpoint\": \"e").append(i)
          .append("\" }, \"gracePeriodSeconds\": 30 },\n")
          .append("      \"volumeMounts\": [ { \"name\": \"shared\", \"mountPath\": \"shared\" } ]\n")
          .append("    }");
    }
    b.append("\n  ],\n")
        .append("  \"volumes\": [ { \"name\": \"shared\" } ],\n")
        .append("  \"networks\": [ { \"mode\": \"container/bridge\" } ]\n")
        .append("}\n");
    return b.toString().getBytes(StandardCharsets.UTF_8);
  }
}
