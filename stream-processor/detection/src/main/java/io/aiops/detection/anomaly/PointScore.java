package io.aiops.detection.anomaly;

import java.util.OptionalLong;

/**
 * The judgement of one point, made when it arrived from the points before it alone.
 *
 * @param timestampMs the point's time (mean time of its bucket's samples)
 * @param value the point's value (mean of its bucket's samples)
 * @param expected the forecast it was judged against (seasonal + trend, or the recent level); NaN
 *     before any forecast exists
 * @param score 0..1, see {@link ScoreCalibration}; {@link #ANOMALOUS} and above is an anomaly
 * @param kind what kind of departure; {@link AnomalyKind#NONE} when the score is 0
 * @param onsetMs for a {@link AnomalyKind#LEVEL_SHIFT} or {@link AnomalyKind#GROWTH} point (the one
 *     that confirms the change and those after it while it lasts): when the change began, the
 *     change-point estimate; empty for other kinds
 */
public record PointScore(
    long timestampMs,
    double value,
    double expected,
    double score,
    AnomalyKind kind,
    OptionalLong onsetMs) {

  /** The default threshold: a score of 0.5 is a deviation of 5 robust standard deviations. */
  public static final double ANOMALOUS = 0.5;

  public boolean anomalous() {
    return score >= ANOMALOUS;
  }
}
