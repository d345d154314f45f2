package io.aiops.detection.anomaly;

/**
 * The recent level of a series, blind to any daily pattern: Holt's level and slope (an EWMA that
 * follows a ramp without lag), updated with errors clipped at a limit so a spike barely moves it; a
 * run of same-sign outliers is a shift, absorbed at once, as {@code OnlineStl} does. It is the
 * forecast fast spikes are judged against, and the only one while a series is too short for its
 * daily period. State: five numbers.
 */
final class RecentLevel {
  private final double levelSmoothing;
  private final double slopeSmoothing;
  private final int shiftRunPoints;
  private boolean started;
  private double level;
  private double slope;
  private int runLength;
  private double runSum;

  RecentLevel(double levelSmoothing, double slopeSmoothing, int shiftRunPoints) {
    this.levelSmoothing = levelSmoothing;
    this.slopeSmoothing = slopeSmoothing;
    this.shiftRunPoints = shiftRunPoints;
  }

  /** The expected next value; NaN before the first point. */
  double forecast() {
    return started ? level + slope : Double.NaN;
  }

  /**
   * Learns from the next point, of which {@code explained} is expected on top of the forecast (the
   * daily pattern's share, 0 without one). The excess beyond {@code limit} is an outlier: the
   * update clips it to the limit, and {@code shiftRunPoints} outliers of one sign in a row move the
   * level by their mean (and drop the slope: a step is not a trend).
   */
  void update(double value, double explained, double limit) {
    if (!started) {
      started = true;
      level = value;
      return;
    }
    double forecast = level + slope;
    double excess = value - forecast - explained;
    if (Math.abs(excess) > limit) {
      if (runLength > 0 && Math.signum(runSum) != Math.signum(excess)) {
        endRun();
      }
      runLength++;
      runSum += excess;
      if (runLength == shiftRunPoints) {
        level = forecast + explained + runSum / runLength;
        slope = 0;
        endRun();
        return;
      }
      excess = Math.copySign(limit, excess);
    } else {
      endRun();
    }
    double error = explained + excess;
    level = forecast + levelSmoothing * error;
    slope += levelSmoothing * slopeSmoothing * error;
  }

  /**
   * Advances one point without a value (a gap): the level is carried flat, as the slope of a fast
   * level is the current ramp of the day, not a trend to extrapolate for hours.
   */
  void carry() {
    slope = 0;
  }

  private void endRun() {
    runLength = 0;
    runSum = 0;
  }

  // State for AnomalyScorerFormat.

  boolean started() {
    return started;
  }

  double level() {
    return level;
  }

  double slope() {
    return slope;
  }

  int runLength() {
    return runLength;
  }

  double runSum() {
    return runSum;
  }

  void restore(boolean started, double level, double slope, int runLength, double runSum) {
    if (runLength < 0 || runLength >= shiftRunPoints) {
      throw new IllegalArgumentException("outlier run out of range: " + runLength);
    }
    this.started = started;
    this.level = level;
    this.slope = slope;
    this.runLength = runLength;
    this.runSum = runSum;
  }
}
