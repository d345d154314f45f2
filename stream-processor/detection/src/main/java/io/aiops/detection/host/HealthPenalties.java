package io.aiops.detection.host;

import java.util.List;

/**
 * The penalty of each health factor: non-decreasing piecewise-linear functions of its signals, with
 * knots at the detectors' thresholds (25 points at "watch", 45 at warning, 65 at critical).
 */
final class HealthPenalties {
  // node-mixin's NodeMemoryHighUtilization warns at 90 % used; under 3 % available the kernel
  // reclaims at its watermarks and the OOM killer is near.
  private static final PiecewiseLinear USAGE =
      PiecewiseLinear.through(0.6, 0, 0.8, 25, 0.9, 45, 0.97, 65, 1.0, 80);
  private static final PiecewiseLinear PSI_SOME =
      PiecewiseLinear.through(0, 0, 10, 25, 20, 45, 40, 65, 100, 100);
  private static final PiecewiseLinear PSI_FULL =
      PiecewiseLinear.through(0, 0, 2.5, 25, 5, 45, 10, 65, 100, 100);
  private static final PiecewiseLinear ALLOCSTALLS =
      PiecewiseLinear.through(0, 0, 1, 25, 10, 45, 100, 65, 1000, 100);
  // Unusable free index at order 4 while order-4 blocks remain; none left is the detector's line.
  private static final PiecewiseLinear FRAGMENTED_ORDER4 = PiecewiseLinear.through(0.5, 0, 1, 25);
  // File refaults in bytes per second per byte of RAM: 1 % a second re-reads RAM in 100 s. One step
  // milder than CacheThrashing and capped at warning: what refaults cost in stalls is the pressure
  // factor's to count.
  private static final PiecewiseLinear REFAULTS =
      PiecewiseLinear.through(
          0.0001,
          0,
          CacheThrashing.WARNING_SHARE_OF_RAM_PER_SECOND,
          25,
          CacheThrashing.CRITICAL_SHARE_OF_RAM_PER_SECOND,
          45);
  // One step milder than the detector (15 % warning, 20 % critical): a snapshot at the freerun
  // ceiling is where balance_dirty_pages() keeps any bulk writer; only staying there is a problem.
  private static final PiecewiseLinear DIRTY =
      PiecewiseLinear.through(0.10, 0, 0.15, 25, 0.20, 45, 0.40, 65, 1.0, 100);

  private HealthPenalties() {}

  static List<HealthFactor> all(HostHealthSignals signals) {
    return List.of(
        usage(signals),
        pressure(signals),
        swap(signals),
        fragmentation(signals),
        cacheRefaults(signals),
        writeback(signals));
  }

  static HealthFactor usage(HostHealthSignals s) {
    double available = (1 - s.usedRatio()) * s.memTotalBytes();
    return factor(
        HealthFactorKind.USAGE,
        USAGE.at(s.usedRatio()),
        Sizes.format(
            "%s of RAM in use: %s available of %s",
            Sizes.percent(s.usedRatio()), Sizes.bytes(available), Sizes.bytes(s.memTotalBytes())));
  }

  static HealthFactor pressure(HostHealthSignals s) {
    if (!s.hasPressureStallInformation()) {
      String observation =
          Double.isNaN(s.allocStallsPerSecond())
              ? "no PSI on this kernel and no reclaim rates yet"
              : Sizes.format(
                  "no PSI on this kernel: %.1f direct-reclaim stalls/s", s.allocStallsPerSecond());
      return factor(
          HealthFactorKind.PRESSURE, ALLOCSTALLS.at(s.allocStallsPerSecond()), observation);
    }
    double full = Double.isNaN(s.psiFullPersistentPct()) ? 0 : s.psiFullPersistentPct();
    return factor(
        HealthFactorKind.PRESSURE,
        Math.max(PSI_SOME.at(s.psiSomePersistentPct()), PSI_FULL.at(full)),
        Sizes.format(
            "tasks stalled on memory %.1f %% of the time, all tasks at once %.1f %% (PSI, the"
                + " lower of avg10 and twice avg60)",
            s.psiSomePersistentPct(), full));
  }

