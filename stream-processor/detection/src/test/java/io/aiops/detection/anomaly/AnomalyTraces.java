package io.aiops.detection.anomaly;

import io.aiops.detection.eval.MemoryModel;
import io.aiops.detection.eval.MemoryModel.SwingShape;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Generated memory series with labelled injected anomalies, for recall and false-positive figures.
 * The clean part is the leak evaluation's {@link MemoryModel} (a base with a daily swing of one of
 * three shapes) plus AR(1) noise, as real RSS noise is correlated from one point to the next; onto
 * it go spikes and dips of one point, level shifts that persist, and growth onsets (a ramp from
 * then on). Sizes are in noise standard deviations, so "8 sigma" means the same in every trace.
 */
record AnomalyTraces(
    long[] timestampsMs, double[] values, double noiseSd, List<Injected> injected) {

  static final long START_MS = 1_767_571_200_000L; // 2026-01-05T00:00:00Z
  static final double MB = 1e6;

  /** One injected anomaly: its kind and the index of its first point. */
  record Injected(AnomalyKind kind, int index, double sizeSd) {}

  /** How a trace is drawn: its step, length and what to inject. */
  record Recipe(
      long stepMs,
      int days,
      int spikes,
      int dips,
      int levelShifts,
      int growths,
      double minSizeSd,
      double maxSizeSd,
      int firstInjectionIndex) {

    static Recipe clean(long stepMs, int days) {
      return new Recipe(stepMs, days, 0, 0, 0, 0, 0, 0, 0);
    }
  }

  static AnomalyTraces draw(long seed, Recipe recipe) {
    SplittableRandom random = new SplittableRandom(seed);
    int n = (int) (recipe.days() * AnomalyScorerSettings.DAY_MS / recipe.stepMs());
    SwingShape[] shapes = {SwingShape.SINE, SwingShape.OFFICE_HOURS, SwingShape.NIGHTLY_BATCH};
    double base = (200 + random.nextDouble() * 1800) * MB;
    MemoryModel model =
        new MemoryModel(
            base,
            shapes[random.nextInt(shapes.length)],
            0.05 + random.nextDouble() * 0.25,
            random.nextDouble() * 24,
            new MemoryModel.NoTrend());
    double noiseSd = base * (0.002 + random.nextDouble() * 0.006);
    double phi = 0.2 + random.nextDouble() * 0.4;
    long[] times = new long[n];
    double[] values = new double[n];
    double ar = 0;
    for (int i = 0; i < n; i++) {
      times[i] = START_MS + i * recipe.stepMs();
      double hours = i * recipe.stepMs() / 3_600_000.0;
      // Stationary AR(1) with standard deviation noiseSd.
      ar = phi * ar + Math.sqrt(1 - phi * phi) * noiseSd * gaussian(random);
      values[i] = model.bytesAt(hours) + ar;
    }
    List<Injected> injected = inject(random, recipe, values, noiseSd);
    return new AnomalyTraces(times, values, noiseSd, injected);
  }

  private static List<Injected> inject(
      SplittableRandom random, Recipe recipe, double[] values, double noiseSd) {
    List<AnomalyKind> kinds = new ArrayList<>();
    addCopies(kinds, AnomalyKind.SPIKE, recipe.spikes());
    addCopies(kinds, AnomalyKind.DIP, recipe.dips());
    addCopies(kinds, AnomalyKind.LEVEL_SHIFT, recipe.levelShifts());
    addCopies(kinds, AnomalyKind.GROWTH, recipe.growths());
    List<Injected> injected = new ArrayList<>();
    if (kinds.isEmpty()) {
      return injected;
    }
    // Evenly spaced slots with some jitter, so one anomaly has settled before the next.
    int first = recipe.firstInjectionIndex();
    int slot = (values.length - first) / kinds.size();
    for (int k = 0; k < kinds.size(); k++) {
      int at = first + k * slot + random.nextInt(Math.max(1, slot / 4));
      double size =
          recipe.minSizeSd() + random.nextDouble() * (recipe.maxSizeSd() - recipe.minSizeSd());
      AnomalyKind kind = kinds.get(k);
      switch (kind) {
        case SPIKE -> values[at] += size * noiseSd;
        case DIP -> values[at] -= size * noiseSd;
        case LEVEL_SHIFT -> {
          double step = (random.nextBoolean() ? 1 : -1) * size * noiseSd;
          for (int i = at; i < values.length; i++) {
            values[i] += step;
          }
        }
        case GROWTH -> {
          // A leak: size sigma over the next 12 points, and on at that rate.
          double perPoint = size * noiseSd / 12;
          for (int i = at; i < values.length; i++) {
            values[i] += (i - at + 1) * perPoint;
          }
        }
        default -> throw new IllegalArgumentException(kind.toString());
      }
      injected.add(new Injected(kind, at, size));
    }
    return injected;
  }

  private static void addCopies(List<AnomalyKind> kinds, AnomalyKind kind, int copies) {
    for (int i = 0; i < copies; i++) {
      kinds.add(kind);
    }
  }

  private static double gaussian(SplittableRandom random) {
    double u = 1 - random.nextDouble();
    double v = random.nextDouble();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  }

  /** The first {@code count} samples. */
  AnomalyTraces prefix(int count) {
    return new AnomalyTraces(
        Arrays.copyOf(timestampsMs, count), Arrays.copyOf(values, count), noiseSd, injected);
  }

  /** The same times with other values. */
  AnomalyTraces withValues(double[] newValues) {
    return new AnomalyTraces(timestampsMs, newValues, noiseSd, injected);
  }

  /** Without the samples from index {@code from} (inclusive) to {@code to} (exclusive): a gap. */
  AnomalyTraces without(int from, int to) {
    int n = values.length - (to - from);
    long[] times = new long[n];
    double[] kept = new double[n];
    System.arraycopy(timestampsMs, 0, times, 0, from);
    System.arraycopy(values, 0, kept, 0, from);
    System.arraycopy(timestampsMs, to, times, from, values.length - to);
    System.arraycopy(values, to, kept, from, values.length - to);
    return new AnomalyTraces(times, kept, noiseSd, injected);
  }

  /** Scores every sample through one scorer, flushing the last bucket; one score per point. */
  List<PointScore> scoreAll(AnomalyScorerSettings settings) {
    AnomalyScorer scorer = new AnomalyScorer(settings);
    List<PointScore> scores = new ArrayList<>();
    for (int i = 0; i < values.length; i++) {
      scorer.add(timestampsMs[i], values[i]).ifPresent(scores::add);
    }
    scorer.flush().ifPresent(scores::add);
    return scores;
  }
}
