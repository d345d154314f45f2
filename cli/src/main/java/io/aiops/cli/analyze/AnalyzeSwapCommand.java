package io.aiops.cli.analyze;

import io.aiops.cli.host.HostDiagnosisOptions;
import io.aiops.cli.host.HostSampling;
import io.aiops.cli.host.ProcTree;
import io.aiops.cli.host.SampledHost;
import io.aiops.cli.options.PercentConverter;
import io.aiops.cli.render.Terminal;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code aiops analyze swap}: how full swap is, how fast it moves, which processes hold it. */
@Command(
    name = "swap",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Explains this host's swap: how much is in use (SwapTotal - SwapFree, as free prints it),"
          + " how fast pages go out and come back (pswpout, pswpin of /proc/vmstat over"
          + " --interval, in pages/s and bytes/s), whether that is a swap storm, and, with"
          + " --processes, which processes hold it (VmSwap of /proc/<pid>/status, each with its"
          + " share of the swap in use). Then what to do: vm.swappiness, limits, memory.",
      "",
      "A swap storm is swap-in and swap-out both at the swap storm detector's lines (max(1 MiB/s,"
          + " 0.01 %% of RAM per second) warning, max(10 MiB/s, 0.1 %%) critical) over the"
          + " interval. VmSwap counts a process's private pages in swap; swapped tmpfs and"
          + " shared memory are in no process's figure, so the sum can fall short of the swap"
          + " in use.",
    },
    footer = {
      "",
      "Examples:",
      "  aiops analyze swap                              # how full, how fast, what to do",
      "  aiops analyze swap --processes --threshold 10%%  # who holds at least 10 %% of it",
      "  aiops analyze swap --processes --format json --interval 10s",
      "  aiops analyze swap --processes --proc-root saved/proc --interval 10s",
      "",
      "Exit status: 0 when swap is not storming; 1 for a swap storm (warning or critical);"
          + " 2 for bad usage or a --proc-root that is not a readable /proc tree.",
    })
public final class AnalyzeSwapCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(
      names = "--processes",
      description = "List the processes holding swap, most first (VmSwap, share, RSS).")
  boolean processes;

  @Option(
      names = "--threshold",
      paramLabel = "PERCENT",
      converter = PercentConverter.class,
      description =
          "With --processes: only those holding at least this share of the swap in use"
              + " (10%%, 2.5%%; default 0: every process with memory in swap). Implies --processes.")
  Double threshold;

  @Mixin HostDiagnosisOptions host;

  /** Where the report and the countdown go and how; tests give their own. */
  Terminal terminal = Terminal.detect();

  @Override
  public Integer call() {
    host.validate();
    boolean listProcesses = processes || threshold != null;
    ProcTree tree = host.tree();
    SampledHost sampled =
        new HostSampling(tree, host, terminal, spec.commandLine().getErr()).withRates();
    // Read right after the last system reading, so the sum compares with the same swap in use.
    var readings = tree.processes();
    SwapReport report =
        SwapReport.of(
            sampled,
            readings,
            tree.vmSetting("swappiness"),
            threshold == null ? 0 : threshold,
            tree.notes());
    PrintWriter out = spec.commandLine().getOut();
    out.print(
        host.json()
            ? SwapReportJson.line(report, listProcesses) + System.lineSeparator()
            : SwapReportText.report(report, listProcesses, terminal));
    out.flush();
    return report.storm().isPresent() ? HostDiagnosisOptions.EXIT_FINDING : CommandLine.ExitCode.OK;
  }
}