  static HealthFactor swap(HostHealthSignals s) {
    double warning = SwapStormDetector.warningBytesPerSecond(s.memTotalBytes());
    double critical = SwapStormDetector.criticalBytesPerSecond(s.memTotalBytes());
    PiecewiseLinear thrash =
        PiecewiseLinear.through(
            0, 0, warning / 4, 25, warning, 45, critical, 65, 4 * critical, 100);
    if (Double.isNaN(s.swapInBytesPerSecond()) || Double.isNaN(s.swapOutBytesPerSecond())) {
      return factor(HealthFactorKind.SWAP, 0, "swap rates unknown (no previous reading)");
    }
    double bothWays = Math.min(s.swapInBytesPerSecond(), s.swapOutBytesPerSecond());
    // Swap-in alone (pages coming back after a squeeze) still stalls the faulting tasks: half.
    double penalty = Math.max(thrash.at(bothWays), 0.5 * thrash.at(s.swapInBytesPerSecond()));
    return factor(
        HealthFactorKind.SWAP,
        penalty,
        Sizes.format(
            "swapping %s in, %s out (a storm from %s each way)",
            Sizes.perSecond(s.swapInBytesPerSecond()),
            Sizes.perSecond(s.swapOutBytesPerSecond()),
            Sizes.perSecond(warning)));
  }

  static HealthFactor fragmentation(HostHealthSignals s) {
    if (Double.isNaN(s.unusableFreeIndexOrder4())) {
      return factor(
          HealthFactorKind.FRAGMENTATION,
          0,
          "not judged: no zone has 5 % of RAM free (too little free memory is usage's to count),"
              + " or no buddyinfo");
    }
    double penalty;
    String observation;
    // A judged zone has plenty free, so an index of exactly 1 means no block of that order at all.
    if (s.unusableFreeIndexOrder3() >= 1) {
      penalty = 65;
      observation = "a zone with plenty free has no free block of order 3 or above";
    } else if (s.unusableFreeIndexOrder4() >= 1) {
      penalty = 45;
      observation = "a zone with plenty free has no free block of order 4 or above";
    } else {
      penalty = FRAGMENTED_ORDER4.at(s.unusableFreeIndexOrder4());
      observation =
          Sizes.format(
              "up to %s of a zone's free memory is in blocks below order 4",
              Sizes.percent(s.unusableFreeIndexOrder4()));
    }
    return factor(HealthFactorKind.FRAGMENTATION, penalty, observation);
  }

  static HealthFactor cacheRefaults(HostHealthSignals s) {
    if (Double.isNaN(s.fileRefaultBytesPerSecond())) {
      return factor(HealthFactorKind.CACHE_REFAULTS, 0, "refault rate unknown");
    }
    double shareOfRam = s.fileRefaultBytesPerSecond() / s.memTotalBytes();
    return factor(
        HealthFactorKind.CACHE_REFAULTS,
        REFAULTS.at(shareOfRam),
        Sizes.format(
            "evicted file pages read back at %s (%.3f %% of RAM a second)",
            Sizes.perSecond(s.fileRefaultBytesPerSecond()), 100 * shareOfRam));
  }

  static HealthFactor writeback(HostHealthSignals s) {
    return factor(
        HealthFactorKind.WRITEBACK,
        DIRTY.at(s.dirtyShareRatio()),
        Sizes.format(
            "dirty and writeback pages are %s of dirtyable memory",
            Sizes.percent(s.dirtyShareRatio())));
  }

  private static HealthFactor factor(HealthFactorKind kind, double penalty, String observation) {
    return new HealthFactor(kind, penalty, observation, kind.advice());
  }
}
