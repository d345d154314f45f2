package io.aiops.cli.health;

import io.aiops.cli.host.SampledHost;
import io.aiops.collector.procfs.Meminfo;
import io.aiops.detection.host.HealthFactor;
import io.aiops.detection.host.HostHealthScore;
import io.aiops.detection.host.HostHealthSignals;
import io.aiops.detection.host.RiskLevel;
import java.util.List;

/**
 * A host's memory health: the host library's score over what was sampled, every factor with its
 * observation, and the free(1) figures it rests on.
 *
 * @param sampled the readings and rates
 * @param signals the score's inputs
 * @param score 0–100, risk and the factors that cost points, worst first
 * @param everyFactor all six factors in factor order, healthy ones too
 * @param notes what could not be read, one line each
 */
record MemoryHealth(
    SampledHost sampled,
    HostHealthSignals signals,
    HostHealthScore score,
    List<HealthFactor> everyFactor,
    List<String> notes) {

  private static final String OOM_KILL = "oom_kill";

  static MemoryHealth of(SampledHost sampled, List<String> notes) {
    HostHealthSignals signals =
        HostHealthSignals.from(sampled.later().toReading(), sampled.rates());
    return new MemoryHealth(
        sampled,
        signals,
        HostHealthScore.of(signals),
        HostHealthScore.everyFactor(signals),
        List.copyOf(notes));
  }

  /**
   * A warning or critical risk is a finding, and so is a process the kernel killed for memory
   * during the interval, whatever the score: a cgroup's limit can be hit on a healthy host.
   */
  boolean finding() {
    return score.risk() == RiskLevel.WARNING
        || score.risk() == RiskLevel.CRITICAL
        || (oomKillsInInterval() != null && oomKillsInInterval() > 0);
  }

  /** OOM kills since boot (vmstat oom_kill, 4.13+); null when the kernel does not count them. */
  Long oomKillsSinceBoot() {
    return sampled.later().counter(OOM_KILL);
  }

  /** OOM kills between the two readings; null without an earlier reading or the counter. */
  Long oomKillsInInterval() {
    Long before = sampled.earlier().map(e -> e.counter(OOM_KILL)).orElse(null);
    Long after = oomKillsSinceBoot();
    return before == null || after == null || after < before ? null : after - before;
  }

  long memTotalBytes() {
    return meminfo().bytes("MemTotal");
  }

  long memAvailableBytes() {
    return meminfo().availableBytes();
  }

  /** Total − available: what free(1) from procps-ng 4.0.1 on prints as used. */
  long memUsedBytes() {
    return memTotalBytes() - memAvailableBytes();
  }

  long memFreeBytes() {
    return meminfo().bytes("MemFree");
  }

  long swapTotalBytes() {
    return meminfo().bytes("SwapTotal");
  }

  long swapUsedBytes() {
    return swapTotalBytes() - meminfo().bytes("SwapFree");
  }

  private Meminfo meminfo() {
    return sampled.later().meminfo();
  }
}
