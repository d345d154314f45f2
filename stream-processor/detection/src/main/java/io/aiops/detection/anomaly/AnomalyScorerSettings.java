package io.aiops.detection.anomaly;

import io.aiops.detection.stl.OnlineStlSettings;
import io.aiops.detection.stl.StlSettings;
import java.time.Duration;

/**
 * Parameters of an {@link AnomalyScorer}; {@link #forSampleInterval} picks them for a series.
 *
 * @param bucketMs samples are averaged into buckets of this length (epoch-aligned); a bucket is a
 *     point
 * @param periodPoints points per day for online STL; 0 for no seasonal model (buckets over 1 h)
 * @param warmUpPeriods days buffered before online STL starts; the recent level scores them
 * @param seasonalWindowCycles STL's {@code s.window}, which sets how fast the seasonal adapts
 * @param recentSmoothing weight of a new point in the recent level (EWMA alpha)
 * @param recentSlopeSmoothing weight of a level change in the recent slope (Holt's beta)
 * @param recentWindowPoints residuals of the recent level whose median and MAD standardise it
 * @param remainderWindowPoints STL remainders whose median |r| is the seasonal scale
 * @param minWindowPoints residuals needed before a window's scale is trusted
 * @param clipZ the recent level learns from errors clipped at this many scales
 * @param shiftRunPoints this many clipped errors of one sign in a row shift the recent level
 * @param scaleFloorFraction a scale is never below this share of the expected value, so a series
 *     that is flat to the byte does not call its first small change a spike
 * @param calibration robust z to score
 * @param cusumSlackZ CUSUM slack k, in robust z
 * @param cusumThresholdZ CUSUM decision threshold h, in robust z
 * @param cusumClipZ z entering CUSUM is clipped here, so one spike cannot raise an alarm alone
 * @param growthConfirmPoints an upward shift the forecast has not absorbed this many points after
 *     its alarm is growth
 * @param maxGapPoints missing points up to this many are filled with the forecast; a longer gap
 *     restarts the series (the old state says little after it)
 */
