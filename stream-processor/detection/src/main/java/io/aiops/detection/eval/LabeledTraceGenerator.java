package io.aiops.detection.eval;

import io.aiops.detection.eval.MemoryModel.SwingShape;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Generates realistic labeled memory traces: 24–72 h at 30–120 s steps, sizes from 50 MB to 8 GB,
 * daily patterns of several shapes, GC sawtooth, noise, transient spikes and collection gaps, over
 * which a kind (stable, warm-up, step, ..., or one of four leak shapes with a random onset) is
 * drawn. Deterministic for a seed, so an evaluation can be rerun and compared.
 */
public final class LabeledTraceGenerator {
  private static final double MB = 1e6;
  private static final long HOUR_MS = 3_600_000L;
  // 2026-01-05T00:00:00Z; each trace starts at a random hour after it.
  private static final long EPOCH_MS = 1_767_571_200_000L;

  private final long seed;

  public LabeledTraceGenerator(long seed) {
    this.seed = seed;
  }

  /** {@code count} traces, kinds taken in turn so every kind is equally represented. */
  public List<LabeledTrace> generate(int count) {
    TraceKind[] kinds = TraceKind.values();
    List<LabeledTrace> traces = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      traces.add(trace(i, kinds[i % kinds.length]));
    }
    return traces;
  }

  /** Trace {@code index} of this seed, of the given kind. */
  public LabeledTrace trace(int index, TraceKind kind) {
    SplittableRandom random = new SplittableRandom(seed * 1_000_003L + index);
    double durationHours = uniform(random, 24, 72);
    double stepSeconds = uniform(random, 30, 120);
    double baseBytes = logUniform(random, 50 * MB, 8000 * MB);
    MemoryModel model = model(random, kind, baseBytes, durationHours);
    long startMs = EPOCH_MS + random.nextInt(24 * 30) * HOUR_MS;
    TraceNoise noise = TraceNoise.draw(random, kind, baseBytes, stepSeconds);
    List<long[]> gaps = gaps(random, durationHours);

    int capacity = (int) (durationHours * 3600 / stepSeconds) + 1;
    long[] times = new long[capacity];
    double[] values = new double[capacity];
    int n = 0;
    double maxBytes = 0;
    for (int i = 0; i < capacity; i++) {
      double hours = i * stepSeconds / 3600;
      long t = startMs + Math.round(hours * HOUR_MS);
      if (inGap(gaps, t - startMs)) {
        continue;
      }
      double value = Math.max(MB, model.bytesAt(hours) + noise.next(random, hours));
      times[n] = t;
      values[n] = value;
      maxBytes = Math.max(maxBytes, value);
      n++;
    }
    long[] timestampsMs = java.util.Arrays.copyOf(times, n);
    double[] valuesBytes = java.util.Arrays.copyOf(values, n);
    long limitBytes = limit(random, kind, model, durationHours, maxBytes);
    String id = String.format("trace-%04d-%s", index, kind.label());
    return new LabeledTrace(id, kind, startMs, timestampsMs, valuesBytes, limitBytes, model);
  }

  private static MemoryModel model(
      SplittableRandom random, TraceKind kind, double base, double durationHours) {
    SwingShape shape = swingShape(random, kind);
    double swing =
        switch (kind) {
          case SEASONAL -> uniform(random, 0.08, 0.35);
          case SEASONALITY_HIDDEN_LEAK -> uniform(random, 0.20, 0.35);
          case STABLE -> uniform(random, 0, 0.02);
          default -> random.nextInt(3) == 0 ? 0 : uniform(random, 0.02, 0.15);
        };
    double phase = uniform(random, 0, 24);
    MemoryModel.Trend trend =
        switch (kind) {
          case WARM_UP -> warmUp(random, base, durationHours);
          case STEP ->
              new MemoryModel.Step(
                  uniform(random, 0.2, 0.8) * durationHours, uniform(random, 0.10, 0.60) * base);
          case LINEAR_LEAK -> leak(random, base, durationHours, 0.06, 0.8, false, 0);
          case STAIRCASE_LEAK ->
              leak(random, base, durationHours, 0.06, 0.8, false, uniform(random, 0.5, 4));
          case ACCELERATING_LEAK -> leak(random, base, durationHours, 0.04, 0.4, true, 0);
          // Slow enough that the swing is several times the leak's daily growth.
          case SEASONALITY_HIDDEN_LEAK -> leak(random, base, durationHours, 0.05, 0.12, false, 0);
          default -> new MemoryModel.NoTrend();
        };
    return new MemoryModel(base, shape, swing, phase, trend);
  }

  private static SwingShape swingShape(SplittableRandom random, TraceKind kind) {
    SwingShape[] shapes = {SwingShape.SINE, SwingShape.OFFICE_HOURS, SwingShape.NIGHTLY_BATCH};
    return kind == TraceKind.STABLE ? SwingShape.SINE : shapes[random.nextInt(shapes.length)];
  }

  private static MemoryModel.Trend warmUp(SplittableRandom random, double base, double hours) {
    double start = uniform(random, 0, 0.3) * hours;
    // At least five time constants before the end: a warm-up still rising at the end of the
    // window is, by any measure a person would use, still growing.
    double tau = Math.min(uniform(random, 1, 6), (hours - start) / 5);
    return new MemoryModel.WarmUp(start, tau, uniform(random, 0.2, 1.0) * base);
  }

  /**
   * A leak growing {@code minDaily..maxDaily} of the base per day (log-uniform), from an onset that
   * leaves at least 12 h, or half the trace, of growth to see.
   */
  private static MemoryModel.Leak leak(
      SplittableRandom random,
      double base,
      double hours,
      double minDaily,
      double maxDaily,
      boolean accelerating,
      double stairHours) {
    double onset = uniform(random, 0, Math.min(hours - 12, hours / 2));
    double perHour = logUniform(random, minDaily, maxDaily) * base / 24;
    double accel = 0;
    if (accelerating) {
      // The rate grows 2–4× between onset and the end of the trace.
      double factor = uniform(random, 2, 4);
      accel = (factor - 1) * perHour / (hours - onset);
    }
    return new MemoryModel.Leak(onset, perHour, accel, stairHours);
  }

  /**
   * A leak's limit is set so the true ETA from the trace's end spans 6 h to 40 days (log-uniform),
   * a fifth of them past the 30-day horizon; anything else gets a limit of 1.3–3× its peak.
   */
  private static long limit(
      SplittableRandom random,
      TraceKind kind,
      MemoryModel model,
      double durationHours,
      double maxBytes) {
    if (!kind.leak()) {
      return Math.round(maxBytes * uniform(random, 1.3, 3));
    }
    double etaHours = logUniform(random, 6, 40 * 24);
    double atEta = model.trend().bytesAt(durationHours + etaHours);
    return Math.round(
        Math.max(maxBytes * 1.05, model.baseBytes() + atEta + model.swingPeakBytes()));
  }

  private static List<long[]> gaps(SplittableRandom random, double hours) {
    List<long[]> gaps = new ArrayList<>();
    int count = random.nextInt(3);
    for (int i = 0; i < count; i++) {
      double start = uniform(random, 1, hours - 1);
      double length = uniform(random, 0.25, 3);
      gaps.add(new long[] {Math.round(start * HOUR_MS), Math.round((start + length) * HOUR_MS)});
    }
    return gaps;
  }

  private static boolean inGap(List<long[]> gaps, long offsetMs) {
    for (long[] gap : gaps) {
      if (offsetMs >= gap[0] && offsetMs < gap[1]) {
        return true;
      }
    }
    return false;
  }

  static double uniform(SplittableRandom random, double low, double high) {
    return low + (high - low) * random.nextDouble();
  }

  static double logUniform(SplittableRandom random, double low, double high) {
    return Math.exp(uniform(random, Math.log(low), Math.log(high)));
  }
}
