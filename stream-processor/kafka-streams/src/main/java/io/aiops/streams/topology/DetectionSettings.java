package io.aiops.streams.topology;

import io.aiops.detection.anomaly.PointScore;
import io.aiops.detection.series.SeriesDetectorSettings;
import java.time.Duration;
import java.util.Objects;

/**
 * How the topology windows and judges each series. Durations are in event time (the samples' own
 * clocks), so a fleet with skewed clocks and a simulation running faster than real time are judged
 * the same way.
 *
 * @param trendWindow one MemoryTrend per process per window
 * @param staleAfter a series not seen for this long (or from an older boot) is forgotten
 * @param anomalyRepeat a persisting leak is re-announced this often, with a fresh ETA
 * @param detector the per-series detector: leak history, verdict cadence (anomaly scoring follows
 *     each series' sample interval)
 * @param minAnomalyScore points scoring at least this are published as anomalies
 */
public record DetectionSettings(
    Duration trendWindow,
    Duration staleAfter,
    Duration anomalyRepeat,
    SeriesDetectorSettings detector,
    double minAnomalyScore) {

  public DetectionSettings {
    Objects.requireNonNull(trendWindow, "trendWindow");
    Objects.requireNonNull(staleAfter, "staleAfter");
    Objects.requireNonNull(anomalyRepeat, "anomalyRepeat");
    Objects.requireNonNull(detector, "detector");
    if (!(minAnomalyScore > 0 && minAnomalyScore <= 1)) {
      throw new IllegalArgumentException("minAnomalyScore must be in (0, 1]: " + minAnomalyScore);
    }
  }

  public static DetectionSettings defaults() {
    return new DetectionSettings(
        Duration.ofMinutes(5),
        Duration.ofHours(1),
        Duration.ofHours(6),
        SeriesDetectorSettings.defaults(),
        PointScore.ANOMALOUS);
  }

  /** The same, publishing points that score at least {@code score}. */
  public DetectionSettings withMinAnomalyScore(double score) {
    return new DetectionSettings(trendWindow, staleAfter, anomalyRepeat, detector, score);
  }

  /** The same, with another per-series detector. */
  public DetectionSettings withDetector(SeriesDetectorSettings settings) {
    return new DetectionSettings(trendWindow, staleAfter, anomalyRepeat, settings, minAnomalyScore);
  }
}
