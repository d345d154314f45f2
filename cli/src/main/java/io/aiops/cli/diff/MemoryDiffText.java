package io.aiops.cli.diff;

import io.aiops.cli.render.ByteSize;
import io.aiops.cli.render.DurationText;
import io.aiops.cli.render.Terminal;
import io.aiops.cli.snapshot.SnapshotProcess;
import io.aiops.collector.procfs.MappingKind;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The report a person reads about what changed between two memory snapshots. */
final class MemoryDiffText {
  static final int ROWS = 20;
  private static final int HOST_FIELDS = 8;
  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);
  private static final String CHANGE_ROW = "  %-8s %-16s %10s %10s %10s %10s %10s  %s%n";
  private static final String PROCESS_ROW = "  %-8s %-16s %10s %10s  %s%n";

  private MemoryDiffText() {}

  static String report(MemoryDiff diff, long thresholdBytes, Terminal terminal) {
    StringBuilder out = new StringBuilder();
    long intervalMs = diff.after().takenAtMs() - diff.before().takenAtMs();
    out.append(
        terminal.bold(
            String.format(
                Locale.ROOT,
                "memory of %s, %s to %s (%s%s)",
                diff.after().hostname(),
                TIME.format(Instant.ofEpochMilli(diff.before().takenAtMs())),
                TIME.format(Instant.ofEpochMilli(diff.after().takenAtMs())),
                DurationText.format(Duration.ofMillis(Math.abs(intervalMs))),
                intervalMs < 0 ? ", snapshot2 is the older one" : " apart")));
    out.append('\n');
    if (!diff.sameBoot()) {
      out.append(
          terminal.warn(
              "the host rebooted between the snapshots (boot id changed): no process is in"
                  + " both"));
      out.append('\n');
    }
    out.append("host     ").append(host(diff)).append('\n');
    changes(out, diff, thresholdBytes, terminal);
    processes(out, "NEW PROCESSES", diff.started(), terminal);
    processes(out, "GONE PROCESSES", diff.ended(), terminal);
    out.append('\n');
    List<ProcessChange> grew = diff.grewMoreThan(thresholdBytes);
    if (grew.isEmpty()) {
      out.append("no process grew by more than ").append(ByteSize.format(thresholdBytes));
    } else {
      List<String> names = new ArrayList<>();
      for (ProcessChange c : grew) {
        names.add(c.after().comm() + " (pid " + c.after().pid() + ") " + signed(c.rssDeltaBytes()));
      }
      out.append(
          terminal.alarm(
              "grew by more than "
                  + ByteSize.format(thresholdBytes)
                  + ": "
                  + String.join(", ", names)));
    }
    return out.append('\n').toString();
  }

  private static String host(MemoryDiff diff) {
    List<String> parts = new ArrayList<>();
    for (MemoryDiff.MeminfoChange c : diff.meminfo()) {
      if (c.delta() == 0 || parts.size() == HOST_FIELDS) {
        continue;
      }
      parts.add(
          c.field()
              + " "
              + (c.field().startsWith("HugePages_")
                  ? String.format(Locale.ROOT, "%+d", c.delta())
                  : signed(c.delta())));
    }
    return parts.isEmpty() ? "meminfo unchanged" : String.join(", ", parts);
  }

  private static void changes(
      StringBuilder out, MemoryDiff diff, long thresholdBytes, Terminal terminal) {
    List<ProcessChange> changed =
        diff.changes().stream()
            .filter(c -> c.rssDeltaBytes() != 0 || c.swapDeltaBytes() != 0)
            .toList();
    out.append('\n')
        .append(
            terminal.bold(
                "PROCESSES IN BOTH, largest change first ("
                    + changed.size()
                    + " of "
                    + diff.changes().size()
                    + " changed)"))
        .append('\n');
    if (changed.isEmpty()) {
      return;
    }
    out.append(
        String.format(
            Locale.ROOT,
            CHANGE_ROW,
            "PID",
            "COMM",
            "RSS BEFORE",
            "RSS AFTER",
            "RSS",
            "PSS",
            "SWAP",
            "REGIONS (RSS)"));
    for (ProcessChange c : changed.subList(0, Math.min(ROWS, changed.size()))) {
      String row =
          String.format(
              Locale.ROOT,
              CHANGE_ROW,
              c.after().pid(),
              c.after().comm(),
              ByteSize.format(c.before().rssBytes()),
              ByteSize.format(c.after().rssBytes()),
              signed(c.rssDeltaBytes()),
              c.pssDeltaBytes() == null ? "-" : signed(c.pssDeltaBytes()),
              signed(c.swapDeltaBytes()),
              regions(c.regions()));
      out.append(c.rssDeltaBytes() > thresholdBytes ? terminal.alarm(row) : row);
    }
    if (changed.size() > ROWS) {
      out.append("  ... ")
          .append(changed.size() - ROWS)
          .append(" more (--format json lists all)\n");
    }
  }

  private static String regions(Map<MappingKind, ProcessChange.RegionChange> regions) {
    if (regions.isEmpty()) {
      return "-";
    }
    List<String> parts = new ArrayList<>();
    regions.entrySet().stream()
        .filter(e -> e.getValue().rssDeltaBytes() != 0)
        .sorted(
            (a, b) ->
                Long.compare(
                    Math.abs(b.getValue().rssDeltaBytes()), Math.abs(a.getValue().rssDeltaBytes())))
        .limit(3)
        .forEach(
            e -> parts.add(e.getKey().jsonName() + " " + signed(e.getValue().rssDeltaBytes())));
    return parts.isEmpty() ? "unchanged" : String.join(", ", parts);
  }

  private static void processes(
      StringBuilder out, String title, List<SnapshotProcess> processes, Terminal terminal) {
    out.append('\n')
        .append(terminal.bold(title + " (" + processes.size() + "), largest first"))
        .append('\n');
    if (processes.isEmpty()) {
      return;
    }
    out.append(String.format(Locale.ROOT, PROCESS_ROW, "PID", "COMM", "RSS", "SWAP", "COMMAND"));
    for (SnapshotProcess p : processes.subList(0, Math.min(ROWS, processes.size()))) {
      String command =
          p.cmdline().length() > 60 ? p.cmdline().substring(0, 57) + "..." : p.cmdline();
      out.append(
          String.format(
              Locale.ROOT,
              PROCESS_ROW,
              p.pid(),
              p.comm(),
              ByteSize.format(p.rssBytes()),
              ByteSize.format(p.swapBytes()),
              command));
    }
    if (processes.size() > ROWS) {
      out.append("  ... ").append(processes.size() - ROWS).append(" more\n");
    }
  }

  private static String signed(long bytes) {
    return bytes > 0 ? "+" + ByteSize.format(bytes) : ByteSize.format(bytes);
  }
}
