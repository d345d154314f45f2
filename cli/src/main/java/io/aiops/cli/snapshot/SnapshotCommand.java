package io.aiops.cli.snapshot;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code aiops snapshot}: save this host's state to a file, to compare later. */
@Command(
    name = "snapshot",
    mixinStandardHelpOptions = true,
    description = "Saves this host's state to a file, for aiops diff (no Kafka needed).",
    subcommands = {SnapshotMemoryCommand.class})
public final class SnapshotCommand implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}
