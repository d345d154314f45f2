package io.aiops.detection;

/**
 * The figures the leak rule judges, measured on a series with its daily swing removed.
 *
 * @param overall Theil-Sen line over the whole window
 * @param firstHalfSlopePerMs Theil-Sen slope of the older half of the points
 * @param secondHalfSlopePerMs Theil-Sen slope of the newer half of the points
 * @param mannKendallZ trend significance over the whole window
 * @param medianBytes median level, the yardstick for relative growth
 */
record TrendEvidence(
    Line overall,
    double firstHalfSlopePerMs,
    double secondHalfSlopePerMs,
    double mannKendallZ,
    double medianBytes) {

  /** Measures a series given in time order. */
  static TrendEvidence measure(double[] timesMs, double[] bytes) {
    TheilSenSlope.WithHalves fit = TheilSenSlope.fitWithHalves(timesMs, bytes);
    return new TrendEvidence(
        fit.whole(),
        fit.olderSlopePerMs(),
        fit.newerSlopePerMs(),
        MannKendall.test(bytes).z(),
        Median.of(bytes));
  }

  /** Growth over one day as a share of the median level; 0 when the level is not positive. */
  double growthFractionPerDay() {
    return medianBytes > 0 ? overall.slopePerMs() * DailySwing.DAY_MS / medianBytes : 0;
  }

  /** The older half's slope as a share of the yardstick slope; 0 unless the series grows. */
  double firstHalfShare() {
    return share(firstHalfSlopePerMs);
  }

  /** The newer half's slope as a share of the yardstick slope; 0 unless the series grows. */
  double secondHalfShare() {
    return share(secondHalfSlopePerMs);
  }

  /** The weaker half's share: how evenly the growth is spread over the window. */
  double consistency() {
    return Math.min(firstHalfShare(), secondHalfShare());
  }

  /**
   * Shares are measured against the fastest of the overall slope and the two halves' slopes.
   * Against the overall slope alone, a warm-up or a step (fast in one half, flat in the other,
   * small overall Theil-Sen slope) let its flat half pass as "30 % of overall".
   */
  private double share(double halfSlopePerMs) {
    double yardstick =
        Math.max(overall.slopePerMs(), Math.max(firstHalfSlopePerMs, secondHalfSlopePerMs));
    return overall.slopePerMs() > 0 ? halfSlopePerMs / yardstick : 0;
  }
}
