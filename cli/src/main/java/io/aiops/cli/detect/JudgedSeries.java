package io.aiops.cli.detect;

import io.aiops.detection.LeakVerdict;
import io.aiops.detection.PointHistory;
import io.aiops.detection.anomaly.AnomalyScorerSettings;
import io.aiops.detection.anomaly.PointScore;
import io.aiops.detection.series.SeriesDetector;
import java.util.List;

/**
 * What the series detector concluded about one exported series, whichever engine ran it: the leak
 * verdict at the end of the input and the history it was given on, and the anomaly scoring.
 *
 * @param anomalySettings the scorer's settings, chosen from the series' sample interval
 * @param pointsScored how many points were scored
 * @param anomalies the points that scored at least the threshold, in time order
 */
public record JudgedSeries(
    MemorySeries series,
    LeakVerdict verdict,
    PointHistory history,
    AnomalyScorerSettings anomalySettings,
    long pointsScored,
    List<PointScore> anomalies) {

  public JudgedSeries {
    anomalies = List.copyOf(anomalies);
  }

  /** From a detector that has {@link SeriesDetector#finish finished} the series. */
  static JudgedSeries of(
      MemorySeries series, SeriesDetector finished, LeakVerdict verdict, List<PointScore> found) {
    return new JudgedSeries(
        series,
        verdict,
        finished.history(),
        finished.anomalySettings().orElseThrow(),
        finished.pointsScored(),
        found);
  }
}
