package io.aiops.detection.host;

import java.util.Optional;
import java.util.OptionalDouble;
import java.util.function.Function;

/**
 * The figures the health score is computed from, each one "higher is worse"; NaN where unknown (no
 * PSI, no rates yet, no buddyinfo), which costs no points.
 *
 * @param memTotalBytes MemTotal, which scales the swap and refault thresholds
 * @param usedRatio 1 − MemAvailable / MemTotal
 * @param psiSomePersistentPct min(some avg10, 2 × some avg60): the level the PSI rule calls
 *     persistent (its warning and critical lines hold exactly when this reaches 20 and 40)
 * @param psiFullPersistentPct min(full avg10, 2 × full avg60)
 * @param allocStallsPerSecond direct-reclaim entries, used only when there is no PSI
 * @param swapInBytesPerSecond pswpin × page size
 * @param swapOutBytesPerSecond pswpout × page size
 * @param unusableFreeIndexOrder4 the highest unusable free space index at order 4 over the zones
 *     with plenty free ({@link FragmentationDetector}); NaN when no zone has plenty free (low free
 *     memory is exhaustion, which usage counts) or there is no buddyinfo
 * @param unusableFreeIndexOrder3 the same at order 3
 * @param fileRefaultBytesPerSecond workingset_refault_file × page size
 * @param dirtyShareRatio (Dirty + Writeback) / dirtyable memory
 */
public record HostHealthSignals(
    long memTotalBytes,
    double usedRatio,
    double psiSomePersistentPct,
    double psiFullPersistentPct,
    double allocStallsPerSecond,
    double swapInBytesPerSecond,
    double swapOutBytesPerSecond,
    double unusableFreeIndexOrder4,
    double unusableFreeIndexOrder3,
    double fileRefaultBytesPerSecond,
    double dirtyShareRatio) {

  public HostHealthSignals {
    if (memTotalBytes <= 0) {
      throw new IllegalArgumentException("memTotalBytes must be positive: " + memTotalBytes);
    }
    double[] all = {
      usedRatio,
      psiSomePersistentPct,
      psiFullPersistentPct,
      allocStallsPerSecond,
      swapInBytesPerSecond,
      swapOutBytesPerSecond,
      unusableFreeIndexOrder4,
      unusableFreeIndexOrder3,
      fileRefaultBytesPerSecond,
      dirtyShareRatio
    };
    for (double signal : all) {
      if (signal < 0 || Double.isInfinite(signal)) {
        throw new IllegalArgumentException("signals are non-negative numbers or NaN: " + signal);
      }
    }
  }

  public boolean hasPressureStallInformation() {
    return !Double.isNaN(psiSomePersistentPct);
  }

  /** The signals of one reading and the rates ending at it (empty: none could be derived). */
  public static HostHealthSignals from(HostMemoryReading reading, Optional<HostRates> rates) {
    MemInfo memory = reading.memory();
    PressureAverages psi = reading.pressure();
    double some = psi == null ? Double.NaN : Math.min(psi.someAvg10Pct(), 2 * psi.someAvg60Pct());
    double full = psi == null ? Double.NaN : Math.min(psi.fullAvg10Pct(), 2 * psi.fullAvg60Pct());
    double order4 = Double.NaN;
    double order3 = Double.NaN;
    for (FragmentationIndex zone : FragmentationDetector.judgedZones(reading)) {
      order4 = max(order4, zone.unusableFreeIndex(FragmentationDetector.WARNING_ORDER));
      order3 = max(order3, zone.unusableFreeIndex(FragmentationDetector.CRITICAL_ORDER));
    }
    return new HostHealthSignals(
        memory.memTotalBytes(),
        memory.usedRatio(),
        some,
        full,
        rate(rates, HostRates::allocStallsPerSecond),
        rate(rates, HostRates::swapInBytesPerSecond),
        rate(rates, HostRates::swapOutBytesPerSecond),
        order4,
        order3,
        rate(rates, HostRates::fileRefaultBytesPerSecond),
        WritebackCongestionDetector.dirtyShare(memory));
  }

  private static double max(double sofar, double value) {
    return Double.isNaN(sofar) ? value : Math.max(sofar, value);
  }

  private static double rate(Optional<HostRates> rates, Function<HostRates, OptionalDouble> which) {
    return rates.map(which).orElse(OptionalDouble.empty()).orElse(Double.NaN);
  }
}
