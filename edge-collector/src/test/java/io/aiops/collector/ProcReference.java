package io.aiops.collector;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * This host's /proc read the plainest way, without the collector's readers: the reference that live
 * tests compare the readers' figures with.
 */
public final class ProcReference {
  private static final Pattern VM_SWAP =
      Pattern.compile("^VmSwap:\\s+(\\d+) kB$", Pattern.MULTILINE);

  private ProcReference() {}

  /** The pids listed under /proc now. */
  public static List<Integer> currentPids() {
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

  /**
   * VmSwap of each pid straight from its status file, in bytes (0 without the line); absent when
   * gone.
   */
  public static Map<Integer, Long> vmSwapBytes(List<Integer> pids) {
    Map<Integer, Long> swap = new HashMap<>();
    for (int pid : pids) {
      try {
        Matcher m = VM_SWAP.matcher(Files.readString(Path.of("/proc", pid + "", "status")));
        swap.put(pid, m.find() ? Long.parseLong(m.group(1)) * 1024 : 0L);
      } catch (IOException gone) {
        // exited between the readings: skipped
      }
    }
    return swap;
  }

  /** The sum of every process's VmSwap now, in bytes. */
  public static long vmSwapSumBytes() {
    return vmSwapBytes(currentPids()).values().stream().mapToLong(Long::longValue).sum();
  }

  /** Every counter of /proc/vmstat now. */
  public static Map<String, Long> vmstat() {
    Map<String, Long> counters = new HashMap<>();
    try {
      for (String line : Files.readAllLines(Path.of("/proc/vmstat"))) {
        String[] parts = line.split(" ");
        counters.put(parts[0], Long.parseLong(parts[1]));
      }
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    return counters;
  }
}
