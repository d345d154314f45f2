package io.aiops.collector.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.aiops.collector.FreeOutput;
import io.aiops.collector.Procps;
import io.aiops.collector.procfs.ReadErrors;
import io.aiops.schemas.memory.HostMemorySample;
import io.aiops.schemas.memory.ProcessMemory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Samples this machine and checks the figures against procps ({@code free}, {@code ps}) and the
 * kernel's own status files. Each reference is read just before and just after the sample, and the
 * sample must fall within the tolerance of that bracket: memory moves while other processes run.
 */
class LiveHostAccuracyIT {
  private static final double MEMINFO_TOLERANCE = 0.01;
  private static final double RSS_TOLERANCE = 0.02;
  private static final double SWAP_SUM_TOLERANCE = 0.05;
  private static final int MEMINFO_ATTEMPTS = 3;

  private final HostSampler everyProcess =
      new HostSampler(
          HostPaths.live(), new ProcessSelection(0, Integer.MAX_VALUE), new ReadErrors());

  @Test
  void totalAvailableAndUsedAgreeWithFree() {
    FreeOutput.Version version = FreeOutput.version();
    System.out.printf("LiveHostAccuracyIT: %s, used = %s%n", version, version.usedDefinition());
    List<String> failures = new ArrayList<>();
    for (int attempt = 1; attempt <= MEMINFO_ATTEMPTS; attempt++) {
      FreeOutput before = FreeOutput.now();
      HostMemorySample sample = everyProcess.sample(System.currentTimeMillis());
      FreeOutput after = FreeOutput.now();
      failures.clear();
      long total = sample.getMemTotalBytes();
      long available = sample.getMemAvailableBytes();
      long used =
          version.used(
              total,
              sample.getMemFreeBytes(),
              sample.getBuffersBytes(),
              sample.getCachedBytes(),
              sample.getSlabReclaimableBytes(),
              available);
      compare("mem total", total, before.memTotal(), after.memTotal(), MEMINFO_TOLERANCE, failures);
      compare(
          "mem available",
          available,
          before.available(),
          after.available(),
          MEMINFO_TOLERANCE,
          failures);
      compare("mem used", used, before.used(), after.used(), MEMINFO_TOLERANCE, failures);
      if (failures.isEmpty()) {
        return;
      }
      System.out.printf("  attempt %d of %d off: %s%n", attempt, MEMINFO_ATTEMPTS, failures);
    }
    fail("meminfo disagrees with free in every attempt: " + failures);
  }

  @Test
  void everySampledProcessRssAgreesWithPs() {
    Map<Integer, Long> psBefore = psRssBytes(currentPids());
    HostMemorySample sample = everyProcess.sample(System.currentTimeMillis());
    List<Integer> sampled = sample.getProcesses().stream().map(ProcessMemory::getPid).toList();
    Map<Integer, Long> psAfter = psRssBytes(sampled);
    int compared = 0;
    int vanished = 0;
    double worst = 0;
    double worstToNearer = 0;
    String worstProcess = "-";
    List<String> failures = new ArrayList<>();
    for (ProcessMemory p : sample.getProcesses()) {
      Long before = psBefore.get(p.getPid());
      Long after = psAfter.get(p.getPid());
      if (before == null || after == null) {
        vanished++;
        continue;
      }
      compared++;
      double deviation = deviation(p.getRssBytes(), before, after);
      worst = Math.max(worst, deviation);
      double toNearer = toNearer(p.getRssBytes(), before, after);
      if (toNearer > worstToNearer) {
        worstToNearer = toNearer;
        worstProcess = p.getPid() + " " + p.getComm();
      }
      if (deviation > RSS_TOLERANCE) {
        failures.add(
            p.getPid()
                + " "
                + p.getComm()
                + ": "
                + p.getRssBytes()
                + " vs ps "
                + before
                + ".."
                + after);
      }
    }
    System.out.printf(
        "  RSS vs ps: %d processes compared, %d vanished between the readings; largest difference"
            + " from the nearer ps reading %.3f %% (%s), outside the before..after range %.3f %%%n",
        compared, vanished, 100 * worstToNearer, worstProcess, 100 * worst);
    assertTrue(compared > 0, "no process to compare");
    assertTrue(failures.isEmpty(), "RSS off by more than 2 %: " + failures);
  }

