package io.aiops.detection.anomaly;

/**
 * Two-sided CUSUM (Page 1954) on robust z-scores of residuals: dates level shifts and the onset of
 * growth that single points do not show.
 *
 * <p>Each side keeps {@code S = max(0, S + min(x, clip) - slack)}, x the z in its direction scaled
 * down for the residuals' short-term correlation (see {@link #correlationFactor}), and alarms when
 * S reaches the threshold, or at once on {@value #BIG_RUN_POINTS} points in a row beyond the clip
 * (a step the forecasts will absorb within a few points must not slip through the slack). The onset
 * is the first point clearly off ({@code x >= 2}) since S last stood at 0 or a point went the other
 * way: the usual CUSUM change-point estimate, less the noise that lifted S before it.
 *
 * <p>An alarm is a {@link AnomalyKind#LEVEL_SHIFT}. The side then stays "ongoing", S capped at the
 * threshold, until S drains back to 0, that is until the forecasts have absorbed the change, so one
 * change alarms once. An upward shift that is not absorbed (S still at least half the threshold
 * {@code growthPoints} points after the alarm: the forecast keeps falling behind a ramp) is {@link
 * AnomalyKind#GROWTH}, confirmed then with the same onset. Telling a ramp by its shape at the alarm
 * proved unreliable: a few points in, a step after a noisy lead-in climbs just as well.
 */
final class ChangeDetector {
  /** A change confirmed at a point: its kind and since when. */
  record Change(AnomalyKind kind, long onsetMs) {}

  static final int BIG_RUN_POINTS = 3;
  // Residuals a ramp leaves behind: online STL absorbs it by jumps once it passes 3 scales, so the
  // residuals saw-tooth up to there; a step's residuals fall back to noise once absorbed.
  static final double GROWTH_MEAN_Z = 1.5;
  static final long NO_ONSET = Long.MIN_VALUE;
  // A run starts at a point at least this far off in its direction.
  private static final double RUN_START_Z = 2;
  // About the last 128 points; a correlation of 0.9 already quarters the sensitivity.
  private static final double CORRELATION_WEIGHT = 1.0 / 128;
  private static final double MAX_CORRELATION = 0.9;

  private final double slackZ;
  private final double thresholdZ;
  private final double clipZ;
  private final int growthPoints;
  final Side up = new Side(1);
  final Side down = new Side(-1);
  // Lag-1 correlation of z, as exponentially weighted means of z(t) z(t-1) and z(t)^2; the latter
  // starts at 1 (unit variance, no correlation) so the first points cannot swing the estimate.
  private double previousZ;
  private double lagProducts;
  private double squares = 1;

  ChangeDetector(double slackZ, double thresholdZ, double clipZ, int growthPoints) {
    this.slackZ = slackZ;
    this.thresholdZ = thresholdZ;
    this.clipZ = clipZ;
    this.growthPoints = growthPoints;
  }

  /** Observes the next point's z; returns the change this point confirms, or null. */
  Change observe(double z, long timestampMs) {
    double factor = correlationFactor();
    learnCorrelation(z);
    Change upward = up.observe(z, factor, timestampMs);
    Change downward = down.observe(z, factor, timestampMs);
    return upward != null ? upward : downward;
  }

  /** The kind of the confirmed, not yet absorbed change on z's side; NONE when there is none. */
  AnomalyKind ongoing(double z) {
    return side(z).ongoing;
  }

  /** When the change on z's side began; meaningful while {@link #ongoing} is not NONE. */
  long ongoingOnsetMs(double z) {
    return side(z).onsetMs;
  }

  private Side side(double z) {
    return z >= 0 ? up : down;
  }

  void reset() {
    restoreCorrelation(0, 0, 1);
    clearRuns();
  }

  void clearRuns() {
    up.clear();
    down.clear();
  }

