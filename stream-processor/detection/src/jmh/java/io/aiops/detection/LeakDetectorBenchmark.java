package io.aiops.detection;

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
 * One leak verdict ({@link LeakDetector#evaluate}) on a full history, 96 half-hour points (48 h),
 * or on a younger one of 40 h, where the swing fit also tries a daily pulse: a daily swing with
 * noise, flat or growing 20 MB/h. This is what a series detector pays when it judges, and why it
 * judges at a cadence rather than at every bucket.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@State(Scope.Thread)
@Fork(value = 1, jvmArgsAppend = "-Xmx512m")
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class LeakDetectorBenchmark {
  @Param({"stable", "leak"})
  String shape;

  @Param({"48", "40"})
  int hours;

  private final LeakDetector detector = new LeakDetector(LeakDetectorSettings.defaults());
  private PointHistory history;

  @Setup
  public void prepare() {
    history = new PointHistory(1_800_000L, 96);
    Random random = new Random(42);
    long startMs = 1_767_571_200_000L;
    for (int i = 0; i <= 2 * hours; i++) {
      double hour = i * 0.5;
      double bytes =
          1.8e9
              + 2.5e8 * Math.sin(2 * Math.PI * hour / 24)
              + 6e6 * random.nextGaussian()
              + (shape.equals("leak") ? 20e6 * hour : 0);
      history.add(startMs + i * 1_800_000L, bytes);
    }
  }

  @Benchmark
  public LeakVerdict evaluate() {
    return detector.evaluate(history, 4L << 30);
  }
}
