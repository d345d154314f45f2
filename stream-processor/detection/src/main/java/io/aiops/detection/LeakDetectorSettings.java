package io.aiops.detection;

import java.time.Duration;
import java.util.Objects;

/**
 * Thresholds of the leak rule.
 *
 * @param minHistory span of history below which no verdict is given; less than a day cannot tell a
 *     leak from the daily load swing
 * @param minPoints closed points below which no verdict is given
 * @param minGrowthFractionPerDay growth over one day, as a share of the median level, below which a
 *     trend is too slow to matter
 * @param minTrendZ Mann-Kendall z below which a trend is not significant
 * @param etaHorizon OOM ETAs further out than this are not reported
 */
public record LeakDetectorSettings(
    Duration minHistory,
    int minPoints,
    double minGrowthFractionPerDay,
    double minTrendZ,
    Duration etaHorizon) {

  // The halves test needs two points a half to have a slope at all.
  private static final int FEWEST_POINTS = 4;

  public LeakDetectorSettings {
    Objects.requireNonNull(minHistory, "minHistory");
    Objects.requireNonNull(etaHorizon, "etaHorizon");
    require(!minHistory.isNegative(), "minHistory must not be negative: " + minHistory);
    require(minPoints >= FEWEST_POINTS, "minPoints must be at least 4: " + minPoints);
    require(
        minGrowthFractionPerDay >= 0 && Double.isFinite(minGrowthFractionPerDay),
        "minGrowthFractionPerDay must be a non-negative number: " + minGrowthFractionPerDay);
    require(
        minTrendZ >= 0 && Double.isFinite(minTrendZ),
        "minTrendZ must be a non-negative number: " + minTrendZ);
    require(
        !etaHorizon.isNegative() && !etaHorizon.isZero(),
        "etaHorizon must be positive: " + etaHorizon);
  }

  /**
   * A day of history with at least 24 points (half a day of 30 min buckets, so gaps are tolerated),
   * growth of 2 % of the level a day, z of 3 (one-sided p of 0.0013 if samples were independent;
   * they are not, which is why the halves test exists), ETAs up to 30 days.
   */
  public static LeakDetectorSettings defaults() {
    // 4 % a day: below it, the tail of a warm-up and the residue of the daily-swing fit live, and a
    // process needs 25+ days to grow by its own size, past the ETA horizon.
    return new LeakDetectorSettings(Duration.ofHours(24), 24, 0.04, 3.0, Duration.ofDays(30));
  }

  private static void require(boolean condition, String message) {
    if (!condition) {
      throw new IllegalArgumentException(message);
    }
  }
}
