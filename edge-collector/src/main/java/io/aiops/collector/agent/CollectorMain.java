package io.aiops.collector.agent;

import java.io.PrintWriter;
import picocli.CommandLine;

/**
 * {@code aiops-collector}: the standalone collector jar's entry point. The same command as {@code
 * aiops collect}, under its own name, so a fleet runs exactly the code {@code aiops} runs.
 */
public final class CollectorMain {
  static final String NAME = "aiops-collector";

  private CollectorMain() {}

  public static void main(String[] args) {
    System.exit(run(args));
  }

  /** Runs the command line and returns the exit status (tests call this instead of main). */
  public static int run(String... args) {
    return run(null, null, args);
  }

  /** The same, printing to the given writers (null: stdout and stderr). */
  static int run(PrintWriter out, PrintWriter err, String... args) {
    // Before any logger exists: our progress at info, Kafka's config dumps only when wrong.
    defaultProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
    defaultProperty("org.slf4j.simpleLogger.log.io.aiops", "info");
    defaultProperty("org.slf4j.simpleLogger.showShortLogName", "true");
    defaultProperty("org.slf4j.simpleLogger.showThreadName", "false");
    defaultProperty("org.slf4j.simpleLogger.logFile", "System.err");
    CommandLine commandLine = new CommandLine(new CollectCommand());
    commandLine.getCommandSpec().name(NAME);
    if (out != null) {
      commandLine.setOut(out);
    }
    if (err != null) {
      commandLine.setErr(err);
    }
    commandLine.setParameterExceptionHandler(CollectorMain::usageError);
    commandLine.setExecutionExceptionHandler(
        (e, command, parsed) -> {
          command
              .getErr()
              .println(NAME + ": " + (e.getMessage() == null ? e.toString() : e.getMessage()));
          if ("1".equals(System.getenv("AIOPS_DEBUG"))) {
            e.printStackTrace(command.getErr());
          }
          return CommandLine.ExitCode.SOFTWARE;
        });
    return commandLine.execute(args);
  }

  private static int usageError(CommandLine.ParameterException e, String[] args) {
    CommandLine command = e.getCommandLine();
    command
        .getErr()
        .println(
            NAME
                + ": "
                + e.getMessage()
                + " (see '"
                + command.getCommandSpec().qualifiedName()
                + " --help')");
    return CommandLine.ExitCode.USAGE;
  }

  private static void defaultProperty(String key, String value) {
    if (System.getProperty(key) == null) {
      System.setProperty(key, value);
    }
  }
}
