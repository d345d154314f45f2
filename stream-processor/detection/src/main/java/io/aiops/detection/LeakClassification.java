package io.aiops.detection;

/**
 * The skeleton's leak rule and the names of what it rejects: a leak is significant, fast enough and
 * spread over both halves of the window.
 */
final class LeakClassification {
  /**
   * The older half must grow at 30 % of the faster half's rate: a step or a late onset leaves it
   * flat. Low enough to keep accelerating leaks (a quadratic's older half runs at a third).
   */
  static final double MIN_HALF_SHARE = 0.3;

  /**
   * The newer half must keep at least half the pace: growth that slows down is a warm-up still
   * approaching its plateau (an exponential tail stays monotone, so Mann-Kendall alone passes it).
   */
  static final double MIN_NEWER_HALF_SHARE = 0.5;

  /** A fitted step, plateau or ramp smaller than 5 % of the level is noise, not a shape. */
  static final double MIN_SHAPE_RISE_FRACTION = 0.05;

  /** A daily swing of 3 % of the level is worth naming; below it is noise. */
  static final double MIN_SEASONAL_AMPLITUDE_FRACTION = 0.03;

  private LeakClassification() {}

  /**
   * Growth since the onset must last this long to be judged as a leak: shorter, a random wander or
   * the first hours of a warm-up look the same as a leak's start.
   */
  static final double MIN_GROWTH_SPAN_MS = 12 * 3_600_000.0;

  /**
   * Classifies a window. {@code sinceOnset}: the same figures over the points since the estimated
   * onset, null when that stretch is shorter than {@link #MIN_GROWTH_SPAN_MS}. A leak is steady
   * growth since its onset: judging only the stretch since the onset finds leaks that began
   * mid-window (the flat part before them would fail a whole-window halves test), and it rejects a
   * warm-up whose ramp and plateau both fall after the onset (its newer half is flat).
   */
  static String classify(
      TrendEvidence window,
      TrendEvidence sinceOnset,
      DailySwingFit fit,
      LeakDetectorSettings settings) {
    if (sinceOnset != null && steadyGrowth(sinceOnset, settings)) {
      return LeakVerdict.LINEAR_LEAK;
    }
    String byWindow = classify(window, fit, settings);
    if (sinceOnset != null && LeakVerdict.LINEAR_LEAK.equals(byWindow)) {
      // Both halves of the window grow, but the growth since the onset slowed down: a warm-up's
      // ramp still bending into its plateau.
      return LeakVerdict.WARM_UP;
    }
    return byWindow;
  }

  static boolean steadyGrowth(TrendEvidence trend, LeakDetectorSettings settings) {
    return growsSignificantly(trend, settings)
        && trend.firstHalfShare() >= MIN_HALF_SHARE
        && trend.secondHalfShare() >= MIN_NEWER_HALF_SHARE;
  }

  static String classify(TrendEvidence trend, DailySwingFit fit, LeakDetectorSettings settings) {
    if (growsSignificantly(trend, settings)) {
      boolean olderGrows = trend.firstHalfShare() >= MIN_HALF_SHARE;
      boolean newerGrows = trend.secondHalfShare() >= MIN_NEWER_HALF_SHARE;
      if (olderGrows && newerGrows) {
        return LeakVerdict.LINEAR_LEAK;
      }
      if (olderGrows) {
        return LeakVerdict.WARM_UP;
      }
      return newerGrows ? LeakVerdict.RECENT_GROWTH : LeakVerdict.STEP;
    }
    // No significant growth: name the shape that explains the window, if it rose visibly.
    if (shapeRose(fit, trend.medianBytes())) {
      return switch (fit.shape()) {
        case STEP -> LeakVerdict.STEP;
        case PLATEAU, RISE_THEN_PLATEAU -> LeakVerdict.WARM_UP;
        case RAMP -> LeakVerdict.RECENT_GROWTH;
      };
    }
    if (fit.swing().peakBytes() >= MIN_SEASONAL_AMPLITUDE_FRACTION * trend.medianBytes()) {
      return LeakVerdict.SEASONAL;
    }
    return LeakVerdict.STABLE;
  }

  /**
   * Whether the fitted trend shape rose by at least {@link #MIN_SHAPE_RISE_FRACTION} of the level.
   */
  static boolean shapeRose(DailySwingFit fit, double medianBytes) {
    return fit.riseBytes() >= MIN_SHAPE_RISE_FRACTION * medianBytes;
  }

  /**
   * Confidence in the verdict: the strength of the weakest leak criterion for a leak, one minus it
   * otherwise. Strength is 0.5 exactly at a threshold, 0.75 at twice it, and so on.
   */
  static double confidence(boolean leak, TrendEvidence trend, LeakDetectorSettings settings) {
    double weakest =
        Math.min(
            strength(trend.mannKendallZ(), settings.minTrendZ()),
            Math.min(
                strength(trend.growthFractionPerDay(), settings.minGrowthFractionPerDay()),
                strength(trend.consistency(), MIN_HALF_SHARE)));
    return leak ? weakest : 1 - weakest;
  }

  private static boolean growsSignificantly(TrendEvidence trend, LeakDetectorSettings settings) {
    return trend.overall().slopePerMs() > 0
        && trend.growthFractionPerDay() >= settings.minGrowthFractionPerDay()
        && trend.mannKendallZ() >= settings.minTrendZ();
  }

  private static double strength(double value, double threshold) {
    if (threshold <= 0) {
      return value >= threshold ? 1 : 0;
    }
    return value <= 0 ? 0 : 1 - Math.pow(0.5, value / threshold);
  }
}