  @Test
  void swapOfEveryProcessEqualsVmSwapAndSumsToFreesSwapUsed() {
    FreeOutput freeBefore = FreeOutput.now();
    Map<Integer, Long> statusBefore = vmSwapBytes(currentPids());
    HostMemorySample sample = everyProcess.sample(System.currentTimeMillis());
    List<Integer> sampled = sample.getProcesses().stream().map(ProcessMemory::getPid).toList();
    Map<Integer, Long> statusAfter = vmSwapBytes(sampled);
    FreeOutput freeAfter = FreeOutput.now();

    int compared = 0;
    long sum = 0;
    List<String> failures = new ArrayList<>();
    for (ProcessMemory p : sample.getProcesses()) {
      sum += p.getSwapBytes();
      Long before = statusBefore.get(p.getPid());
      Long after = statusAfter.get(p.getPid());
      if (before == null || after == null) {
        continue;
      }
      compared++;
      if (p.getSwapBytes() < Math.min(before, after)
          || p.getSwapBytes() > Math.max(before, after)) {
        failures.add(p.getPid() + ": " + p.getSwapBytes() + " vs VmSwap " + before + ".." + after);
      }
    }
    assertTrue(failures.isEmpty(), "swap_bytes differs from VmSwap: " + failures);
    if (sample.getSwapTotalBytes() == 0) {
      System.out.printf(
          "  swap: this machine has no swap; %d processes' swap_bytes equal VmSwap (all 0),"
              + " sum %d, free's swap used %d%n",
          compared, sum, freeAfter.swapUsed());
      assertEquals(0, sum, "no swap, yet processes report swapped memory");
      assertEquals(0, freeBefore.swapUsed());
      assertEquals(0, freeAfter.swapUsed());
      return;
    }
    double deviation = deviation(sum, freeBefore.swapUsed(), freeAfter.swapUsed());
    System.out.printf(
        "  swap: %d processes' swap_bytes equal VmSwap; sum %d vs free's swap used %d..%d:"
            + " deviation %.2f %%%n",
        compared, sum, freeBefore.swapUsed(), freeAfter.swapUsed(), 100 * deviation);
    assertTrue(
        deviation <= SWAP_SUM_TOLERANCE,
        "sum of process swap "
            + sum
            + " vs free's "
            + freeAfter.swapUsed()
            + " (shmem and swap"
            + " cache count in free's figure and in no process's)");
  }

  /** Relative distance of a figure from the range two reference readings span (0 inside it). */
  private static double deviation(long ours, long before, long after) {
    long low = Math.min(before, after);
    long high = Math.max(before, after);
    if (ours >= low && ours <= high) {
      return 0;
    }
    long nearest = ours < low ? low : high;
    return nearest == 0 ? Double.POSITIVE_INFINITY : Math.abs(ours - nearest) / (double) nearest;
  }

  /** Relative difference from whichever reading is closer. */
  private static double toNearer(long ours, long before, long after) {
    long nearer = Math.abs(ours - before) <= Math.abs(ours - after) ? before : after;
    return nearer == 0
        ? (ours == 0 ? 0 : Double.POSITIVE_INFINITY)
        : Math.abs(ours - nearer) / (double) nearer;
  }

  private static void compare(
      String name, long ours, long before, long after, double tolerance, List<String> failures) {
    double deviation = deviation(ours, before, after);
    System.out.printf(
        "  %-14s ours %,d  free before %,d after %,d  from the nearer %.4f %%, outside the range"
            + " %.4f %%%n",
        name, ours, before, after, 100 * toNearer(ours, before, after), 100 * deviation);
    if (deviation > tolerance) {
      failures.add(name + " " + ours + " vs " + before + ".." + after);
    }
  }

  private static List<Integer> currentPids() {
    try (var entries = Files.list(Path.of("/proc"))) {
      return entries
          .map(e -> e.getFileName().toString())
          .filter(n -> n.chars().allMatch(Character::isDigit))
          .map(Integer::parseInt)
          .toList();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** ps's RSS (KiB) of the pids still alive, in bytes. */
  private static Map<Integer, Long> psRssBytes(List<Integer> pids) {
    String list = pids.stream().map(String::valueOf).collect(Collectors.joining(","));
    Map<Integer, Long> rss = new HashMap<>();
    for (String line : Procps.run("ps", "-o", "pid=,rss=", "-p", list).split("\n")) {
      String[] parts = line.trim().split("\\s+");
      if (parts.length == 2) {
        rss.put(Integer.parseInt(parts[0]), Long.parseLong(parts[1]) * 1024);
      }
    }
    return rss;
  }

  /** VmSwap of each pid read straight from its status file, in bytes; absent when gone. */
  private static Map<Integer, Long> vmSwapBytes(List<Integer> pids) {
    Pattern vmSwap = Pattern.compile("^VmSwap:\\s+(\\d+) kB$", Pattern.MULTILINE);
    Map<Integer, Long> swap = new HashMap<>();
    for (int pid : pids) {
      try {
        Matcher m = vmSwap.matcher(Files.readString(Path.of("/proc", pid + "", "status")));
        swap.put(pid, m.find() ? Long.parseLong(m.group(1)) * 1024 : 0L);
      } catch (IOException gone) {
        // exited between the readings: skipped
      }
    }
    return swap;
  }
}
