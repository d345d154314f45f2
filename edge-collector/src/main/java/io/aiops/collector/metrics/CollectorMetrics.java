package io.aiops.collector.metrics;

/**
 * The collector's own counters: sampling rounds, their duration, processes per sample and OOM kills
 * seen. Written by the sampling thread (and the OOM watcher), read by scrapes.
 */
public final class CollectorMetrics {
  private long samplesTaken;
  private long failedRounds;
  private long durationSumNanos;
  private long roundCount;
  private long lastDurationNanos;
  private int processesSampled;
  private long oomKills;

  /** A round that produced a sample of this many processes. */
  public synchronized void recordSample(long durationNanos, int processes) {
    samplesTaken++;
    processesSampled = processes;
    recordDuration(durationNanos);
  }

  /** A round that failed (e.g. /proc/meminfo unreadable); it still took time. */
  public synchronized void recordFailedRound(long durationNanos) {
    failedRounds++;
    recordDuration(durationNanos);
  }

  public synchronized void recordOomKill() {
    oomKills++;
  }

  public synchronized Snapshot snapshot() {
    return new Snapshot(
        samplesTaken,
        failedRounds,
        durationSumNanos / 1e9,
        roundCount,
        lastDurationNanos / 1e9,
        processesSampled,
        oomKills);
  }

  private void recordDuration(long durationNanos) {
    durationSumNanos += durationNanos;
    roundCount++;
    lastDurationNanos = durationNanos;
  }

  /** The counters at one instant, consistent with each other. */
  public record Snapshot(
      long samplesTaken,
      long failedRounds,
      double durationSumSeconds,
      long roundCount,
      double lastDurationSeconds,
      int processesSampled,
      long oomKills) {}
}
