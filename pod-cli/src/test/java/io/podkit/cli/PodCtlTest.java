package io.podkit.cli;

import static io.podkit.cli.Cli.podctl;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The top level of podctl: its commands, their help, the exit-code table and one-line errors. */
class PodCtlTest {
  private static final List<String> COMMANDS = List.of("validate", "normalize", "translate", "env", "launch", "schema");

  @Test
  void theTopLevelHelpListsEveryCommandAndTheExitCodes() {
    Cli.Run help = podctl("--help");
    assertThat(help.exit()).isZero();
    assertThat(help.out()).contains(COMMANDS);
    assertThat(help.out()).contains("Exit codes:", "0   success", "1   the pod is invalid",
        "2   usage error, or a file that cannot be read", "3   the offer does not fit the pod",
        "4   the launch failed");
  }

  @Test
  void everyCommandHasHelpInBothSpellings() {
    for (String command : COMMANDS) {
      Cli.Run help = podctl(command, "--help");
      assertThat(help.exit()).as(command).isZero();
      assertThat(help.out()).as(command).contains("Usage: podctl " + command, "Exit codes:");
      Cli.Run viaHelp = podctl("help", command);
      assertThat(viaHelp.exit()).as(command).isZero();
      assertThat(viaHelp.out()).isEqualTo(help.out());
    }
  }

  @Test
  void versionAndUsageErrors() {
    Cli.Run version = podctl("--version");
    assertThat(version.exit()).isZero();
    assertThat(version.out()).startsWith("podctl ");
    Cli.Run none = podctl();
    assertThat(none.exit()).isEqualTo(2);
    Cli.Run unknown = podctl("deploy");
    assertThat(unknown.exit()).isEqualTo(2);
    assertThat(unknown.err()).startsWith("podctl: Unmatched argument at index 0: 'deploy'");
  }

  @Test
  void messagesAreFoldedToOneLine() {
    assertThat(PodCtl.oneLine("Mesos would reject:\n  [R16] x\r\n  [R17] y")).isEqualTo("Mesos would reject:; [R16] x; [R17] y");
    assertThat(PodCtl.oneLine(null)).isEmpty();
  }
}
