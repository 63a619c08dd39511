package io.podkit.translator;

import io.podkit.model.Artifact;
import io.podkit.model.Command;
import io.podkit.model.Container;
import io.podkit.model.Exec;
import io.podkit.model.Pod;
import org.apache.mesos.Protos;

/** Mesos {@code CommandInfo}s of a task (translation-rules C.2) and of command (health) checks (C.5). */
final class CommandInfos {
  private CommandInfos() {}

  /**
   * The task's command without its environment: always present, so that {@code shell=false} lets
   * the image's entrypoint run when the container has no {@code exec} (C.2.1).
   */
  static Protos.CommandInfo.Builder forTask(Pod pod, Container container) {
    // C.2.1: shell starts false (the proto default is true)
    Protos.CommandInfo.Builder command = Protos.CommandInfo.newBuilder().setShell(false);
    container.exec().ifPresent(exec -> exec(exec, command));
    // C.2.4: the container's user, else the pod's
    container.user().or(pod::user).ifPresent(command::setUser);
    // C.2.5
    for (Artifact a : container.artifacts()) {
      Protos.CommandInfo.URI.Builder uri = Protos.CommandInfo.URI.newBuilder()
          .setValue(a.uri())
          .setCache(a.cacheOrDefault())
          .setExtract(a.extractOrDefault())
          .setExecutable(a.executableOrDefault());
      a.destPath().ifPresent(uri::setOutputFile);
      command.addUris(uri);
    }
    return command;
  }

  private static void exec(Exec exec, Protos.CommandInfo.Builder command) {
    if (exec.command() instanceof Command.Shell shell) {
      // C.2.2
      command.setShell(true).setValue(shell.shell());
    } else if (exec.command() instanceof Command.Argv argv) {
      // C.2.3: every element is an argument; argv[0] replaces the entrypoint only when asked
      command.setShell(false).addAllArguments(argv.argv());
      if (exec.overrideEntrypointOrDefault() && !argv.argv().isEmpty()) {
        command.setValue(argv.argv().get(0));
      }
    }
  }

  /** C.5 COMMAND: a shell string runs through the shell; argv runs {@code argv[0]} with all of argv. */
  static Protos.CommandInfo forCheck(Command command) {
    Protos.CommandInfo.Builder out = Protos.CommandInfo.newBuilder();
    if (command instanceof Command.Shell shell) {
      out.setShell(true).setValue(shell.shell());
    } else if (command instanceof Command.Argv argv) {
      out.setShell(false).addAllArguments(argv.argv());
      if (!argv.argv().isEmpty()) {
        out.setValue(argv.argv().get(0));
      }
    }
    return out.build();
  }
}
