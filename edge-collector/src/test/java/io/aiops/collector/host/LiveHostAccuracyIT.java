package io.aiops.collector.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.aiops.collector.Bracket;
import io.aiops.collector.FreeOutput;
import io.aiops.collector.ProcReference;
import io.aiops.collector.Procps;
import io.aiops.collector.procfs.ReadErrors;
import io.aiops.schemas.memory.HostMemorySample;
import io.aiops.schemas.memory.ProcessMemory;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
    Map<Integer, Long> psBefore = psRssBytes(ProcReference.currentPids());
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
      double deviation = new Bracket(before, after).deviation(p.getRssBytes());
      worst = Math.max(worst, deviation);
      double toNearer = new Bracket(before, after).toNearer(p.getRssBytes());
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
    Map<Integer, Long> statusBefore = ProcReference.vmSwapBytes(ProcReference.currentPids());
    HostMemorySample sample = everyProcess.sample(System.currentTimeMillis());
    List<Integer> sampled = sample.getProcesses().stream().map(ProcessMemory::getPid).toList();
    Map<Integer, Long> statusAfter = ProcReference.vmSwapBytes(sampled);
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
    double deviation = new Bracket(freeBefore.swapUsed(), freeAfter.swapUsed()).deviation(sum);
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

  private static void compare(
      String name, long ours, long before, long after, double tolerance, List<String> failures) {
    Bracket bracket = new Bracket(before, after);
    double deviation = bracket.deviation(ours);
    System.out.printf(
        "  %-14s ours %,d  free before %,d after %,d  from the nearer %.4f %%, outside the range"
            + " %.4f %%%n",
        name, ours, before, after, 100 * bracket.toNearer(ours), 100 * deviation);
    if (deviation > tolerance) {
      failures.add(name + " " + ours + " vs " + before + ".." + after);
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
}
