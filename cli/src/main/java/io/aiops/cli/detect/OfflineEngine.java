package io.aiops.cli.detect;

import io.aiops.detection.LeakVerdict;
import io.aiops.detection.anomaly.PointScore;
import io.aiops.detection.series.SeriesDetector;
import io.aiops.detection.series.SeriesListener;
import io.aiops.streams.topology.DetectionSettings;
import java.util.ArrayList;
import java.util.List;

/**
 * The series detector in this process, as the stream processor runs it per series: samples in file
 * order, then the end of the input (the anomaly scorer's last bucket closed and scored, the leak
 * verdict on the history as it stands).
 */
final class OfflineEngine implements DetectionEngine {
  private final DetectionSettings settings;

  OfflineEngine(DetectionSettings settings) {
    this.settings = settings;
  }

  @Override
  public int batchSize() {
    return 1;
  }

  @Override
  public List<JudgedSeries> judge(List<MemorySeries> batch) {
    return batch.stream().map(this::judge).toList();
  }

  private JudgedSeries judge(MemorySeries series) {
    SeriesDetector detector = new SeriesDetector(settings.detector());
    List<PointScore> found = new ArrayList<>();
    SeriesListener keep = keeping(found, settings.minAnomalyScore());
    for (int i = 0; i < series.size(); i++) {
      detector.add(series.timestampsSec()[i] * 1000, series.values()[i], series.limitBytes(), keep);
    }
    LeakVerdict verdict = detector.finish(keep);
    return JudgedSeries.of(series, detector, verdict, found);
  }

  /** A listener adding the points that score at least {@code minScore} to {@code found}. */
  static SeriesListener keeping(List<PointScore> found, double minScore) {
    return new SeriesListener() {
      @Override
      public void scored(PointScore score) {
        if (score.score() >= minScore) {
          found.add(score);
        }
      }
    };
  }
}
