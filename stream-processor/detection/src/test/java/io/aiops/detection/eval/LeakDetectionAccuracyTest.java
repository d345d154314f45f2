package io.aiops.detection.eval;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.aiops.detection.LeakDetectorSettings;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * The leak detector's figures on labeled traces, next to the predict_linear rule's: this test fails
 * when a change to the detector (or the generator) pushes them below the floors here.
 *
 * <p>The floors are the product's targets, which the detector reaches today on this seed (precision
 * 0.987, recall 0.975). On other seeds (330 traces each: 7, 99, 4242, 11, 12345, 31337, 2718) it
 * reaches precision 0.95-0.98 and recall 0.92-0.97, and on twelve never used for tuning (101-1212)
 * 0.92-0.98 and 0.90-0.95: leaks in traces of about a day, random walks, and warm-ups flipping to
 * leak are what is left (see docs/detectors.md). Raise the floors as the detector improves; never
 * lower them to pass.
 */
class LeakDetectionAccuracyTest {
  private static final int TRACES = 220;
  private static final long SEED = 20261122L;
  private static final double MIN_PRECISION = 0.95;
  private static final double MIN_RECALL = 0.90;
  private static final double MAX_MEDIAN_RATE_ERROR = 0.15;
  private static final double MAX_MEDIAN_ETA_ERROR = 0.25;

  @Test
  void leakDetectorMeetsAccuracyThresholdsOnGeneratedLabeledTraces() {
    List<LabeledTrace> traces = new LabeledTraceGenerator(SEED).generate(TRACES);
    LeakDetectorSettings settings = LeakDetectorSettings.defaults();
    List<DetectorScore> scores =
        new DetectorEvaluation(
                List.of(new LeakDetectorReplay(settings), new PredictLinearRule()),
                settings.etaHorizon().toHours())
            .run(traces, done -> {});
    scores.forEach(LeakDetectionAccuracyTest::print);
    DetectorScore aiops = scores.get(0);
    assertAll(
        () -> assertTrue(aiops.precision() >= MIN_PRECISION, "precision " + aiops.precision()),
        () -> assertTrue(aiops.recall() >= MIN_RECALL, "recall " + aiops.recall()),
        () ->
            assertTrue(
                aiops.rateErrorQuantile(0.5) <= MAX_MEDIAN_RATE_ERROR,
                "median rate error " + aiops.rateErrorQuantile(0.5)),
        () ->
            assertTrue(
                aiops.etaErrorQuantile(0.5) <= MAX_MEDIAN_ETA_ERROR,
                "median ETA error " + aiops.etaErrorQuantile(0.5)));
  }

  private static void print(DetectorScore s) {
    System.out.printf(
        Locale.ROOT,
        "%-15s acc %.3f prec %.3f rec %.3f (tp %d fp %d fn %d tn %d) rate err p50 %.3f p90 %.3f"
            + " eta err p50 %.3f p90 %.3f (n=%d) delay h p50 %.1f p90 %.1f%n",
        s.detector(),
        s.accuracy(),
        s.precision(),
        s.recall(),
        s.truePositives(),
        s.falsePositives(),
        s.falseNegatives(),
        s.trueNegatives(),
        s.rateErrorQuantile(0.5),
        s.rateErrorQuantile(0.9),
        s.etaErrorQuantile(0.5),
        s.etaErrorQuantile(0.9),
        s.leaksWithTrueEta(),
        s.delayHoursQuantile(0.5),
        s.delayHoursQuantile(0.9));
    s.byKind()
        .forEach((kind, c) -> System.out.printf("    %-24s %3d/%3d flagged%n", kind, c[1], c[0]));
  }
}
