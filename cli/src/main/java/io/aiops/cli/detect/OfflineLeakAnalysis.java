package io.aiops.cli.detect;

import io.aiops.detection.LeakDetector;
import io.aiops.detection.LeakVerdict;
import io.aiops.detection.PointHistory;
import io.aiops.streams.topology.DetectionSettings;

/**
 * Judges an exported series with the same history and detector as the stream processor: samples are
 * fed in order, and the verdict is the one given when the last complete bucket closed.
 */
public final class OfflineLeakAnalysis {
  private final DetectionSettings settings;
  private final LeakDetector detector;

  public OfflineLeakAnalysis(DetectionSettings settings) {
    this.settings = settings;
    this.detector = new LeakDetector(settings.leak());
  }

  /** The verdict, and the history it was given on (for the report). */
  public record Result(MemorySeries series, LeakVerdict verdict, PointHistory history) {}

  public Result analyze(MemorySeries series) {
    PointHistory history =
        new PointHistory(settings.historyBucket().toMillis(), settings.historyCapacity());
    LeakVerdict verdict = null;
    for (int i = 0; i < series.size(); i++) {
      if (history.add(series.timestampsSec()[i] * 1000, series.rssBytes()[i])) {
        verdict = detector.evaluate(history, series.limitBytes());
      }
    }
    if (verdict == null) {
      verdict = detector.evaluate(history, series.limitBytes());
    }
    return new Result(series, verdict, history);
  }
}
