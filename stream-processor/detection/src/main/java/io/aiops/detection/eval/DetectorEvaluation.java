package io.aiops.detection.eval;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntConsumer;

/** Runs detectors over labeled traces and scores each: the rerunnable evaluation. */
public final class DetectorEvaluation {
  private final List<TraceDetector> detectors;
  private final double etaHorizonHours;

  public DetectorEvaluation(List<TraceDetector> detectors, double etaHorizonHours) {
    this.detectors = List.copyOf(detectors);
    this.etaHorizonHours = etaHorizonHours;
  }

  /** Scores in the order of the detectors; {@code progress} hears the count of traces done. */
  public List<DetectorScore> run(List<LabeledTrace> traces, IntConsumer progress) {
    List<DetectorScore> scores = new ArrayList<>();
    for (TraceDetector detector : detectors) {
      scores.add(new DetectorScore(detector.name(), etaHorizonHours));
    }
    int done = 0;
    for (LabeledTrace trace : traces) {
      for (int d = 0; d < detectors.size(); d++) {
        scores.get(d).add(trace, detectors.get(d).replay(trace));
      }
      progress.accept(++done);
    }
    return scores;
  }
}
