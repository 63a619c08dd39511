package io.podkit.validation;

import io.podkit.model.Network;
import io.podkit.model.NetworkMode;
import io.podkit.model.Pod;
import io.podkit.model.PodPath;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The pod's networks, as written (before the default network name is filled in): what each mode may
 * carry (V-19, V-20), no network twice (V-21), the allowed mode combinations (V-22), and a name for
 * every container network (V-23). An absent mode means {@code container}.
 */
final class NetworkRules implements RuleGroup {
  private static final PodPath NETWORKS = PodPath.of("networks");

  @Override
  public void check(Pod pod, Findings findings) {
    List<Network> networks = pod.networks();
    boolean hasDefaultName = findings.config().normalization().defaultNetworkName().isPresent();
    for (int i = 0; i < networks.size(); i++) {
      Network n = networks.get(i);
      PodPath at = NETWORKS.index(i);
      boolean named = n.name().filter(s -> !s.isEmpty()).isPresent();
      switch (n.modeOrDefault()) {
        case HOST -> {
          // V-19
          if (named || !n.labels().isEmpty()) {
            findings.add(Rule.NETWORK_HOST_NAME_OR_LABELS, at);
          }
        }
        case BRIDGE -> {
          // V-20
          if (named) {
            findings.add(Rule.NETWORK_BRIDGE_NAME, at);
          }
        }
        case CONTAINER -> {
          // V-23: the configured default name will fill the gap; without one there is none
          if (n.name().isEmpty() && !hasDefaultName) {
            findings.add(Rule.NETWORK_NAME_REQUIRED, at);
          }
        }
      }
    }
    // V-21
    if (hasDuplicates(networks)) {
      findings.add(Rule.NETWORKS_DUPLICATE, NETWORKS);
    }
    // V-22
    if (!modesCombine(networks)) {
      findings.add(Rule.NETWORK_MODES, NETWORKS);
    }
  }

  /** Two unnamed container networks (both would get the default name), or a name used twice in any modes. */
  private static boolean hasDuplicates(List<Network> networks) {
    int unnamedContainer = 0;
    Set<String> names = new HashSet<>();
    for (Network n : networks) {
      if (n.name().isEmpty()) {
        if (n.modeOrDefault() == NetworkMode.CONTAINER && ++unnamedContainer > 1) {
          return true;
        }
      } else if (!names.add(n.name().get())) {
        return true;
      }
    }
    return false;
  }

  /** No networks, a single host network, a single bridge network, or one or more container networks. */
  private static boolean modesCombine(List<Network> networks) {
    long host = count(networks, NetworkMode.HOST);
    long bridge = count(networks, NetworkMode.BRIDGE);
    long container = count(networks, NetworkMode.CONTAINER);
    return (host <= 1 && bridge == 0 && container == 0)
        || (bridge <= 1 && host == 0 && container == 0)
        || (container >= 1 && host == 0 && bridge == 0);
  }

  private static long count(List<Network> networks, NetworkMode mode) {
    long count = 0;
    for (Network n : networks) {
      if (n.modeOrDefault() == mode) {
        count++;
      }
    }
    return count;
  }
}
