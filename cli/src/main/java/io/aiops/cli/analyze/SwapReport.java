package io.aiops.cli.analyze;

import io.aiops.cli.host.SampledHost;
import io.aiops.collector.procfs.Meminfo;
import io.aiops.collector.procfs.ProcessReading;
import io.aiops.detection.host.HostRates;
import io.aiops.detection.host.Severity;
import io.aiops.detection.host.SwapStormDetector;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.function.Function;

/**
 * Where a host's swap is and how fast it moves: swap in use, the processes holding it (VmSwap),
 * swap-in and swap-out rates, and whether that is a storm.
 *
 * @param sampled the readings and rates
 * @param processes every process with swapped memory, most first
 * @param processesRead how many processes were read (with or without swap)
 * @param swappiness vm.swappiness; empty when unreadable
 * @param thresholdRatio only processes holding at least this share of the swap in use are listed
 * @param notes what could not be read
 */
record SwapReport(
    SampledHost sampled,
    List<ProcessSwap> processes,
    int processesRead,
    OptionalLong swappiness,
    double thresholdRatio,
    List<String> notes) {

  static SwapReport of(
      SampledHost sampled,
      List<ProcessReading> readings,
      OptionalLong swappiness,
      double thresholdRatio,
      List<String> notes) {
    Meminfo m = sampled.later().meminfo();
    long used = m.bytes("SwapTotal") - m.bytes("SwapFree");
    List<ProcessSwap> swapped =
        readings.stream()
            .filter(p -> p.status().swapBytes() > 0)
            .map(
                p ->
                    new ProcessSwap(
                        p.pid(),
                        p.comm(),
                        p.status().swapBytes(),
                        p.rssBytes(),
                        used > 0 ? (double) p.status().swapBytes() / used : 0))
            .sorted(
                Comparator.comparingLong(ProcessSwap::swapBytes)
                    .reversed()
                    .thenComparingInt(ProcessSwap::pid))
            .toList();
    return new SwapReport(
        sampled, swapped, readings.size(), swappiness, thresholdRatio, List.copyOf(notes));
  }

  long memTotalBytes() {
    return meminfo().bytes("MemTotal");
  }

  long swapTotalBytes() {
    return meminfo().bytes("SwapTotal");
  }

  long swapFreeBytes() {
    return meminfo().bytes("SwapFree");
  }

  /** SwapTotal − SwapFree: swap slots in use, what free(1) prints as swap used. */
  long swapUsedBytes() {
    return swapTotalBytes() - swapFreeBytes();
  }

  /** SwapCached: pages both in RAM and in swap (read back, not yet changed). */
  long swapCachedBytes() {
    return meminfo().bytes("SwapCached");
  }

  /** The sum of every process's VmSwap, listed or not. */
  long processesSwapBytes() {
    return processes.stream().mapToLong(ProcessSwap::swapBytes).sum();
  }

  /** The processes at or above the threshold, most first. */
  List<ProcessSwap> listed() {
    return processes.stream().filter(p -> p.shareOfSwapUsedRatio() >= thresholdRatio).toList();
  }

  long pageSizeBytes() {
    return sampled.later().pageSizeBytes();
  }

  OptionalDouble swapInPagesPerSecond() {
    return rate(HostRates::swapInPagesPerSecond);
  }

  OptionalDouble swapOutPagesPerSecond() {
    return rate(HostRates::swapOutPagesPerSecond);
  }

  OptionalDouble swapInBytesPerSecond() {
    return rate(HostRates::swapInBytesPerSecond);
  }

  OptionalDouble swapOutBytesPerSecond() {
    return rate(HostRates::swapOutBytesPerSecond);
  }

  OptionalDouble majorFaultsPerSecond() {
    return rate(HostRates::majorFaultsPerSecond);
  }

  /** pswpin since boot at the last reading (pages), null when vmstat has none. */
  Long swapInPagesTotal() {
    return sampled.later().counter("pswpin");
  }

  Long swapOutPagesTotal() {
    return sampled.later().counter("pswpout");
  }

  double stormWarningBytesPerSecond() {
    return SwapStormDetector.warningBytesPerSecond(memTotalBytes());
  }

  double stormCriticalBytesPerSecond() {
    return SwapStormDetector.criticalBytesPerSecond(memTotalBytes());
  }

  /**
   * A swap storm over the sampled interval: swap-in and swap-out both at the swap storm detector's
   * lines. The detector also wants 2 minutes of it; a diagnosis of a few seconds reports what it
   * saw and says over how long.
   */
  Optional<Severity> storm() {
    if (swapInBytesPerSecond().isEmpty() || swapOutBytesPerSecond().isEmpty()) {
      return Optional.empty();
    }
    double bothWays =
        Math.min(swapInBytesPerSecond().getAsDouble(), swapOutBytesPerSecond().getAsDouble());
    if (bothWays >= stormCriticalBytesPerSecond()) {
      return Optional.of(Severity.CRITICAL);
    }
    return bothWays >= stormWarningBytesPerSecond()
        ? Optional.of(Severity.WARNING)
        : Optional.empty();
  }

  private OptionalDouble rate(Function<HostRates, OptionalDouble> which) {
    return sampled.rates().map(which).orElse(OptionalDouble.empty());
  }

  private Meminfo meminfo() {
    return sampled.later().meminfo();
  }
}
