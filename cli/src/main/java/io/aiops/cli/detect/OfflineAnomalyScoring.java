package io.aiops.cli.detect;

import io.aiops.detection.anomaly.AnomalyScorer;
import io.aiops.detection.anomaly.AnomalyScorerSettings;
import io.aiops.detection.anomaly.PointScore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Scores an exported series point by point, as the stream processor would: samples in file order,
 * each bucket judged from the past alone when a later sample closes it, the last one at the end of
 * the file. The bucket follows the sample interval ({@link
 * AnomalyScorerSettings#forSampleInterval}), taken from the first samples only, so a longer export
 * of the same series scores its first points exactly as a shorter one did.
 */
public final class OfflineAnomalyScoring {
  // The typical interval is the median of at most this many first intervals.
  private static final int INTERVALS_FOR_BUCKET = 64;
  private static final Duration UNKNOWN_INTERVAL = Duration.ofMinutes(5);

  private final double minScore;

  /** Reports points scoring at least {@code minScore} (0.5 is the scorer's own threshold). */
  public OfflineAnomalyScoring(double minScore) {
    this.minScore = minScore;
  }

  /** The series, the settings chosen for it, how many points were scored, and the reported ones. */
  public record Result(
      MemorySeries series, AnomalyScorerSettings settings, int points, List<PointScore> reported) {}

  public Result score(MemorySeries series) {
    AnomalyScorerSettings settings =
        AnomalyScorerSettings.forSampleInterval(typicalInterval(series.timestampsSec()));
    AnomalyScorer scorer = new AnomalyScorer(settings);
    List<PointScore> reported = new ArrayList<>();
    int[] points = {0};
    for (int i = 0; i < series.size(); i++) {
      scorer
          .add(series.timestampsSec()[i] * 1000, series.values()[i])
          .ifPresent(score -> keep(score, points, reported));
    }
    scorer.flush().ifPresent(score -> keep(score, points, reported));
    return new Result(series, settings, points[0], List.copyOf(reported));
  }

  private void keep(PointScore score, int[] points, List<PointScore> reported) {
    points[0]++;
    if (score.score() >= minScore) {
      reported.add(score);
    }
  }

  /** Median of the first positive intervals; 5 minutes when there are none. */
  static Duration typicalInterval(long[] timestampsSec) {
    long[] intervals = new long[Math.min(INTERVALS_FOR_BUCKET, timestampsSec.length)];
    int n = 0;
    for (int i = 1; i < timestampsSec.length && n < intervals.length; i++) {
      long interval = timestampsSec[i] - timestampsSec[i - 1];
      if (interval > 0) {
        intervals[n++] = interval;
      }
    }
    if (n == 0) {
      return UNKNOWN_INTERVAL;
    }
    Arrays.sort(intervals, 0, n);
    return Duration.ofSeconds(intervals[(n - 1) / 2]);
  }
}