public record AnomalyScorerSettings(
    long bucketMs,
    int periodPoints,
    int warmUpPeriods,
    int seasonalWindowCycles,
    double recentSmoothing,
    double recentSlopeSmoothing,
    int recentWindowPoints,
    int remainderWindowPoints,
    int minWindowPoints,
    double clipZ,
    int shiftRunPoints,
    double scaleFloorFraction,
    ScoreCalibration calibration,
    double cusumSlackZ,
    double cusumThresholdZ,
    double cusumClipZ,
    int growthConfirmPoints,
    int maxGapPoints) {

  static final long DAY_MS = 86_400_000L;
  static final int MAX_PERIOD_POINTS = 8_640;
  static final int MAX_WINDOW_POINTS = 4_096;
  // Buckets that give 288, 144, 96, 48 and 24 points a day.
  private static final int[] BUCKET_MINUTES = {5, 10, 15, 30, 60};

  public AnomalyScorerSettings {
    require(bucketMs > 0, "bucketMs must be positive");
    require(
        periodPoints == 0 || (periodPoints >= 2 && periodPoints * bucketMs == DAY_MS),
        "periodPoints must be 0 or a day of buckets");
    // State grows with the period: a day of 10-second buckets is the most that makes sense.
    require(periodPoints <= MAX_PERIOD_POINTS, "periodPoints must be at most " + MAX_PERIOD_POINTS);
    require(warmUpPeriods >= 3 && warmUpPeriods <= 64, "warmUpPeriods must be in [3, 64]");
    require(seasonalWindowCycles >= 3 && seasonalWindowCycles % 2 == 1, "seasonal window odd >= 3");
    require(fraction(recentSmoothing), "recentSmoothing must be in (0, 1]");
    require(fraction(recentSlopeSmoothing), "recentSlopeSmoothing must be in (0, 1]");
    require(
        recentWindowPoints >= 1 && recentWindowPoints <= MAX_WINDOW_POINTS,
        "recentWindowPoints must be in [1, " + MAX_WINDOW_POINTS + "]");
    require(
        remainderWindowPoints >= 1 && remainderWindowPoints <= MAX_WINDOW_POINTS,
        "remainderWindowPoints must be in [1, " + MAX_WINDOW_POINTS + "]");
    require(
        minWindowPoints >= 1
            && minWindowPoints <= Math.min(recentWindowPoints, remainderWindowPoints),
        "minWindowPoints must be in [1, window]");
    require(clipZ > 0, "clipZ must be positive");
    require(shiftRunPoints >= 1, "shiftRunPoints must be positive");
    require(scaleFloorFraction >= 0 && scaleFloorFraction < 1, "scaleFloorFraction in [0, 1)");
    require(calibration != null, "calibration is required");
    require(cusumSlackZ >= 0, "cusumSlackZ must not be negative");
    require(cusumThresholdZ > 0, "cusumThresholdZ must be positive");
    require(cusumClipZ > cusumSlackZ, "cusumClipZ must exceed the slack");
    require(growthConfirmPoints >= 1, "growthConfirmPoints must be positive");
    // Each missing point costs a forecast step: a week of 10-second buckets at most.
    require(
        maxGapPoints >= 0 && maxGapPoints <= 7 * MAX_PERIOD_POINTS,
        "maxGapPoints must be in [0, a week of 10-second points]");
  }

  /**
   * Settings for a series sampled every {@code interval}: the shortest bucket of 5, 10, 15, 30 or
   * 60 minutes that holds a sample (10 % jitter allowed), so a day is 288 to 24 points and faster
   * samples are averaged; beyond 66 minutes, 1-hour buckets and no seasonal model.
   */
  public static AnomalyScorerSettings forSampleInterval(Duration interval) {
    double minutes = interval.toMillis() / 60_000.0;
    for (int bucket : BUCKET_MINUTES) {
      if (minutes <= bucket * 1.1) {
        return forBucket(Duration.ofMinutes(bucket), true);
      }
    }
    return forBucket(Duration.ofHours(1), false);
  }

  /** The defaults for a bucket length that divides a day (when seasonal). */
  public static AnomalyScorerSettings forBucket(Duration bucket, boolean seasonal) {
    long bucketMs = bucket.toMillis();
    int period = seasonal ? (int) (DAY_MS / bucketMs) : 0;
    int pointsPerDay = (int) Math.max(1, DAY_MS / bucketMs);
    return new AnomalyScorerSettings(
        bucketMs,
        period,
        // Four days: with three, STL's robustness weights cannot single out a spike.
        4,
        7,
        // Before the daily pattern is known the recent level must follow the day's ramps (close to
        // "last value plus last change"); without a pattern a steadier level judges spikes better.
        seasonal ? 0.9 : 0.3,
        seasonal ? 0.5 : 0.1,
        64,
        128,
        16,
        3,
        3,
        0.002,
        ScoreCalibration.defaults(),
        0.5,
        8,
        4,
        growthConfirmPoints(period),
        pointsPerDay);
  }

  /**
   * Online STL absorbs a step within its shift run (1 h of a day, 3 points at least); over twice
   * that and 16 points more, an absorbed step's residuals average well below two scales, while a
   * ramp keeps them there.
   */
  private static int growthConfirmPoints(int period) {
    int shiftRun = period == 0 ? 3 : Math.min(period, Math.max(3, (period + 23) / 24));
    return 2 * (shiftRun + 8);
  }

  public boolean seasonal() {
    return periodPoints > 0;
  }

  /** The online STL these settings run, or null without a seasonal model. */
  public OnlineStlSettings onlineStl() {
    if (!seasonal()) {
      return null;
    }
    return OnlineStlSettings.matching(
        StlSettings.of(periodPoints, seasonalWindowCycles), warmUpPeriods);
  }

  private static boolean fraction(double value) {
    return value > 0 && value <= 1;
  }

  private static void require(boolean condition, String rule) {
    if (!condition) {
      throw new IllegalArgumentException("invalid anomaly scorer settings: " + rule);
    }
  }
}
