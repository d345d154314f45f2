package io.aiops.cli.analyze;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code aiops analyze}: explain what already happened on a host, from its own records. */
@Command(
    name = "analyze",
    mixinStandardHelpOptions = true,
    description = "Explains past memory events from a host's own records (no Kafka needed).",
    subcommands = {AnalyzeOomCommand.class, AnalyzeSwapCommand.class, AnalyzeCacheCommand.class})
public final class AnalyzeCommand implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}
