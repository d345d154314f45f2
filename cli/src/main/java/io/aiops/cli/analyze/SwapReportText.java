package io.aiops.cli.analyze;

import static io.aiops.cli.render.LabelledLines.line;
import static io.aiops.cli.render.LabelledLines.list;

import io.aiops.cli.render.ByteSize;
import io.aiops.cli.render.Terminal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;

/** The swap report a person reads: how full, how fast, who holds it, what to do. */
final class SwapReportText {
  private SwapReportText() {}

  static String report(SwapReport r, boolean withProcesses, Terminal terminal) {
    StringBuilder out = new StringBuilder();
    out.append(
        String.format(
            Locale.ROOT, "Swap of %s: %s%s%n", r.sampled().subject(), state(r, terminal), over(r)));
    line(out, "swap", space(r));
    line(out, "swap in", rate(r.swapInPagesPerSecond(), r.swapInBytesPerSecond()));
    line(out, "swap out", rate(r.swapOutPagesPerSecond(), r.swapOutBytesPerSecond()));
    line(
        out,
        "storm lines",
        ByteSize.format(r.stormWarningBytesPerSecond())
            + "/s both ways is a warning, "
            + ByteSize.format(r.stormCriticalBytesPerSecond())
            + "/s critical (the detector also wants 2 minutes of it)"
            + majorFaults(r));
    line(
        out,
        "swappiness",
        r.swappiness().isPresent() ? Long.toString(r.swappiness().getAsLong()) : "unknown");
    line(out, "processes", processesSummary(r));
    if (withProcesses) {
      table(out, r, terminal);
    }
    list(out, "what to do", SwapAdvice.nextSteps(r));
    List<String> notes = new ArrayList<>();
    if (r.sampled().ratesNote() != null) {
      notes.add(r.sampled().ratesNote());
    }
    notes.addAll(r.notes());
    if (!withProcesses && !r.processes().isEmpty()) {
      notes.add("--processes lists them, with each one's share of the swap in use");
    }
    list(out, "notes", notes);
    return out.toString();
  }

  private static String state(SwapReport r, Terminal terminal) {
    if (r.swapTotalBytes() == 0) {
      return "no swap";
    }
    String storm = SwapReportJson.storm(r);
    if (storm == null) {
      return "rates unavailable";
    }
    return switch (storm) {
      case "critical" -> terminal.alarm("SWAP STORM (critical)");
      case "warning" -> terminal.warn("SWAP STORM (warning)");
      default -> terminal.ok("no storm");
    };
  }

  private static String over(SwapReport r) {
    OptionalDouble seconds = r.sampled().intervalSeconds();
    return seconds.isPresent()
        ? String.format(Locale.ROOT, " (rates over %.1f s)", seconds.getAsDouble())
        : "";
  }

  private static String space(SwapReport r) {
    if (r.swapTotalBytes() == 0) {
      return "none configured (SwapTotal 0)";
    }
    return String.format(
        Locale.ROOT,
        "%s of %s used (%.0f %%); %s of it also in RAM (swap cache)",
        ByteSize.format(r.swapUsedBytes()),
        ByteSize.format(r.swapTotalBytes()),
        100.0 * r.swapUsedBytes() / r.swapTotalBytes(),
        ByteSize.format(r.swapCachedBytes()));
  }

  private static String rate(OptionalDouble pages, OptionalDouble bytes) {
    if (pages.isEmpty() || bytes.isEmpty()) {
      return "unknown";
    }
    return String.format(
        Locale.ROOT,
        "%.0f pages/s, %s/s",
        pages.getAsDouble(),
        ByteSize.format(bytes.getAsDouble()));
  }

  private static String majorFaults(SwapReport r) {
    return r.majorFaultsPerSecond().isPresent()
        ? String.format(
            Locale.ROOT,
            "; %.0f major faults/s (swap-ins and file reads)",
            r.majorFaultsPerSecond().getAsDouble())
        : "";
  }

  private static String processesSummary(SwapReport r) {
    String text =
        String.format(
            Locale.ROOT,
            "%s in the VmSwap of %d of %d processes",
            ByteSize.format(r.processesSwapBytes()),
            r.processes().size(),
            r.processesRead());
    if (r.swapUsedBytes() > 0) {
      text +=
          String.format(
              Locale.ROOT,
              ", %.0f %% of the swap in use",
              100.0 * r.processesSwapBytes() / r.swapUsedBytes());
    }
    return text;
  }

  private static void table(StringBuilder out, SwapReport r, Terminal terminal) {
    List<ProcessSwap> listed = r.listed();
    out.append(
        terminal.bold(
            String.format(
                Locale.ROOT,
                "  %8s  %-16s %10s %7s %10s%n",
                "PID",
                "COMM",
                "SWAP",
                "SHARE",
                "RSS")));
    for (ProcessSwap p : listed) {
      out.append(
          String.format(
              Locale.ROOT,
              "  %8d  %-16s %10s %6.1f%% %10s%n",
              p.pid(),
              p.comm(),
              ByteSize.format(p.swapBytes()),
              100 * p.shareOfSwapUsedRatio(),
              ByteSize.format(p.rssBytes())));
    }
    int hidden = r.processes().size() - listed.size();
    if (hidden > 0) {
      out.append(
          String.format(
              Locale.ROOT,
              "  (%d more below %.1f %% of the swap in use: --threshold 0 lists them)%n",
              hidden,
              100 * r.thresholdRatio()));
    } else if (listed.isEmpty()) {
      out.append("  (no process has memory in swap)\n");
    }
  }
}
