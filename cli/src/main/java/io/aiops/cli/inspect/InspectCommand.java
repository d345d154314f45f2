package io.aiops.cli.inspect;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code aiops inspect}: look inside one process on this host, now. */
@Command(
    name = "inspect",
    mixinStandardHelpOptions = true,
    description = "Looks inside one running process on this host (no Kafka needed).",
    subcommands = {InspectMemoryCommand.class})
public final class InspectCommand implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}
