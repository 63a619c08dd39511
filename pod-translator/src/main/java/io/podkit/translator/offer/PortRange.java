package io.podkit.translator.offer;

/** An inclusive range of port numbers, as in a Mesos {@code Value.Range}. */
public record PortRange(long begin, long end) {
  public PortRange {
    if (begin > end) {
      throw new IllegalArgumentException("begin > end: " + begin + " > " + end);
    }
  }

  public long size() {
    return end - begin + 1;
  }

  public boolean contains(long port) {
    return port >= begin && port <= end;
  }
}
