package io.aiops.detection.host;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Swap storms: pages going out to swap and coming back in at the same time, sustained. Either
 * direction alone is ordinary (kswapd parking cold anon pages; pages returning after a squeeze);
 * both at once means the working set does not fit and tasks wait on swap-in major faults.
 *
 * <p>Thresholds per direction, relative to RAM because a bigger host has more CPUs and queues over
 * which the same fault rate stalls a smaller share of the work: warning at max(1 MiB/s, 0.01 % of
 * MemTotal per second), critical at max(10 MiB/s, 0.1 % of MemTotal per second); either held for 2
 * minutes of contiguous rate intervals. 1 MiB/s is 256 swap-ins a second of 4 KiB pages, each a
 * blocked task; on a 16 GiB host the warning is 1.6 MiB/s and the critical 16 MiB/s (the whole RAM
 * cycled through swap in under 20 minutes). Major faults per second are evidence, not a condition:
 * they also count file reads (the common "HostMemoryUnderMemoryPressure" rule alerts at 1000/s for
 * 2 minutes on them alone).
 */
public final class SwapStormDetector {
  static final Duration SUSTAINED = Duration.ofMinutes(2);
  private static final double MIB = 1 << 20;
  private static final double WARNING_FLOOR_BYTES_PER_SECOND = 1 * MIB;
  private static final double CRITICAL_FLOOR_BYTES_PER_SECOND = 10 * MIB;
  private static final double WARNING_SHARE_OF_RAM_PER_SECOND = 0.0001;
  private static final double CRITICAL_SHARE_OF_RAM_PER_SECOND = 0.001;

  private SustainedSeverity state;

  public SwapStormDetector() {
    this(SustainedSeverity.NONE);
  }

  /** Resumes from a state saved with {@link #state()}. */
  public SwapStormDetector(SustainedSeverity restored) {
    this.state = Objects.requireNonNull(restored, "restored");
  }

  public SustainedSeverity state() {
    return state;
  }

  /** Swap-in and swap-out each at this rate or more is a storm at warning level, once held. */
  public static double warningBytesPerSecond(long memTotalBytes) {
    return Math.max(
        WARNING_FLOOR_BYTES_PER_SECOND, WARNING_SHARE_OF_RAM_PER_SECOND * memTotalBytes);
  }

  /** Swap-in and swap-out each at this rate or more is a critical storm, once held. */
  public static double criticalBytesPerSecond(long memTotalBytes) {
    return Math.max(
        CRITICAL_FLOOR_BYTES_PER_SECOND, CRITICAL_SHARE_OF_RAM_PER_SECOND * memTotalBytes);
  }

  /**
   * Takes the next rate interval of this host and reports a storm once one has held for 2 minutes.
   * Intervals must come in order; one that does not start where the last ended restarts the count.
   */
  public Optional<HostFinding> observe(HostRates rates, long memTotalBytes) {
    double warning = warningBytesPerSecond(memTotalBytes);
    double critical = criticalBytesPerSecond(memTotalBytes);
    OptionalDouble in = rates.swapInBytesPerSecond();
    OptionalDouble out = rates.swapOutBytesPerSecond();
    double bothWays =
        in.isPresent() && out.isPresent() ? Math.min(in.getAsDouble(), out.getAsDouble()) : 0;
    Optional<Severity> now =
        bothWays >= critical
            ? Optional.of(Severity.CRITICAL)
            : bothWays >= warning ? Optional.of(Severity.WARNING) : Optional.empty();
    state = state.afterInterval(rates.fromMs(), rates.toMs(), now);

    Optional<Severity> held = state.heldFor(SUSTAINED);
    if (held.isEmpty()) {
      return Optional.empty();
    }
    Severity severity = held.get();
    double score = PiecewiseLinear.through(0, 0, warning, 0.5, critical, 1).at(bothWays);
    long heldSeconds = state.heldMs(severity) / 1000;

    Map<String, Double> evidence = new LinkedHashMap<>();
    evidence.put("swap_in_bytes_per_second", in.getAsDouble());
    evidence.put("swap_out_bytes_per_second", out.getAsDouble());
    evidence.put("swap_in_pages_per_second", rates.swapInPagesPerSecond().getAsDouble());
    evidence.put("swap_out_pages_per_second", rates.swapOutPagesPerSecond().getAsDouble());
    rates.majorFaultsPerSecond().ifPresent(f -> evidence.put("major_faults_per_second", f));
    evidence.put("warning_threshold_bytes_per_second", warning);
    evidence.put("critical_threshold_bytes_per_second", critical);
    evidence.put("sustained_seconds", (double) heldSeconds);
    evidence.put("mem_total_bytes", (double) memTotalBytes);

    String faults =
        rates.majorFaultsPerSecond().isPresent()
            ? Sizes.format("; %.0f major faults/s", rates.majorFaultsPerSecond().getAsDouble())
            : "";
    String summary =
        Sizes.format(
            "swap storm: %s in and %s out for %d s (%s from %s each way)%s",
            Sizes.perSecond(in.getAsDouble()),
            Sizes.perSecond(out.getAsDouble()),
            heldSeconds,
            severity.name().toLowerCase(Locale.ROOT),
            Sizes.perSecond(severity == Severity.CRITICAL ? critical : warning),
            faults);
    return Optional.of(
        new HostFinding(HostFindingKind.SWAP_STORM, severity, score, summary, evidence));
  }
}
