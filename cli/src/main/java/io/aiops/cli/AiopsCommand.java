package io.aiops.cli;

import io.aiops.cli.analyze.AnalyzeCommand;
import io.aiops.cli.detect.DetectCommand;
import io.aiops.cli.diff.DiffCommand;
import io.aiops.cli.evaluate.EvaluateCommand;
import io.aiops.cli.health.HealthCommand;
import io.aiops.cli.inspect.InspectCommand;
import io.aiops.cli.snapshot.SnapshotCommand;
import io.aiops.cli.up.UpCommand;
import io.aiops.collector.agent.CollectCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code aiops} command: the one entry point a person types. */
@Command(
    name = "aiops",
    mixinStandardHelpOptions = true,
    versionProvider = AiopsVersion.class,
    description = {
      "Finds memory leaks and predicts OOM kills across fleets of Linux hosts.",
      "",
      "Edge collectors publish memory samples to Kafka; a stream processor computes per-process"
          + " trends, leak verdicts and OOM ETAs; sinks store anomalies and serve them over HTTP.",
    },
    subcommands = {
      UpCommand.class,
      DetectCommand.class,
      AnalyzeCommand.class,
      CollectCommand.class,
      InspectCommand.class,
      SnapshotCommand.class,
      DiffCommand.class,
      EvaluateCommand.class,
      HealthCommand.class,
      CommandLine.HelpCommand.class
    },
    footer = {
      "",
      "Start everything on this machine, with a simulated fleet:",
      "  aiops up --simulate-hosts 20 --duration 10m",
      "Judge exported series offline:",
      "  aiops detect memory-leak --input exports/ --format json",
      "Collect this host's memory as JSON lines, without Kafka:",
      "  aiops collect memory --duration 60s --interval 5s --format json",
      "",
      "Exit status: 0 success, 1 failure at run time, 2 bad usage or unreadable input.",
    })
public final class AiopsCommand implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  public static void main(String[] args) {
    System.exit(run(args));
  }

  /** Runs the command line and returns the exit status (tests call this instead of main). */
  public static int run(String... args) {
    CommandLine commandLine = new CommandLine(new AiopsCommand());
    commandLine.setExecutionExceptionHandler(new FailureReporter());
    commandLine.setParameterExceptionHandler(FailureReporter::usageError);
    return commandLine.execute(args);
  }
}
