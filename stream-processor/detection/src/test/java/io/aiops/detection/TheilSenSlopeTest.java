package io.aiops.detection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class TheilSenSlopeTest {
  private static final double HOUR_MS = 3_600_000;

  @Test
  void recoversAnExactLine() {
    double[] t = {0, HOUR_MS, 2 * HOUR_MS, 3 * HOUR_MS, 5 * HOUR_MS};
    double[] y = new double[t.length];
    for (int i = 0; i < t.length; i++) {
      y[i] = 1_000 + 2e-3 * t[i];
    }

    Line line = TheilSenSlope.fit(t, y);

    assertEquals(2e-3, line.slopePerMs(), 1e-15);
    assertEquals(7_200, line.slopePerHour(), 1e-9);
    assertEquals(1_000, line.intercept(), 1e-9);
    assertEquals(1_000 + 7_200 * 10, line.valueAt(10 * HOUR_MS), 1e-6);
  }

  @Test
  void takesTheExactMedianOfAnEvenNumberOfSlopes() {
    // Pairwise slopes 0, 0.5, 1, 4/3, 2, 3: the median is (1 + 4/3) / 2.
    double[] t = {0, 1, 2, 3};
    double[] y = {0, 0, 1, 4};

    Line line = TheilSenSlope.fit(t, y);

    assertEquals(7.0 / 6, line.slopePerMs(), 1e-12);
    // Residual intercepts 0, -7/6, -4/3, 1/2: the median is (-7/6 + 0) / 2.
    assertEquals(-7.0 / 12, line.intercept(), 1e-12);
  }

  @Test
  void ignoresSpikesThatDragLeastSquares() {
    int n = 48;
    double[] t = new double[n];
    double[] y = new double[n];
    for (int i = 0; i < n; i++) {
      t[i] = i * HOUR_MS / 2;
      y[i] = 1e9 + 1e7 * i + (i % 5 == 4 && i > n / 2 ? 5e8 : 0);
    }

    double robust = TheilSenSlope.fit(t, y).slopePerMs();
    double leastSquares = OrdinaryLeastSquares.fit(t, y, 0, n).slopePerMs();
    double truth = 1e7 / (HOUR_MS / 2);

    assertEquals(truth, robust, 0.01 * truth);
    assertTrue(Math.abs(leastSquares - truth) > 0.2 * truth, "least squares " + leastSquares);
  }

  @Test
  void fitsOnlyTheRequestedRangeOfIrregularPoints() {
    double[] t = {0, 10, 11, 30, 31, 60};
    double[] y = {500, 500, 500, 30, 31, 60};

    Line line = TheilSenSlope.fit(t, y, 3, 6);

    assertEquals(1, line.slopePerMs(), 1e-12);
    assertEquals(0, line.intercept(), 1e-12);
  }

  @Test
  void isFlatThroughTheOnlyPoint() {
    Line line = TheilSenSlope.fit(new double[] {5}, new double[] {42});

    assertEquals(0, line.slopePerMs());
    assertEquals(42, line.valueAt(1_000));
  }

  @Test
  void fitWithHalvesGivesTheResultsOfThreeSeparateFits() {
    Random random = new Random(17);
    for (int trial = 0; trial < 500; trial++) {
      int n = random.nextInt(100);
      double[][] points = randomPoints(random, n);
      double[] t = points[0];
      double[] y = points[1];

      TheilSenSlope.WithHalves fit = TheilSenSlope.fitWithHalves(t, y);

      assertEquals(TheilSenSlope.fit(t, y), fit.whole());
      assertEquals(TheilSenSlope.fit(t, y, 0, n / 2).slopePerMs(), fit.olderSlopePerMs());
      assertEquals(TheilSenSlope.fit(t, y, n / 2, n).slopePerMs(), fit.newerSlopePerMs());
    }
  }

  @Test
  void slopeBoundsAreThePairwiseSlopesAtSensRanksOfTheSortedSlopes() {
    Random random = new Random(19);
    for (int trial = 0; trial < 500; trial++) {
      int n = 3 + random.nextInt(100);
      double[][] points = randomPoints(random, n);
      double[] t = points[0];
      double[] y = points[1];
      double[] slopes = new double[n * (n - 1) / 2];
      int pairs = 0;
      for (int i = 0; i < n; i++) {
        for (int j = i + 1; j < n; j++) {
          if (t[j] != t[i]) {
            slopes[pairs++] = (y[j] - y[i]) / (t[j] - t[i]);
          }
        }
      }
      Arrays.sort(slopes, 0, pairs);
      double c = 1.96 * Math.sqrt(n * (n - 1.0) * (2.0 * n + 5) / 18);
      int lower = Math.max(0, Math.min(pairs - 1, (int) Math.floor((pairs - c) / 2)));
      int upper = Math.max(0, Math.min(pairs - 1, (int) Math.ceil((pairs + c) / 2)));

      double[] bounds = TheilSenSlope.slopeBounds(t, y, 0, n, 1.96);

      if (pairs < 2) {
        assertTrue(Double.isNaN(bounds[0]) && Double.isNaN(bounds[1]));
      } else {
        assertEquals(slopes[lower], bounds[0]);
        assertEquals(slopes[upper], bounds[1]);
      }
    }
  }

  /** Times in order with some repeated, values with ties. */
  private static double[][] randomPoints(Random random, int n) {
    double[] t = new double[n];
    double[] y = new double[n];
    for (int i = 0; i < n; i++) {
      t[i] = i == 0 ? 0 : t[i - 1] + random.nextInt(4) * HOUR_MS;
      y[i] =
          1e9 + random.nextInt(20) * 1e6 + random.nextGaussian() * (random.nextBoolean() ? 1e6 : 0);
    }
    return new double[][] {t, y};
  }
}
