package io.aiops.detection.stl;

import io.aiops.detection.RobustScale;
import java.util.Arrays;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Streaming STL: per-point cost and state independent of any window length, in the line of
 * OnlineSTL (Mishra et al., VLDB 2022) and OneShotSTL (He et al., VLDB 2023).
 *
 * <p>The first {@code warmUpPeriods} periods are buffered and decomposed once by robust batch STL
 * ({@link StlDecomposition}); its last cycle of seasonal and the end of its trend seed the state.
 * Then each point is decomposed from the past alone, before it updates the state: trend = level +
 * slope (Holt's linear method, the one-sided stand-in for STL's trend LOESS), seasonal = the
 * phase's value from the previous cycles (each phase exponentially smoothed, as OnlineSTL smooths
 * each cycle-subseries), remainder = value - trend - seasonal. Updates use the remainder clipped at
 * {@code clipScales} robust scales, the online counterpart of STL's robustness weights, so spikes
 * show in the remainder without bending the trend or seasonal; a run of same-sign clipped
 * remainders is taken as a level shift (as OneShotSTL does) so a step is absorbed within a few
 * points instead of being ground in at the clipped rate; likewise a deviation that recurs at one
 * phase for a few cycles moves that phase's seasonal.
 *
 * <p>State: after warm-up, {@code 4 * period + 7} numbers (per phase: seasonal, its change per
 * cycle, run of same-sign outliers and its sum; then the seasonal sum, level, slope, remainder
 * scale, run length and run sum), {@code 28 * period + 162} bytes serialised with the settings
 * (1,506 for period 48); during warm-up, the buffered points ({@code warmUpPeriods * period} at
 * most). Each point costs O(1), plus O(period) once per period to resum the seasonal exactly
 * (amortised O(1)); the warm-up decomposition runs once.
 *
 * <p>Points must be consecutive and equally spaced (one per bucket; the caller fills gaps), since
 * the phase is the point count modulo the period. Not thread-safe: one instance per series.
 */
public final class OnlineStl {
  // Mean absolute deviation to standard deviation for normal noise (sqrt(pi / 2)).
  private static final double MEAN_ABSOLUTE_TO_SD = 1.2533141373155003;

  private final OnlineStlSettings settings;
  private final int period;
  private long pointsSeen;
  private double[] warmUp;
  private final double[] seasonal;
  private final double[] seasonalSlope;
  private double seasonalSum;
  private double level;
  private double slope;
  private double scale;
  private final OutlierRuns levelRuns;
  private final OutlierRuns phaseRuns;

  public OnlineStl(OnlineStlSettings settings) {
    this.settings = settings;
    this.period = settings.periodPoints();
    this.warmUp = new double[settings.warmUpPoints()];
    this.seasonal = new double[period];
    this.seasonalSlope = new double[period];
    this.levelRuns = new OutlierRuns(1, settings.shiftRunPoints());
    this.phaseRuns = new OutlierRuns(period, settings.shiftRunCycles());
  }

  /**
   * Decomposes the next point and learns from it; empty while warming up. Throws
   * IllegalArgumentException on a non-finite value (the caller fills gaps; skipping one would shift
   * every later phase).
   */
  public Optional<OnlineStlPoint> add(double value) {
    if (!Double.isFinite(value)) {
      throw new IllegalArgumentException("non-finite value: " + value);
    }
    if (warmUp != null) {
      warmUp[(int) pointsSeen++] = value;
      if (pointsSeen == warmUp.length) {
        initialiseFrom(new StlDecomposition(settings.batch()).decompose(warmUp));
        warmUp = null;
      }
      return Optional.empty();
    }
    return Optional.of(decomposeAndLearn(value));
  }

  /**
   * The value the next point is expected to take (trend + seasonal, from the past alone); empty
   * while warming up. Adding it back is how a caller fills a missing point: its remainder is zero,
   * so the trend and seasonal carry on unchanged while the phase advances.
   */
  public OptionalDouble forecast() {
    if (warmUp != null) {
      return OptionalDouble.empty();
    }
    int phase = (int) (pointsSeen % period);
    return OptionalDouble.of(level + slope + seasonal[phase] + seasonalSlope[phase]);
  }

  /** True once the warm-up decomposition has run. */
  public boolean ready() {
    return warmUp == null;
  }

  public long pointsSeen() {
    return pointsSeen;
  }

  public OnlineStlSettings settings() {
    return settings;
  }

  /** Compact, versioned binary form of the settings and the state. */
  public byte[] toBytes() {
    return OnlineStlFormat.write(this);
  }

  /** Reads {@link #toBytes()} output; throws IllegalArgumentException on anything else. */
  public static OnlineStl fromBytes(byte[] bytes) {
    return OnlineStlFormat.read(bytes);
  }

