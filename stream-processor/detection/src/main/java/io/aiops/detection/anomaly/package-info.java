/**
 * Streaming anomaly scoring: {@link io.aiops.detection.anomaly.AnomalyScorer} judges each point of
 * a series from the past alone (online STL remainders, the recent level, CUSUM) and returns a
 * {@link io.aiops.detection.anomaly.PointScore} with a score in 0..1 and a kind. Plain Java.
 */
package io.aiops.detection.anomaly;
