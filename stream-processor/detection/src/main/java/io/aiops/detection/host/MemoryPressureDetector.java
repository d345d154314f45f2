package io.aiops.detection.host;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Memory pressure: the share of time tasks stall waiting for memory, from PSI where the kernel has
 * it, else from direct-reclaim counters.
 *
 * <p>With PSI, the usual rules on the 10 s average: some ≥ 20 % warning, some ≥ 40 % critical, full
 * ≥ 10 % critical; each also needs the 60 s average at half its threshold (some 10 %, 20 %; full 5
 * %), so a single burst is not reported: avg60 reaches half of a steady level after about 42 s (the
 * kernel's averages are exponential with 10 s and 60 s windows), and oomd judges the same way, on a
 * sustained 60 s pressure together with an elevated 10 s one.
 *
 * <p>Without PSI (kernels before 4.20, or booted with psi=0) the stall time is not measured, so the
 * rule looks at its cause: tasks entering direct reclaim (allocstall) because kswapd fell behind.
 * Warning at 10 stalls/s, critical when in addition reclaim efficiency (pages reclaimed per page
 * scanned) is below 30 %, i.e. reclaim is mostly hitting pages still in use; either held for 1
 * minute of contiguous rate intervals, matching the PSI rule's avg60. A direct-reclaim stall lasts
 * on the order of 10–20 ms, so 10 a second is roughly the 20 % "some" of the PSI rule. The evidence
 * says which way the verdict was reached ({@code psi_available}).
 */
public final class MemoryPressureDetector {
  static final double SOME_WARNING_PCT = 20;
  static final double SOME_CRITICAL_PCT = 40;
  static final double FULL_HALF_SCORE_PCT = 5;
  static final double FULL_CRITICAL_PCT = 10;
  static final double ALLOCSTALL_WARNING_PER_SECOND = 10;
  static final double ALLOCSTALL_FULL_SCORE_PER_SECOND = 100;
  static final Duration RECLAIM_SUSTAINED = Duration.ofMinutes(1);
  private static final double AVG60_SHARE_OF_THRESHOLD = 0.5;
  private static final double CRITICAL_RECLAIM_EFFICIENCY = 0.3;

  private SustainedSeverity reclaimState;

  public MemoryPressureDetector() {
    this(SustainedSeverity.NONE);
  }

  /** Resumes from a state saved with {@link #state()} (only the no-PSI rule keeps state). */
  public MemoryPressureDetector(SustainedSeverity restored) {
    this.reclaimState = Objects.requireNonNull(restored, "restored");
  }

  public SustainedSeverity state() {
    return reclaimState;
  }

  /**
   * Judges the newest reading of this host; {@code rates} are those ending at it, empty when none
   * could be derived (first reading, gap, reboot). Readings must come in order.
   */
  public Optional<HostFinding> observe(HostMemoryReading reading, Optional<HostRates> rates) {
    if (reading.hasPressureStallInformation()) {
      reclaimState = SustainedSeverity.NONE;
      return fromPressureStall(reading.pressure());
    }
    if (rates.isEmpty() || rates.get().allocStallsPerSecond().isEmpty()) {
      reclaimState = SustainedSeverity.NONE;
      return Optional.empty();
    }
    return fromReclaim(rates.get());
  }

  private static Optional<HostFinding> fromPressureStall(PressureAverages psi) {
    boolean someCritical = persistent(psi.someAvg10Pct(), psi.someAvg60Pct(), SOME_CRITICAL_PCT);
    boolean fullCritical = persistent(psi.fullAvg10Pct(), psi.fullAvg60Pct(), FULL_CRITICAL_PCT);
    boolean someWarning = persistent(psi.someAvg10Pct(), psi.someAvg60Pct(), SOME_WARNING_PCT);
    Severity severity;
    if (someCritical || fullCritical) {
      severity = Severity.CRITICAL;
    } else if (someWarning) {
      severity = Severity.WARNING;
    } else {
      return Optional.empty();
    }
    double score =
        Math.max(
            PiecewiseLinear.through(0, 0, SOME_WARNING_PCT, 0.5, SOME_CRITICAL_PCT, 1)
                .at(psi.someAvg10Pct()),
            PiecewiseLinear.through(0, 0, FULL_HALF_SCORE_PCT, 0.5, FULL_CRITICAL_PCT, 1)
                .at(psi.fullAvg10Pct()));
    Map<String, Double> evidence = new LinkedHashMap<>();
    evidence.put("psi_available", 1.0);
    evidence.put("psi_some_avg10_pct", psi.someAvg10Pct());
    evidence.put("psi_some_avg60_pct", psi.someAvg60Pct());
    evidence.put("psi_full_avg10_pct", psi.fullAvg10Pct());
    evidence.put("psi_full_avg60_pct", psi.fullAvg60Pct());
    String summary =
        Sizes.format(
            "memory pressure (%s): tasks stalled on memory %.1f %% of the last 10 s (60 s: %.1f %%),"
                + " all tasks at once %.1f %% (60 s: %.1f %%)",
            severity.name().toLowerCase(Locale.ROOT),
            psi.someAvg10Pct(),
            psi.someAvg60Pct(),
            psi.fullAvg10Pct(),
            psi.fullAvg60Pct());
    return Optional.of(
        new HostFinding(HostFindingKind.MEMORY_PRESSURE, severity, score, summary, evidence));
  }

  private static boolean persistent(double avg10Pct, double avg60Pct, double thresholdPct) {
    return avg10Pct >= thresholdPct && avg60Pct >= AVG60_SHARE_OF_THRESHOLD * thresholdPct;
  }

  private Optional<HostFinding> fromReclaim(HostRates rates) {
    double stalls = rates.allocStallsPerSecond().getAsDouble();
    OptionalDouble efficiency = rates.reclaimEfficiency();
    boolean wasteful =
        efficiency.isPresent() && efficiency.getAsDouble() < CRITICAL_RECLAIM_EFFICIENCY;
    Optional<Severity> now = Optional.empty();
    if (stalls >= ALLOCSTALL_WARNING_PER_SECOND) {
      now = Optional.of(wasteful ? Severity.CRITICAL : Severity.WARNING);
    }
    reclaimState = reclaimState.afterInterval(rates.fromMs(), rates.toMs(), now);
    Optional<Severity> held = reclaimState.heldFor(RECLAIM_SUSTAINED);
    if (held.isEmpty()) {
      return Optional.empty();
    }
    Severity severity = held.get();
    double score =
        severity == Severity.CRITICAL
            ? 1
            : PiecewiseLinear.through(
                    0, 0, ALLOCSTALL_WARNING_PER_SECOND, 0.5, ALLOCSTALL_FULL_SCORE_PER_SECOND, 1)
                .at(stalls);
    Map<String, Double> evidence = new LinkedHashMap<>();
    evidence.put("psi_available", 0.0);
    evidence.put("allocstalls_per_second", stalls);
    rates
        .scanDirectPagesPerSecond()
        .ifPresent(s -> evidence.put("direct_scan_pages_per_second", s));
    efficiency.ifPresent(e -> evidence.put("reclaim_efficiency_ratio", e));
    evidence.put("sustained_seconds", (double) (reclaimState.heldMs(severity) / 1000));
    String summary =
        Sizes.format(
            "memory pressure (%s, no PSI on this kernel: judged from reclaim counters): %.0f"
                + " direct-reclaim stalls/s for %d s%s",
            severity.name().toLowerCase(Locale.ROOT),
            stalls,
            reclaimState.heldMs(severity) / 1000,
            efficiency.isPresent()
                ? Sizes.format(
                    ", %s of scanned pages reclaimed", Sizes.percent(efficiency.getAsDouble()))
                : "");
    return Optional.of(
        new HostFinding(HostFindingKind.MEMORY_PRESSURE, severity, score, summary, evidence));
  }
}