  /**
   * sqrt((1 - rho) / (1 + rho)) for the lag-1 correlation rho of recent z: a sum of n residuals
   * correlated as AR(1) spreads like n (1 + rho) / (1 - rho) independent ones, so without this a
   * smooth wander of the noise (forecast errors are rarely independent) would read as a shift.
   */
  private double correlationFactor() {
    double rho = Math.max(0, Math.min(MAX_CORRELATION, lagProducts / squares));
    return Math.sqrt((1 - rho) / (1 + rho));
  }

  private void learnCorrelation(double z) {
    double clipped = Math.max(-clipZ, Math.min(clipZ, z));
    lagProducts += CORRELATION_WEIGHT * (clipped * previousZ - lagProducts);
    squares += CORRELATION_WEIGHT * (clipped * clipped - squares);
    previousZ = clipped;
  }

  double previousZ() {
    return previousZ;
  }

  double lagProducts() {
    return lagProducts;
  }

  double squares() {
    return squares;
  }

  void restoreCorrelation(double previousZ, double lagProducts, double squares) {
    if (!(squares > 0)) {
      throw new IllegalArgumentException("mean square must be positive: " + squares);
    }
    this.previousZ = previousZ;
    this.lagProducts = lagProducts;
    this.squares = squares;
  }

  /** One direction's statistic and run; {@code x = sign * z} is the deviation in its direction. */
  final class Side {
    private final int sign;
    double statistic;
    long onsetMs = NO_ONSET;
    int bigRun;
    int sinceAlarm;
    double sinceAlarmSum;
    AnomalyKind ongoing = AnomalyKind.NONE;

    private Side(int sign) {
      this.sign = sign;
    }

    private Change observe(double z, double factor, long timestampMs) {
      double x = sign * z;
      double next = statistic + Math.min(x * factor, clipZ) - slackZ;
      if (next <= 0) {
        clear();
        return null;
      }
      statistic = Math.min(next, thresholdZ);
      bigRun = x >= clipZ ? bigRun + 1 : 0;
      if (ongoing != AnomalyKind.NONE) {
        return confirmGrowth(x);
      }
      if (x <= 0) {
        onsetMs = NO_ONSET;
      } else if (onsetMs == NO_ONSET && x >= RUN_START_Z) {
        onsetMs = timestampMs;
      }
      if (next < thresholdZ && bigRun < BIG_RUN_POINTS) {
        return null;
      }
      if (onsetMs == NO_ONSET) {
        onsetMs = timestampMs;
      }
      ongoing = AnomalyKind.LEVEL_SHIFT;
      sinceAlarm = 0;
      sinceAlarmSum = 0;
      return new Change(ongoing, onsetMs);
    }

    /**
     * An upward shift whose residuals still average {@value #GROWTH_MEAN_Z} scales over the {@code
     * growthPoints} after its alarm is growth; judged once, then.
     */
    private Change confirmGrowth(double x) {
      if (sign < 0 || ongoing != AnomalyKind.LEVEL_SHIFT || sinceAlarm < 0) {
        return null;
      }
      sinceAlarmSum += Math.min(x, clipZ);
      if (++sinceAlarm < growthPoints) {
        return null;
      }
      if (sinceAlarmSum / sinceAlarm < GROWTH_MEAN_Z) {
        // Absorbed, or nearly: a step after all.
        sinceAlarm = -1;
        return null;
      }
      ongoing = AnomalyKind.GROWTH;
      return new Change(ongoing, onsetMs);
    }

    void clear() {
      restore(0, NO_ONSET, 0, 0, 0, AnomalyKind.NONE);
    }

    void restore(
        double statistic,
        long onsetMs,
        int bigRun,
        int sinceAlarm,
        double sinceAlarmSum,
        AnomalyKind ongoing) {
      this.statistic = statistic;
      this.onsetMs = onsetMs;
      this.bigRun = bigRun;
      this.sinceAlarm = sinceAlarm;
      this.sinceAlarmSum = sinceAlarmSum;
      this.ongoing = ongoing;
    }
  }
}
