package io.aiops.cli;

import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/**
 * Turns an exception escaping a command into one clear line on stderr and an exit status: 2 for the
 * user's mistakes, 1 for failures at run time. Stack traces only with AIOPS_DEBUG=1.
 */
final class FailureReporter implements IExecutionExceptionHandler {

  /** A bad option or argument: one line naming it and where help is, exit 2. */
  static int usageError(CommandLine.ParameterException e, String[] args) {
    CommandLine command = e.getCommandLine();
    command
        .getErr()
        .println(
            "aiops: "
                + e.getMessage()
                + " (see '"
                + command.getCommandSpec().qualifiedName()
                + " --help')");
    return CommandLine.ExitCode.USAGE;
  }

  @Override
  public int handleExecutionException(Exception e, CommandLine commandLine, ParseResult parsed) {
    var err = commandLine.getErr();
    String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    err.println("aiops: " + message);
    if ("1".equals(System.getenv("AIOPS_DEBUG"))) {
      e.printStackTrace(err);
    }
    return e instanceof UsageException ? CommandLine.ExitCode.USAGE : CommandLine.ExitCode.SOFTWARE;
  }
}
