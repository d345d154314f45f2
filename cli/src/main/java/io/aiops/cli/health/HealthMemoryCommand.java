package io.aiops.cli.health;

import io.aiops.cli.host.HostDiagnosisOptions;
import io.aiops.cli.host.HostSampling;
import io.aiops.cli.host.ProcTree;
import io.aiops.cli.render.Terminal;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code aiops health memory}: this host's memory health, 0–100, and what to do about it. */
@Command(
    name = "memory",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Judges this host's memory health from six signals: usage (1 - MemAvailable/MemTotal),"
          + " pressure (PSI, or direct-reclaim stalls without it), swap-in and swap-out rates,"
          + " fragmentation (buddyinfo), cache refaults (evicted file pages read back) and dirty"
          + " pages. Each signal costs points; the score is 100 minus the points, and its risk"
          + " level is ok (80-100), watch (60-79), warning (40-59) or critical (below 40). OOM"
          + " kills (since boot, and during the interval) are reported beside the score, not in"
          + " it: a container's limit is hit on healthy hosts too.",
      "",
      "Rates come from two readings of /proc/vmstat --interval apart (a countdown shows on a"
          + " terminal). The score is a snapshot of that interval; the same library scores"
          + " hosts in the stream processor.",
    },
    footer = {
      "",
      "Examples:",
      "  aiops health memory --score                 # the score, what costs points, what to do",
      "  aiops health memory                         # each signal's state",
      "  aiops health memory --score --format json --interval 10s",
      "  aiops health memory --score --proc-root saved/proc --interval 10s",
      "",
      "Exit status: 0 when the risk is ok or watch; 1 when it is warning or critical, or when"
          + " the kernel killed a process for memory during the interval (vmstat oom_kill); 2"
          + " for bad usage or a --proc-root that is not a readable /proc tree.",
    })
public final class HealthMemoryCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(
      names = "--score",
      description =
          "Lead with the 0-100 score and its risk level, then the factors that cost points, worst"
              + " first, each with what to do. Without it the report lists every signal's state."
              + " JSON output is the same either way.")
  boolean score;

  @Mixin HostDiagnosisOptions host;

  /** Where the report and the countdown go and how; tests give their own. */
  Terminal terminal = Terminal.detect();

  @Override
  public Integer call() {
    host.validate();
    ProcTree tree = host.tree();
    PrintWriter out = spec.commandLine().getOut();
    var sampled = new HostSampling(tree, host, terminal, spec.commandLine().getErr()).withRates();
    MemoryHealth health = MemoryHealth.of(sampled, tree.notes());
    out.print(
        host.json()
            ? MemoryHealthJson.line(health) + System.lineSeparator()
            : MemoryHealthText.report(health, score, terminal));
    out.flush();
    return health.finding() ? HostDiagnosisOptions.EXIT_FINDING : CommandLine.ExitCode.OK;
  }
}
