package io.aiops.cli.diff;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code aiops diff}: what changed between two saved states of a host. */
@Command(
    name = "diff",
    mixinStandardHelpOptions = true,
    description = "Compares two saved states of a host, from aiops snapshot (no Kafka needed).",
    subcommands = {DiffMemoryCommand.class})
public final class DiffCommand implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}
