package io.aiops.cli.health;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code aiops health}: how a host is doing right now, from its own /proc. */
@Command(
    name = "health",
    mixinStandardHelpOptions = true,
    description = "Judges this host's health right now from its own /proc (no Kafka needed).",
    subcommands = {HealthMemoryCommand.class})
public final class HealthCommand implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}
