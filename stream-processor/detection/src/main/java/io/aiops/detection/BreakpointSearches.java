package io.aiops.detection;

import java.util.function.BiFunction;
import java.util.function.ToIntBiFunction;

/**
 * The two breakpoint searches a leak verdict runs, each on (times, values): the daily swing fit's
 * search over trend shapes and the onset's search over hinge points. Swappable so that a test can
 * run the verdicts with a reference computation of them and compare.
 */
record BreakpointSearches(
    BiFunction<double[], double[], DailySwingFit> swingFit,
    ToIntBiFunction<double[], double[]> onsetIndex) {
  static final BreakpointSearches PRODUCT =
      new BreakpointSearches(DailySwingFit::fit, OnsetEstimator::onsetIndex);
}
