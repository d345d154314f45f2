package io.aiops.detection.series;

import io.aiops.detection.LeakVerdict;
import io.aiops.detection.anomaly.PointScore;

/**
 * What a {@link SeriesDetector} found while taking a sample: called back rather than returned, so
 * the common sample (no bucket closed) allocates nothing.
 */
public interface SeriesListener {
  /** Ignores everything. */
  SeriesListener NONE = new SeriesListener() {};

  /** A point was scored: its bucket closed (or the input ended). Every point, anomalous or not. */
  default void scored(PointScore score) {}

  /** The leak verdict and OOM ETA were refreshed. */
  default void judged(LeakVerdict verdict) {}
}
