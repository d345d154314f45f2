package io.aiops.detection;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.OptionalLong;

/**
 * Judges one series' history: is it leaking, since when, how fast, and when will it hit its limit.
 *
 * <p>The daily swing is removed first (see {@link DailySwingFit}); the rest is judged by the rule
 * in {@link LeakClassification}. A leak's rate and trend come from the points since its onset,
 * which a flat stretch before it would otherwise dilute.
 */
public final class LeakDetector {
  private final LeakDetectorSettings settings;

  public LeakDetector(LeakDetectorSettings settings) {
    this.settings = Objects.requireNonNull(settings, "settings");
  }

  /**
   * Evaluates the closed points of {@code history}. {@code limitBytes}: the limit to measure the
   * ETA against (cgroup limit, or RSS + host MemAvailable); {@code <= 0} when unknown.
   */
  public LeakVerdict evaluate(PointHistory history, long limitBytes) {
    int n = history.size();
    long originMs = n > 0 ? history.timestampMsAt(0) : 0;
    // Times relative to the oldest point keep the regressions precise.
    double[] timesMs = new double[n];
    double[] bytes = new double[n];
    for (int i = 0; i < n; i++) {
      timesMs[i] = history.timestampMsAt(i) - originMs;
      bytes[i] = history.valueAt(i);
    }
    double spanMs = n > 0 ? timesMs[n - 1] : 0;
    if (n < settings.minPoints() || spanMs < settings.minHistory().toMillis()) {
      return insufficientHistory(timesMs, bytes, spanMs);
    }

    DailySwingFit fit = DailySwingFit.fit(timesMs, bytes);
    double[] level = fit.swing().removeFrom(timesMs, bytes);
    double swingPeakBytes = fit.swing().peakBytes();
    TrendEvidence trend = TrendEvidence.measure(timesMs, level);
    String classification = LeakClassification.classify(trend, fit, settings);
    boolean leak = LeakVerdict.LINEAR_LEAK.equals(classification);

    int onsetIndex = leak ? OnsetEstimator.onsetIndex(timesMs, level) : 0;
    Line growth = leak ? TheilSenSlope.fit(timesMs, level, onsetIndex, n) : trend.overall();
    double trendBytes = growth.valueAt(spanMs);
    // The kernel kills at the daily peak, not at the trend, so the swing eats into the headroom.
    OptionalDouble eta =
        leak
            ? OomEtaEstimator.etaSeconds(
                trendBytes + swingPeakBytes,
                growth.slopePerHour(),
                limitBytes,
                settings.etaHorizon())
            : OptionalDouble.empty();

    Map<String, Double> evidence = new LinkedHashMap<>();
    putHistory(evidence, n, spanMs);
    evidence.put("median_bytes", trend.medianBytes());
    evidence.put("theil_sen_bytes_per_hour", trend.overall().slopePerHour());
    evidence.put("first_half_bytes_per_hour", trend.firstHalfSlopePerMs() * Line.MS_PER_HOUR);
    evidence.put("second_half_bytes_per_hour", trend.secondHalfSlopePerMs() * Line.MS_PER_HOUR);
    evidence.put("half_consistency", trend.consistency());
    evidence.put("growth_fraction_per_day", trend.growthFractionPerDay());
    evidence.put("mann_kendall_z", trend.mannKendallZ());
    evidence.put("r_squared", OrdinaryLeastSquares.rSquared(timesMs, level, onsetIndex, n));
    evidence.put("daily_swing_bytes", swingPeakBytes);
    evidence.put("shape_rise_bytes", fit.riseBytes());
    if (limitBytes > 0) {
      evidence.put("limit_bytes", (double) limitBytes);
    }
    return new LeakVerdict(
        leak,
        classification,
        LeakClassification.confidence(leak, trend, settings),
        growth.slopePerHour(),
        trendBytes,
        leak ? OptionalLong.of(history.timestampMsAt(onsetIndex)) : OptionalLong.empty(),
        eta,
        evidence);
  }

  /** No verdict, but the measured slope and level still help a person looking at the series. */
  private static LeakVerdict insufficientHistory(double[] timesMs, double[] bytes, double spanMs) {
    Line line = TheilSenSlope.fit(timesMs, bytes);
    Map<String, Double> evidence = new LinkedHashMap<>();
    putHistory(evidence, bytes.length, spanMs);
    evidence.put("theil_sen_bytes_per_hour", line.slopePerHour());
    return new LeakVerdict(
        false,
        LeakVerdict.INSUFFICIENT_HISTORY,
        0,
        line.slopePerHour(),
        bytes.length > 0 ? line.valueAt(spanMs) : 0,
        OptionalLong.empty(),
        OptionalDouble.empty(),
        evidence);
  }

  private static void putHistory(Map<String, Double> evidence, int points, double spanMs) {
    evidence.put("history_hours", spanMs / Line.MS_PER_HOUR);
    evidence.put("points", (double) points);
  }
}
