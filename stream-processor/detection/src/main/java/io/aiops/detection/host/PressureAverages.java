package io.aiops.detection.host;

/**
 * Memory pressure stall averages of {@code /proc/pressure/memory}, in percent of wall time.
 *
 * <p>"some": at least one task was stalled waiting for memory (reclaim, refaults, swap-in); "full":
 * every non-idle task was stalled at once, so nothing progressed. The kernel updates the averages
 * every 2 s as exponential moving averages with 10 s, 60 s and 300 s windows.
 */
public record PressureAverages(
    double someAvg10Pct,
    double someAvg60Pct,
    double someAvg300Pct,
    double fullAvg10Pct,
    double fullAvg60Pct,
    double fullAvg300Pct) {

  public PressureAverages {
    double[] all = {
      someAvg10Pct, someAvg60Pct, someAvg300Pct, fullAvg10Pct, fullAvg60Pct, fullAvg300Pct
    };
    for (double pct : all) {
      if (!(pct >= 0 && pct <= 100)) {
        throw new IllegalArgumentException(
            "PSI averages are percentages in 0..100 (no PSI: pass no PressureAverages): " + pct);
      }
    }
  }
}
