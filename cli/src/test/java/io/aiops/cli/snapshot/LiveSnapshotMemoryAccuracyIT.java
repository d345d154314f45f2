package io.aiops.cli.snapshot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.aiops.cli.AiopsCommand;
import io.aiops.cli.CapturedConsole;
import io.aiops.cli.LiveProcesses;
import io.aiops.collector.procfs.MappingTotals;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Snapshots this machine and checks every process's RSS against {@code ps -o rss}, read just before
 * and just after: the snapshot's figure must fall within 2 % of the range the two readings span.
 */
@ExtendWith(CapturedConsole.class)
class LiveSnapshotMemoryAccuracyIT {
  private static final double TOLERANCE = 0.02;
  // The build's stdout, taken before CapturedConsole swaps System.out for each test: the measured
  // figures belong in the build log, not in the captured command output.
  private static final PrintStream REPORT = System.out;

  @Test
  void everyProcessRssAgreesWithPs(@TempDir Path dir, CapturedConsole console) throws Exception {
    try (LiveProcesses live = new LiveProcesses()) {
      long jvm = live.idleJvm().pid();
      Path file = dir.resolve("now.json");
      Map<Integer, Long> before = psRssKb(currentPids());
      assertEquals(0, AiopsCommand.run("snapshot", "memory", "--output", file.toString()));
      MemorySnapshot snapshot = MemorySnapshotJson.read(file);
      Map<Integer, Long> after =
          psRssKb(snapshot.processes().stream().map(SnapshotProcess::pid).toList());
      int compared = 0;
      int vanished = 0;
      double worst = 0;
      List<String> failures = new ArrayList<>();
      for (SnapshotProcess p : snapshot.processes()) {
        Long b = before.get(p.pid());
        Long a = after.get(p.pid());
        if (b == null || a == null) {
          vanished++;
          continue;
        }
        compared++;
        double d = deviation(p.rssBytes() / 1024, b, a);
        worst = Math.max(worst, d);
        if (d > TOLERANCE) {
          failures.add(
              p.pid() + " " + p.comm() + ": " + p.rssBytes() / 1024 + " kB vs " + b + ".." + a);
        }
      }
      REPORT.printf(
          "LiveSnapshotMemoryAccuracyIT: RSS vs ps -o rss: %d processes compared, %d vanished"
              + " between the readings; largest deviation outside ps's range %.3f %%%n",
          compared, vanished, 100 * worst);
      assertTrue(compared > 0, "no process to compare");
      assertTrue(failures.isEmpty(), "RSS off by more than 2 %: " + failures);

      SnapshotProcess idle =
          snapshot.processes().stream().filter(p -> p.pid() == jvm).findFirst().orElseThrow();
      MappingTotals regions =
          idle.regions().values().stream().reduce(MappingTotals.NONE, MappingTotals::plus);
      double regionsVsStatus =
          Math.abs(regions.rssBytes() - idle.rssBytes()) / (double) idle.rssBytes();
      REPORT.printf(
          "  the idle JVM: regions' RSS %,d kB vs status VmRSS %,d kB (%.3f %%)%n",
          regions.rssBytes() / 1024, idle.rssBytes() / 1024, 100 * regionsVsStatus);
      assertTrue(regionsVsStatus <= TOLERANCE, "its smaps regions add up to its RSS");
    }
  }

  private static double deviation(long ours, long before, long after) {
    long low = Math.min(before, after);
    long high = Math.max(before, after);
    if (ours >= low && ours <= high) {
      return 0;
    }
    long nearest = ours < low ? low : high;
    return nearest == 0 ? Double.POSITIVE_INFINITY : Math.abs(ours - nearest) / (double) nearest;
  }

  private static List<Integer> currentPids() throws IOException {
    try (var entries = Files.list(Path.of("/proc"))) {
      return entries
          .map(e -> e.getFileName().toString())
          .filter(n -> n.chars().allMatch(Character::isDigit))
          .map(Integer::parseInt)
          .toList();
    }
  }

  /** ps's RSS (KiB) of the pids still alive. */
  private static Map<Integer, Long> psRssKb(List<Integer> pids) {
    String list = pids.stream().map(String::valueOf).collect(Collectors.joining(","));
    Map<Integer, Long> rss = new HashMap<>();
    for (String line : LiveProcesses.run("ps", "-o", "pid=,rss=", "-p", list).split("\n")) {
      String[] parts = line.trim().split("\\s+");
      if (parts.length == 2) {
        rss.put(Integer.parseInt(parts[0]), Long.parseLong(parts[1]));
      }
    }
    return rss;
  }
}
