package io.aiops.cli.analyze;

import io.aiops.cli.host.HostDiagnosisOptions;
import io.aiops.cli.host.HostSampling;
import io.aiops.cli.host.ProcTree;
import io.aiops.cli.host.SampledHost;
import io.aiops.cli.render.Terminal;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code aiops analyze cache}: what the page cache and slab hold, and how well the cache works. */
@Command(
    name = "cache",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Explains this host's page cache and slab: Cached, Buffers, the droppable file pages,"
          + " SReclaimable and SUnreclaim from /proc/meminfo, the largest slab caches from"
          + " /proc/slabinfo (readable by root only: without it, one line says so), dirty and"
          + " writeback pages against the vm.dirty_* limits. Then what to do.",
      "",
      "With --efficiency it also reads /proc/vmstat twice, --interval apart: pages dirtied and"
          + " written back per second (nr_dirtied, nr_written) and refaults, evicted pages read"
          + " back (workingset_refault_file and _anon; workingset_refault before 5.9), against the"
          + " pages read from disk (pgpgin) and the share that was part of the working set"
          + " (workingset_activate). Thrashing: file refaults of 0.1 %% of RAM a second or more"
          + " (1 %% critical).",
    },
    footer = {
      "",
      "Examples:",
      "  aiops analyze cache                         # sizes, largest slab caches, dirty pages",
      "  aiops analyze cache --efficiency            # and refaults and writeback over 3 s",
      "  aiops analyze cache --efficiency --format json --interval 10s",
      "  aiops analyze cache --efficiency --proc-root saved/proc --interval 10s",
      "",
      "Exit status: 0 when nothing is wrong (or --efficiency was not given, so nothing could be"
          + " judged); 1 for cache thrashing or page-cache bloat; 2 for bad usage or a"
          + " --proc-root that is not a readable /proc tree.",
    })
public final class AnalyzeCacheCommand implements Callable<Integer> {
  private static final List<String> SETTINGS =
      List.of(
          "dirty_ratio",
          "dirty_background_ratio",
          "dirty_bytes",
          "dirty_background_bytes",
          "vfs_cache_pressure");

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(
      names = "--efficiency",
      description =
          "Measure over --interval: refaults (the cache-efficiency signal), pages dirtied and"
              + " written back per second; judge thrashing and page-cache bloat.")
  boolean efficiency;

  @Mixin HostDiagnosisOptions host;

  /** Where the report and the countdown go and how; tests give their own. */
  Terminal terminal = Terminal.detect();

  @Override
  public Integer call() {
    host.validate();
    ProcTree tree = host.tree();
    HostSampling sampling = new HostSampling(tree, host, terminal, spec.commandLine().getErr());
    SampledHost sampled =
        efficiency
            ? sampling.withRates()
            : sampling.once("rates not measured: --efficiency samples refaults and writeback");
    Map<String, OptionalLong> settings = new LinkedHashMap<>();
    SETTINGS.forEach(name -> settings.put(name, tree.vmSetting(name)));
    CacheReport report = CacheReport.of(sampled, tree.slabinfo(), settings, tree.notes());
    PrintWriter out = spec.commandLine().getOut();
    out.print(
        host.json()
            ? CacheReportJson.line(report) + System.lineSeparator()
            : CacheReportText.report(report, terminal));
    out.flush();
    return report.finding() ? HostDiagnosisOptions.EXIT_FINDING : CommandLine.ExitCode.OK;
  }
}
