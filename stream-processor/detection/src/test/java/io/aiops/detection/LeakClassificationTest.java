package io.aiops.detection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class LeakClassificationTest {
  private static final double GB = 1e9;
  private static final double DAY_MS = 86_400_000;
  private static final LeakDetectorSettings SETTINGS = LeakDetectorSettings.defaults();

  /** 1 GB growing 10 % a day: well past the 2 % threshold. */
  private static final double SLOPE_PER_MS = 0.1 * GB / DAY_MS;

  @Test
  void callsGrowthInBothHalvesALeak() {
    assertEquals(LeakVerdict.LINEAR_LEAK, classify(growing(1.0, 0.9, 8), DailySwingFit.NONE));
  }

  @Test
  void namesTheHalfThatStoppedGrowing() {
    assertEquals(LeakVerdict.WARM_UP, classify(growing(1.5, 0.1, 8), DailySwingFit.NONE));
    assertEquals(LeakVerdict.RECENT_GROWTH, classify(growing(0.1, 1.5, 8), DailySwingFit.NONE));
    assertEquals(LeakVerdict.STEP, classify(growing(0.0, 0.0, 8), DailySwingFit.NONE));
  }

  @Test
  void namesTheFittedShapeWhenNothingGrowsSignificantly() {
    TrendEvidence flat = growing(1, 1, 1);

    assertEquals(LeakVerdict.STEP, classify(flat, shape(TrendShape.STEP, 0.3 * GB, 0)));
    assertEquals(LeakVerdict.WARM_UP, classify(flat, shape(TrendShape.PLATEAU, 0.3 * GB, 0)));
    assertEquals(LeakVerdict.SEASONAL, classify(flat, shape(TrendShape.STEP, 0.01 * GB, 0.1 * GB)));
    assertEquals(LeakVerdict.STABLE, classify(flat, shape(TrendShape.STEP, 0.01 * GB, 0.01 * GB)));
  }

  @Test
  void isHalfSureExactlyOnEveryThreshold() {
    // 4 % of the level a day, z of 3, older half at 30 % and newer half at 50 % of the overall.
    TrendEvidence borderline =
        new TrendEvidence(
            new Line(0.04 * GB / DAY_MS, GB), 0.012 * GB / DAY_MS, 0.020 * GB / DAY_MS, 3, GB);

    assertEquals(LeakVerdict.LINEAR_LEAK, classify(borderline, DailySwingFit.NONE));
    assertEquals(0.5, LeakClassification.confidence(true, borderline, SETTINGS), 1e-9);
  }

  @Test
  void growsMoreConfidentAsTheEvidenceStrengthens() {
    double weak = LeakClassification.confidence(true, growing(0.5, 0.5, 4), SETTINGS);
    double strong = LeakClassification.confidence(true, growing(1, 1, 12), SETTINGS);

    assertTrue(weak > 0.5 && weak < strong && strong < 1, weak + " then " + strong);
    double noTrend = LeakClassification.confidence(false, growing(1, 1, 0), SETTINGS);
    assertEquals(1, noTrend);
  }

  private static TrendEvidence growing(double firstShare, double secondShare, double z) {
    return new TrendEvidence(
        new Line(SLOPE_PER_MS, GB), firstShare * SLOPE_PER_MS, secondShare * SLOPE_PER_MS, z, GB);
  }

  private static DailySwingFit shape(TrendShape shape, double riseBytes, double swingBytes) {
    return new DailySwingFit(shape, 0, riseBytes, new DailySwing(swingBytes, 0, 0, 0));
  }

  private static String classify(TrendEvidence trend, DailySwingFit swing) {
    return LeakClassification.classify(trend, swing, SETTINGS);
  }
}