  private OnlineStlPoint decomposeAndLearn(double value) {
    int phase = (int) (pointsSeen % period);
    double trend = level + slope;
    double season = seasonal[phase] + seasonalSlope[phase];
    double remainder = value - trend - season;
    // Report the seasonal centred on zero and the trend carrying the seasonal's mean, so the split
    // does not wander as Holt-Winters' seasonal sum would; their sum is unchanged.
    double seasonalMean = seasonalSum / period;
    OnlineStlPoint point =
        new OnlineStlPoint(value, season - seasonalMean, trend + seasonalMean, remainder, scale);

    double limit = settings.clipScales() * Math.max(scale, scaleFloor());
    double shift = levelRuns.observe(0, remainder, limit);
    // A deviation recurring at this phase, same sign, for shiftRunCycles cycles belongs to the
    // seasonal (a new nightly job; a warm-up seasonal that absorbed a spike).
    double seasonalShift = shift == 0 ? phaseRuns.observe(phase, remainder, limit) : 0;
    double clipped = Math.max(-limit, Math.min(limit, remainder - shift - seasonalShift));
    level = trend + shift + settings.levelSmoothing() * clipped;
    slope += settings.levelSmoothing() * settings.slopeSmoothing() * clipped;
    double updated =
        season
            + seasonalShift
            + settings.seasonalSmoothing() * (1 - settings.levelSmoothing()) * clipped;
    seasonalSum += updated - seasonal[phase];
    seasonal[phase] = updated;
    seasonalSlope[phase] +=
        settings.seasonalSlopeSmoothing()
            * settings.seasonalSmoothing()
            * (1 - settings.levelSmoothing())
            * clipped;
    double absolute = Math.min(Math.abs(remainder - shift - seasonalShift), limit);
    scale += settings.scaleSmoothing() * (MEAN_ABSOLUTE_TO_SD * absolute - scale);

    pointsSeen++;
    if (phase == period - 1) {
      // Resum once per cycle so rounding in the running sum cannot accumulate.
      seasonalSum = sum(seasonal);
    }
    return point;
  }

  /** A scale below which clipping stops making sense: a few ulps of the level. */
  private double scaleFloor() {
    return 1e-9 * Math.max(1, Math.abs(level));
  }

  private void initialiseFrom(StlResult batch) {
    double[] batchSeasonal = batch.seasonal();
    double[] batchTrend = batch.trend();
    int n = batchTrend.length;
    System.arraycopy(batchSeasonal, n - period, seasonal, 0, period);
    seasonalSum = sum(seasonal);
    level = batchTrend[n - 1];
    // The slope over the last period: the last single step of a LOESS end fit is too noisy.
    slope = (batchTrend[n - 1] - batchTrend[n - 1 - period]) / period;
    double[] absolute = batch.remainder();
    for (int i = 0; i < n; i++) {
      absolute[i] = Math.abs(absolute[i]);
    }
    Arrays.sort(absolute);
    scale = RobustScale.MAD_TO_SD * (absolute[(n - 1) / 2] + absolute[n / 2]) / 2;
  }

  private static double sum(double[] values) {
    double total = 0;
    for (double value : values) {
      total += value;
    }
    return total;
  }

  // Accessors and restore for OnlineStlFormat.

  double[] warmUpPoints() {
    return warmUp == null ? null : Arrays.copyOf(warmUp, (int) pointsSeen);
  }

  double[] seasonalState() {
    return seasonal.clone();
  }

  double[] seasonalSlopeState() {
    return seasonalSlope.clone();
  }

  double seasonalSum() {
    return seasonalSum;
  }

  double level() {
    return level;
  }

  double slope() {
    return slope;
  }

  double scale() {
    return scale;
  }

  OutlierRuns levelRuns() {
    return levelRuns;
  }

  OutlierRuns phaseRuns() {
    return phaseRuns;
  }

  static OnlineStl restoreWarmingUp(OnlineStlSettings settings, double[] points) {
    OnlineStl online = new OnlineStl(settings);
    System.arraycopy(points, 0, online.warmUp, 0, points.length);
    online.pointsSeen = points.length;
    return online;
  }

  static OnlineStl restoreReady(
      OnlineStlSettings settings,
      long pointsSeen,
      double[] seasonal,
      double[] seasonalSlope,
      double seasonalSum,
      double level,
      double slope,
      double scale) {
    OnlineStl online = new OnlineStl(settings);
    online.warmUp = null;
    online.pointsSeen = pointsSeen;
    System.arraycopy(seasonal, 0, online.seasonal, 0, seasonal.length);
    System.arraycopy(seasonalSlope, 0, online.seasonalSlope, 0, seasonalSlope.length);
    online.seasonalSum = seasonalSum;
    online.level = level;
    online.slope = slope;
    online.scale = scale;
    return online;
  }
}
