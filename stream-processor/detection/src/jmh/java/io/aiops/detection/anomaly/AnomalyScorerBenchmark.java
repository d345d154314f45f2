package io.aiops.detection.anomaly;

import java.time.Duration;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The whole per-sample update of one series, as a stream processor runs it: {@link
 * AnomalyScorer#add} averages the sample into its bucket ({@code PointHistory}) and, when it closes
 * one, decomposes the point with online STL, standardises it, runs CUSUM and returns its score.
 *
 * <p>Buckets of 30 minutes (48 a day) or 5 minutes (288); one sample per bucket (every sample
 * closes a bucket: the worst case) or five (samples every 6 minutes or every minute). The scorer is
 * past its 4-day warm-up, so every point goes through online STL. The series is a daily swing with
 * noise and a spike every 500 samples.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@State(Scope.Thread)
@Fork(value = 1, jvmArgsAppend = "-Xmx512m")
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class AnomalyScorerBenchmark {
  @Param({"48", "288"})
  int pointsPerDay;

  @Param({"1", "5"})
  int samplesPerBucket;

  private double[] series;
  private long stepMs;
  private long timestampMs;
  private int next;
  private AnomalyScorer scorer;

  @Setup
  public void prepare() {
    long bucketMs = Duration.ofDays(1).toMillis() / pointsPerDay;
    stepMs = bucketMs / samplesPerBucket;
    // Thirty days of samples, a whole number of days, so wrapping around continues the swing.
    int samplesPerDay = pointsPerDay * samplesPerBucket;
    series = new double[30 * samplesPerDay];
    Random random = new Random(42);
    for (int i = 0; i < series.length; i++) {
      double dayFraction = (i % samplesPerDay) / (double) samplesPerDay;
      series[i] =
          1.8e9
              + 2.5e8 * Math.sin(2 * Math.PI * dayFraction)
              + 6e6 * random.nextGaussian()
              + (i % 500 == 0 ? 1.5e8 : 0);
    }
    scorer = new AnomalyScorer(AnomalyScorerSettings.forBucket(Duration.ofMillis(bucketMs), true));
    timestampMs = 1_767_571_200_000L;
    // Past warm-up (4 days) and the remainder window: STL scores every point from here.
    for (int i = 0; i < 6 * samplesPerDay; i++) {
      addSample();
    }
  }

  @Benchmark
  public Optional<PointScore> addSample() {
    double value = series[next];
    next = next + 1 == series.length ? 0 : next + 1;
    timestampMs += stepMs;
    return scorer.add(timestampMs, value);
  }
}
