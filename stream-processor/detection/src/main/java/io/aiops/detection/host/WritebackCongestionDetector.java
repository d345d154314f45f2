package io.aiops.detection.host;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Writeback congestion: dirty and in-flight file pages piling up faster than the disks write them,
 * until writers are throttled.
 *
 * <p>The kernel measures dirty pages against dirtyable memory (MemFree + file LRU, less reserves).
 * Below the freerun ceiling, halfway between vm.dirty_background_ratio (10 %) and vm.dirty_ratio
 * (20 %), writers run free; above it balance_dirty_pages() throttles them, and at dirty_ratio they
 * wait for the disk. So, with the default ratios: (Dirty + Writeback) / (MemFree + Active(file) +
 * Inactive(file)) at or above 15 % warning, 20 % critical, held for 2 minutes of readings (a bulk
 * write reaches the ceiling by design; staying there means the device cannot keep up). Hosts with
 * vm.dirty_bytes or other ratios have other limits.
 */
public final class WritebackCongestionDetector {
  static final double WARNING_SHARE = 0.15;
  static final double CRITICAL_SHARE = 0.20;
  static final Duration SUSTAINED = Duration.ofMinutes(2);

  private final long maxGapMs;
  private SustainedSeverity state;

  public WritebackCongestionDetector() {
    this(SustainedSeverity.NONE);
  }

  /** Resumes from a state saved with {@link #state()}. */
  public WritebackCongestionDetector(SustainedSeverity restored) {
    this.state = Objects.requireNonNull(restored, "restored");
    this.maxGapMs = CounterRates.DEFAULT_MAX_INTERVAL.toMillis();
  }

  public SustainedSeverity state() {
    return state;
  }

  /** Dirty + Writeback as a share of dirtyable memory; 0 when nothing is dirtyable. */
  static double dirtyShare(MemInfo memory) {
    double dirtyable = dirtyableBytes(memory);
    return dirtyable <= 0 ? 0 : (memory.dirtyBytes() + memory.writebackBytes()) / dirtyable;
  }

  private static double dirtyableBytes(MemInfo memory) {
    return (double) memory.memFreeBytes() + memory.activeFileBytes() + memory.inactiveFileBytes();
  }

  /**
   * Takes the next reading of this host (in order); a reading more than 5 minutes after the last
   * restarts the count.
   */
  public Optional<HostFinding> observe(HostMemoryReading reading) {
    MemInfo memory = reading.memory();
    double share = dirtyShare(memory);
    Optional<Severity> now =
        share >= CRITICAL_SHARE
            ? Optional.of(Severity.CRITICAL)
            : share >= WARNING_SHARE ? Optional.of(Severity.WARNING) : Optional.empty();
    state = state.afterPoint(reading.timestampMs(), now, maxGapMs);
    Optional<Severity> held = state.heldFor(SUSTAINED);
    if (held.isEmpty()) {
      return Optional.empty();
    }
    Severity severity = held.get();
    double score = PiecewiseLinear.through(0, 0, WARNING_SHARE, 0.5, CRITICAL_SHARE, 1).at(share);
    long heldSeconds = state.heldMs(severity) / 1000;
    Map<String, Double> evidence = new LinkedHashMap<>();
    evidence.put("dirty_bytes", (double) memory.dirtyBytes());
    evidence.put("writeback_bytes", (double) memory.writebackBytes());
    evidence.put("dirtyable_bytes", dirtyableBytes(memory));
    evidence.put("dirty_share_ratio", share);
    evidence.put("sustained_seconds", (double) heldSeconds);
    String summary =
        Sizes.format(
            "writeback congestion (%s): %s dirty and %s under writeback, %s of dirtyable memory,"
                + " for %d s; writers are being throttled",
            severity.name().toLowerCase(Locale.ROOT),
            Sizes.bytes(memory.dirtyBytes()),
            Sizes.bytes(memory.writebackBytes()),
            Sizes.percent(share),
            heldSeconds);
    return Optional.of(
        new HostFinding(HostFindingKind.WRITEBACK_CONGESTION, severity, score, summary, evidence));
  }
}
