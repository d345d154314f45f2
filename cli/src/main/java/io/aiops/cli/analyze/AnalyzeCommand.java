package io.aiops.cli.analyze;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code aiops analyze}: explain a host's memory (OOM kills, swap, cache) from its own records. */
@Command(
    name = "analyze",
    mixinStandardHelpOptions = true,
    description =
        "Explains a host's memory from its own records: past OOM kills, swap use and swap storms,"
            + " the page cache and slab (no Kafka needed).",
    subcommands = {AnalyzeOomCommand.class, AnalyzeSwapCommand.class, AnalyzeCacheCommand.class})
public final class AnalyzeCommand implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}
