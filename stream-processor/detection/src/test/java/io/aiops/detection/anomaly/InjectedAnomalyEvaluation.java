package io.aiops.detection.anomaly;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Recall, dating and false positives of {@link AnomalyScorer} on {@link AnomalyTraces}: 30
 * generated 14-day series per kind of injected anomaly, and 30 clean ones, at one sample step.
 * Injected anomalies come after warm-up (4 days and 50 points), one kind per trace, evenly spaced:
 * six spikes or six dips of 8 to 20 noise deviations, four level shifts of 8 to 20 either way, or
 * one growth onset (a ramp of 3 to 12 deviations per 12 points, on to the end).
 */
record InjectedAnomalyEvaluation(
    Map<AnomalyKind, Found> found, Rate firstDay, Rate untilStlIsWarm, Rate afterWarmUp) {

  static final int TRACES = 30;
  static final int DAYS = 14;
  private static final Map<Long, InjectedAnomalyEvaluation> CACHE = new ConcurrentHashMap<>();

  /** Anomalous points per 1,000 on clean traces. */
  record Rate(long anomalies, long points) {
    double perThousand() {
      return 1000.0 * anomalies / points;
    }
  }

  /**
   * How many injected anomalies were reported with their kind, how late (points after the first
   * changed point) and, for changes, how far off the onset (points; negative is early); and how
   * many were also reported as growth in the window (a step taken for a ramp).
   */
  record Found(
      int found, int injected, List<Integer> delays, List<Integer> onsetErrors, int calledGrowth) {
    double recall() {
      return found / (double) injected;
    }
  }

  static InjectedAnomalyEvaluation atStep(Duration step) {
    return CACHE.computeIfAbsent(step.toMillis(), InjectedAnomalyEvaluation::evaluate);
  }

  private static InjectedAnomalyEvaluation evaluate(long stepMs) {
    AnomalyScorerSettings settings =
        AnomalyScorerSettings.forSampleInterval(Duration.ofMillis(stepMs));
    int day = settings.periodPoints();
    int warmUp = settings.warmUpPeriods() * day;
    long[] anomalies = new long[3];
    long[] points = new long[3];
    for (int seed = 0; seed < TRACES; seed++) {
      List<PointScore> scores =
          AnomalyTraces.draw(seed, AnomalyTraces.Recipe.clean(stepMs, DAYS)).scoreAll(settings);
      for (int i = 0; i < scores.size(); i++) {
        int band = i < day ? 0 : i < warmUp ? 1 : 2;
        points[band]++;
        anomalies[band] += scores.get(i).anomalous() ? 1 : 0;
      }
    }
    Map<AnomalyKind, Found> found = new java.util.EnumMap<>(AnomalyKind.class);
    for (AnomalyKind kind :
        List.of(AnomalyKind.SPIKE, AnomalyKind.DIP, AnomalyKind.LEVEL_SHIFT, AnomalyKind.GROWTH)) {
      found.put(kind, find(kind, stepMs, settings, warmUp + 50));
    }
    return new InjectedAnomalyEvaluation(
        found,
        new Rate(anomalies[0], points[0]),
        new Rate(anomalies[1], points[1]),
        new Rate(anomalies[2], points[2]));
  }

  private static Found find(
      AnomalyKind kind, long stepMs, AnomalyScorerSettings settings, int firstIndex) {
    boolean point = kind == AnomalyKind.SPIKE || kind == AnomalyKind.DIP;
    boolean growth = kind == AnomalyKind.GROWTH;
    AnomalyTraces.Recipe recipe =
        new AnomalyTraces.Recipe(
            stepMs,
            DAYS,
            kind == AnomalyKind.SPIKE ? 6 : 0,
            kind == AnomalyKind.DIP ? 6 : 0,
            kind == AnomalyKind.LEVEL_SHIFT ? 4 : 0,
            growth ? 1 : 0,
            growth ? 3 : 8,
            growth ? 12 : 20,
            firstIndex);
    // A spike must be reported on its point; a change within 48 points, growth within 96.
    int window = point ? 1 : growth ? 96 : 48;
    int found = 0;
    int injected = 0;
    int calledGrowth = 0;
    List<Integer> delays = new ArrayList<>();
    List<Integer> onsetErrors = new ArrayList<>();
    for (int seed = 0; seed < TRACES; seed++) {
      AnomalyTraces trace = AnomalyTraces.draw(1000 + seed, recipe);
      List<PointScore> scores = trace.scoreAll(settings);
      for (AnomalyTraces.Injected anomaly : trace.injected()) {
        injected++;
        int end = Math.min(scores.size(), anomaly.index() + window);
        boolean growthSeen = false;
        for (int i = anomaly.index(); i < end; i++) {
          growthSeen |= scores.get(i).anomalous() && scores.get(i).kind() == AnomalyKind.GROWTH;
        }
        calledGrowth += growthSeen ? 1 : 0;
        for (int i = anomaly.index(); i < end; i++) {
          PointScore score = scores.get(i);
          if (score.anomalous() && score.kind() == kind) {
            found++;
            delays.add(i - anomaly.index());
            long injectedMs = trace.timestampsMs()[anomaly.index()];
            score
                .onsetMs()
                .ifPresent(onset -> onsetErrors.add((int) ((onset - injectedMs) / stepMs)));
            break;
          }
        }
      }
    }
    return new Found(found, injected, delays, onsetErrors, calledGrowth);
  }
}
