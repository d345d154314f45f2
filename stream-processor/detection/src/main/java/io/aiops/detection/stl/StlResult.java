package io.aiops.detection.stl;

/**
 * An additive decomposition {@code series = seasonal + trend + remainder}, point by point.
 *
 * <p>The arrays are copied in and out, so a result cannot be changed after the fact.
 *
 * @param kind whether a seasonal component was estimated at all
 */
public record StlResult(double[] seasonal, double[] trend, double[] remainder, Kind kind) {

  /** How the series was decomposed. */
  public enum Kind {
    /** Full STL: seasonal, trend and remainder. */
    SEASONAL_TREND,
    /**
     * The series had two periods or less, too few for cycle-subseries: robust LOESS trend only, the
     * seasonal all zeros (see {@link StlDecomposition}).
     */
    TREND_ONLY
  }

  public StlResult {
    if (seasonal.length != trend.length || trend.length != remainder.length) {
      throw new IllegalArgumentException("components differ in length");
    }
    seasonal = seasonal.clone();
    trend = trend.clone();
    remainder = remainder.clone();
  }

  @Override
  public double[] seasonal() {
    return seasonal.clone();
  }

  @Override
  public double[] trend() {
    return trend.clone();
  }

  @Override
  public double[] remainder() {
    return remainder.clone();
  }

  public int size() {
    return trend.length;
  }
}
