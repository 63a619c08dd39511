package io.podkit.testing;

import static io.podkit.testing.PodAssertions.assertThatPod;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.podkit.translator.TranslationConfig;
import org.junit.jupiter.api.Test;

/** The assertions on the executor, each passing and failing. */
class ExecutorAssertTest {
  private static ExecutorAssert web() {
    return assertThatPod("pods/web.json").translatesWith(TestOffers.ample()).executor();
  }

  private static ExecutorAssert api() {
    return assertThatPod("pods/bridge.json").translatesWith(TestOffers.ample()).executor();
  }

  @Test
  void hasResourcePassesForMarathonsDefaultsAndForExecutorResources() {
    web().hasResource("cpus", 0.1).hasResource("mem", 32).hasResource("disk", 10);
    api().hasResource("cpus", 0.2).hasResource("mem", 64).hasResource("disk", 20);
  }

  @Test
  void hasResourceFails() {
    assertThatThrownBy(() -> web().hasResource("cpus", 1))
        .isInstanceOf(AssertionError.class)
        .hasMessage("Expecting the executor of pod /shop/web (pods/web.json) to have 1 cpus, but it has 0.1 (its "
            + "resources: cpus 0.1, mem 32, disk 10, ports [31000-31000])");
    assertThatThrownBy(() -> web().hasResource("gpus", 1))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("to have 1 gpus, but it has no gpus");
  }

  @Test
  void hasPortPassesForEveryHostPortOfThePod() {
    api().hasPort(31000).hasPort(31500);
  }

  @Test
  void hasPortFails() {
    assertThatThrownBy(() -> api().hasPort(31001))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("Expecting the executor of pod /shop/api (pods/bridge.json) to hold host port 31001, "
            + "but it does not (its resources: cpus 0.2, mem 64, disk 20, ports [31000-31000,31500-31500])");
    assertThatThrownBy(() -> assertThatPod("pods/racked.json")
        .translatesWith(TestOffers.ample().attribute("rack", "r1")).executor().hasPort(31000))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("to hold host port 31000, but it holds no ports");
  }

  @Test
  void hasLabelPassesForPodLabels() {
    web().hasLabel("team", "storefront");
  }

  @Test
  void hasLabelFails() {
    assertThatThrownBy(() -> web().hasLabel("team", "checkout"))
        .isInstanceOf(AssertionError.class)
        .hasMessage("Expecting the executor of pod /shop/web (pods/web.json) to have label team=checkout, but "
            + "team=storefront (its labels: team=storefront)");
    assertThatThrownBy(() -> api().hasLabel("team", "checkout"))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("but it has no label team (its labels: none)");
  }

  @Test
  void hasNetworkNamedPassesForTheBridge() {
    api().hasNetworkNamed("mesos-bridge");
    assertThatPod("pods/bridge.json")
        .translatesWith(TestOffers.ample(), TranslationConfig.DEFAULT.withBridgeName("cni0"))
        .executor().hasNetworkNamed("cni0");
  }

  @Test
  void hasNetworkNamedFails() {
    assertThatThrownBy(() -> api().hasNetworkNamed("dcos"))
        .isInstanceOf(AssertionError.class)
        .hasMessage("Expecting the executor of pod /shop/api (pods/bridge.json) to join network dcos, but it joins "
            + "[mesos-bridge]");
    assertThatThrownBy(() -> web().hasNetworkNamed("dcos"))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("to join network dcos, but it joins none (the pod uses the host network)");
  }

  @Test
  void exposesTheExecutor() {
    assertThat(web().executorInfo().getExecutorId().getValue())
        .isEqualTo(PodAssertions.instanceOf("/shop/web").executorId());
  }
}
