package io.aiops.cli.detect;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code aiops detect}: run the detectors on exported series, without Kafka. */
@Command(
    name = "detect",
    mixinStandardHelpOptions = true,
    description = "Runs the detectors offline on exported series (no Kafka needed).",
    subcommands = {DetectMemoryLeakCommand.class, DetectAnomaliesCommand.class})
public final class DetectCommand implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}
