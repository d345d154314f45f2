package io.aiops.detection.anomaly;

/**
 * Maps a robust z-score (a deviation in robust standard deviations) to a score in [0, 1): {@code
 * score = 1 - 0.5^((|z| - ignoredZ) / (halfZ - ignoredZ))} above {@code ignoredZ}, else 0. With the
 * defaults (3 and 5): |z| 4 scores 0.29, 5 scores 0.5, 7 scores 0.75, 9 scores 0.875. The same
 * halving form as the leak detector's confidence, so 0.5 means "on the threshold" in both.
 *
 * @param ignoredZ deviations up to this many scales score 0 (ordinary noise)
 * @param halfZ the deviation that scores 0.5, the default anomaly threshold
 */
public record ScoreCalibration(double ignoredZ, double halfZ) {

  public ScoreCalibration {
    if (!(ignoredZ >= 0 && halfZ > ignoredZ && Double.isFinite(halfZ))) {
      throw new IllegalArgumentException(
          "need 0 <= ignoredZ < halfZ, finite: " + ignoredZ + ", " + halfZ);
    }
  }

  public static ScoreCalibration defaults() {
    return new ScoreCalibration(3, 5);
  }

  public double score(double z) {
    double excess = Math.abs(z) - ignoredZ;
    if (!(excess > 0)) {
      return 0;
    }
    return 1 - Math.pow(0.5, excess / (halfZ - ignoredZ));
  }
}
