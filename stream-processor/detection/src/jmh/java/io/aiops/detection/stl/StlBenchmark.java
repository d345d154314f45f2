package io.aiops.detection.stl;

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
 * The cost of decomposing one new point: {@link OnlineStl#add} against recomputing batch STL over a
 * sliding window that ends at that point, as a stream processor without online STL would.
 *
 * <p>A day of 30-minute (48) or 5-minute (288) points is the period; the window is {@code
 * windowDays} days (7: 336 and 2,016 points). Batch STL uses R's defaults with {@code s.window = 7}
 * (jumps included), plain and robust; online STL is matched to the same settings.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@State(Scope.Thread)
@Fork(value = 1, jvmArgsAppend = "-Xmx512m")
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class StlBenchmark {
  @Param({"48", "288"})
  int pointsPerDay;

  @Param({"7"})
  int windowDays;

  private double[] series;
  private double[] window;
  private int next;
  private OnlineStl online;
  private StlDecomposition batch;
  private StlDecomposition robustBatch;

  @Setup
  public void prepare() {
    // Sixty days of a steady daily swing with noise: a whole number of periods, so wrapping
    // around the array continues the series without a jump.
    series = new double[60 * pointsPerDay];
    Random random = new Random(42);
    for (int i = 0; i < series.length; i++) {
      double dayFraction = (i % pointsPerDay) / (double) pointsPerDay;
      series[i] = 1800 + 250 * Math.sin(2 * Math.PI * dayFraction) + 6 * random.nextGaussian();
    }
    window = new double[windowDays * pointsPerDay];
    StlSettings settings = StlSettings.of(pointsPerDay, 7);
    batch = new StlDecomposition(settings);
    robustBatch = new StlDecomposition(settings.robust());
    online = new OnlineStl(OnlineStlSettings.matching(settings, 4));
    while (!online.ready()) {
      online.add(series[next++]);
    }
  }

  @Benchmark
  public double onlineUpdate() {
    double value = series[next];
    next = (next + 1) % series.length;
    return online.add(value).orElseThrow().remainder();
  }

  @Benchmark
  public double batchRecompute() {
    return recompute(batch);
  }

  @Benchmark
  public double robustBatchRecompute() {
    return recompute(robustBatch);
  }

  private double recompute(StlDecomposition stl) {
    int start = next;
    next = (next + 1) % (series.length - window.length);
    System.arraycopy(series, start, window, 0, window.length);
    double[] remainder = stl.decompose(window).remainder();
    return remainder[remainder.length - 1];
  }
}
