package io.aiops.detection.series;

import io.aiops.detection.LeakVerdict;
import io.aiops.detection.anomaly.PointScore;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Named series for the series detector's tests, and a listener that records what it was told. */
class SeriesTraces {
  static final long START_MS = 1_767_571_200_000L; // 2026-01-05T00:00:00Z
  static final long SECOND_MS = 1_000;
  static final long HOUR_MS = 3_600_000;
  static final long DAY_MS = 24 * HOUR_MS;
  static final double MIB = 1 << 20;
  static final long LIMIT_BYTES = 4L << 30;

  /** A sample of a series: its time and RSS. */
  record Sample(long timestampMs, double bytes) {}

  /**
   * A process of 1.5 GiB with a daily swing of 200 MiB, noise of 4 MiB, a 10-minute burst of 300
   * MiB every 61 hours, growing {@code leakMibPerHour} from {@code leakFromHour}.
   */
  static List<Sample> memory(
      long stepMs, double days, double leakMibPerHour, double leakFromHour, long seed) {
    Random random = new Random(seed);
    List<Sample> samples = new ArrayList<>();
    for (long t = 0; t <= days * DAY_MS; t += stepMs) {
      double hours = t / (double) HOUR_MS;
      double bytes =
          1536 * MIB
              + 200 * MIB * Math.sin(2 * Math.PI * hours / 24)
              + 4 * MIB * random.nextGaussian()
              + (hours % 61 >= 60 && hours % 61 < 60 + 1 / 6.0 ? 300 * MIB : 0)
              + leakMibPerHour * MIB * Math.max(0, hours - leakFromHour);
      samples.add(new Sample(START_MS + t, bytes));
    }
    return samples;
  }

  /** Records every callback. */
  static final class Recorder implements SeriesListener {
    final List<PointScore> scores = new ArrayList<>();
    final List<LeakVerdict> verdicts = new ArrayList<>();
    final List<Integer> verdictSamples = new ArrayList<>();
    int samples;

    @Override
    public void scored(PointScore score) {
      scores.add(score);
    }

    @Override
    public void judged(LeakVerdict verdict) {
      verdicts.add(verdict);
      verdictSamples.add(samples);
    }

    void feed(SeriesDetector detector, List<Sample> series, int from, int to) {
      for (int i = from; i < to; i++) {
        samples = i + 1;
        detector.add(series.get(i).timestampMs(), series.get(i).bytes(), LIMIT_BYTES, this);
      }
    }
  }
}
