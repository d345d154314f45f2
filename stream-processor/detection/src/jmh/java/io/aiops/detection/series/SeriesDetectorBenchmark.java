package io.aiops.detection.series;

import io.aiops.detection.LeakVerdict;
import io.aiops.detection.anomaly.PointScore;
import java.time.Duration;
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
 * The full per-sample update of one memory series, as the topology and {@code aiops detect} run it
 * ({@link SeriesDetector#add}): the sample is averaged into the leak history's 30-minute bucket and
 * the anomaly scorer's 5-minute one; a closed scorer bucket goes through online STL, its robust z,
 * CUSUM and the score; a closed history bucket refreshes the leak verdict and OOM ETA when the
 * cadence says so (a full {@code LeakDetector} judgement of 96 points).
 *
 * <p>The stream: samples every {@code stepSeconds} with ±20 % jitter, a 1.5 GiB process with a
 * daily swing of 200 MiB, noise of 4 MiB, a 10-minute burst of 300 MiB every 61 hours and a leak of
 * 2 MiB/h, against a 4 GiB limit. Measured past the first six days, so online STL is warm and the
 * history full: every verdict is a full one. {@code cadence}: {@code default} (every 2,048 samples
 * or 12 h of stream time, whichever first), {@code 2048-samples} (the sample count alone, the
 * default before the stream-time period), {@code every-bucket} (a verdict at every bucket close)
 * and {@code none} (no verdict after the setup: bucketing and scoring alone).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@State(Scope.Thread)
@Fork(value = 1, jvmArgsAppend = "-Xmx512m")
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class SeriesDetectorBenchmark {
  private static final long HOUR_MS = 3_600_000L;
  private static final double MIB = 1 << 20;
  private static final long LIMIT_BYTES = 4L << 30;

  @Param({"10", "30", "60"})
  int stepSeconds;

  @Param({"default", "2048-samples", "every-bucket", "none"})
  String cadence;

  private long[] offsetsMs;
  private double[] bytes;
  private long periodMs;
  private long laps;
  private int next;
  private SeriesDetector detector;
  private final Counting listener = new Counting();

  /** Counts what it is told, so nothing the detector does can be optimised away. */
  static final class Counting implements SeriesListener {
    long scores;
    long verdicts;
    double sum;

    @Override
    public void scored(PointScore score) {
      scores++;
      sum += score.score();
    }

    @Override
    public void judged(LeakVerdict verdict) {
      verdicts++;
      sum += verdict.confidence();
    }
  }

  @Setup
  public void prepare() {
    // Thirty days, replayed in laps that continue the time axis (the swing's phase too).
    periodMs = 30 * 24 * HOUR_MS;
    int count = (int) (periodMs / (stepSeconds * 1000L));
    offsetsMs = new long[count];
    bytes = new double[count];
    Random random = new Random(42);
    long stepMs = stepSeconds * 1000L;
    for (int i = 0; i < count; i++) {
      long jitterMs = (long) ((random.nextDouble() - 0.5) * 0.4 * stepMs);
      offsetsMs[i] = i * stepMs + stepMs / 2 + jitterMs;
      double hours = offsetsMs[i] / (double) HOUR_MS;
      bytes[i] =
          1536 * MIB
              + 200 * MIB * Math.sin(2 * Math.PI * hours / 24)
              + 4 * MIB * random.nextGaussian()
              + (hours % 61 >= 60 && hours % 61 < 60 + 1 / 6.0 ? 300 * MIB : 0)
              + 2 * MIB * hours;
    }
    detector = new SeriesDetector(settings(cadence));
    for (int i = 0; i < 6 * 24 * 3600 / stepSeconds; i++) {
      addSample();
    }
  }

  static SeriesDetectorSettings settings(String cadence) {
    SeriesDetectorSettings defaults = SeriesDetectorSettings.defaults();
    Duration never = Duration.ofDays(36_500);
    return switch (cadence) {
      case "default" -> defaults;
      case "2048-samples" -> defaults.judgingEvery(never);
      case "every-bucket" -> defaults.judgingEvery(1);
      case "none" -> defaults.judgingEvery(Integer.MAX_VALUE).judgingEvery(never);
      default -> throw new IllegalArgumentException("unknown cadence " + cadence);
    };
  }

  @Benchmark
  public void addSample() {
    int i = next;
    long timestampMs = 1_767_571_200_000L + laps * periodMs + offsetsMs[i];
    detector.add(timestampMs, bytes[i], LIMIT_BYTES, listener);
    if (++next == offsetsMs.length) {
      next = 0;
      laps++;
    }
  }
}
