package io.aiops.streams.topology;

import io.aiops.detection.anomaly.AnomalyKind;
import io.aiops.detection.anomaly.PointScore;
import io.aiops.schemas.memory.AnomalyType;
import io.aiops.schemas.memory.MemoryAnomaly;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Reads back the scored point a {@code GROWTH_SPIKE} anomaly was published for, exactly: what a
 * consumer of {@code memory.anomalies.v1} needs to print or re-judge it.
 */
public final class PointAnomalies {
  /** Evidence key of the point's value (the mean of its bucket's samples), full precision. */
  public static final String VALUE = "value_bytes";

  /** Evidence key of the forecast the point was judged against; absent before any forecast. */
  public static final String EXPECTED = "expected_bytes";

  private PointAnomalies() {}

  /** The point behind a published point anomaly; empty for any other anomaly. */
  public static Optional<PointScore> pointOf(MemoryAnomaly anomaly) {
    String value = anomaly.getEvidence().get(VALUE);
    if (anomaly.getAnomalyType() != AnomalyType.GROWTH_SPIKE || value == null) {
      return Optional.empty();
    }
    String expected = anomaly.getEvidence().get(EXPECTED);
    AnomalyKind kind = kindOf(anomaly.getClassification());
    if (kind == null) {
      return Optional.empty();
    }
    return Optional.of(
        new PointScore(
            anomaly.getDetectedAtMs(),
            Double.parseDouble(value),
            expected == null ? Double.NaN : Double.parseDouble(expected),
            anomaly.getConfidence(),
            kind,
            anomaly.getOnsetMs() == null
                ? OptionalLong.empty()
                : OptionalLong.of(anomaly.getOnsetMs())));
  }

  private static AnomalyKind kindOf(String label) {
    for (AnomalyKind kind : AnomalyKind.values()) {
      if (kind.label().equals(label)) {
        return kind;
      }
    }
    return null;
  }
}
