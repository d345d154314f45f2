package io.aiops.detection;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;

class OnsetEstimatorTest {
  private static final double BUCKET_MS = 1_800_000;

  @Test
  void datesTheBreakWhereAFlatStretchTurnsIntoGrowth() {
    double[] t = times(48);
    double[] y = hinge(t, 20, 0, 0);

    assertEquals(20, OnsetEstimator.onsetIndex(t, y));
  }

  @Test
  void findsTheBreakThroughNoise() {
    double[] t = times(96);
    double[] y = hinge(t, 12, 2e6, 13);

    assertEquals(12, OnsetEstimator.onsetIndex(t, y), 2);
  }

  @Test
  void placesTheOnsetAtTheFirstPointWhenGrowthFillsTheWindow() {
    double[] t = times(48);
    double[] y = hinge(t, 0, 0, 0);

    assertEquals(0, OnsetEstimator.onsetIndex(t, y));
  }

  @Test
  void returnsTheFirstPointForTooFewPoints() {
    assertEquals(0, OnsetEstimator.onsetIndex(new double[] {0, 1}, new double[] {0, 5}));
  }

  private static double[] times(int n) {
    double[] t = new double[n];
    for (int i = 0; i < n; i++) {
      t[i] = i * BUCKET_MS;
    }
    return t;
  }

  /** 1 GB, flat until point {@code onset}, then 10 MB per bucket, plus Gaussian noise. */
  private static double[] hinge(double[] t, int onset, double noise, long seed) {
    Random random = new Random(seed);
    double[] y = new double[t.length];
    for (int i = 0; i < t.length; i++) {
      y[i] = 1e9 + 1e7 * Math.max(0, i - onset) + noise * random.nextGaussian();
    }
    return y;
  }
}
