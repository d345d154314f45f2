package io.aiops.detection;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.Random;
import org.junit.jupiter.api.Test;

class LeastSquaresTest {
  @Test
  void recoversExactCoefficients() {
    double[] x = {0, 1, 2, 3, 4};
    double[] ones = {1, 1, 1, 1, 1};
    double[] y = new double[5];
    for (int i = 0; i < 5; i++) {
      y[i] = 3 - 2 * x[i];
    }
    assertArrayEquals(new double[] {3, -2}, LeastSquares.solve(new double[][] {ones, x}, y), 1e-12);
  }

  @Test
  void refusesCollinearColumns() {
    double[] x = {0, 1, 2, 3};
    double[] twice = {0, 2, 4, 6};
    assertNull(LeastSquares.solve(new double[][] {x, twice}, new double[] {1, 2, 3, 4}));
  }

  @Test
  void aVaryingColumnGivesTheSameCoefficientsToTheBitAsAFreshSolve() {
    Random random = new Random(7);
    for (int trial = 0; trial < 200; trial++) {
      int n = 12 + random.nextInt(90);
      int p = trial % 2 == 0 ? 6 : 2 + random.nextInt(6);
      int varying = random.nextInt(p);
      double[][] columns = new double[p][n];
      double[] values = new double[n];
      for (int i = 0; i < n; i++) {
        for (int j = 0; j < p; j++) {
          columns[j][i] = random.nextGaussian() * (j + 1);
        }
        values[i] = random.nextGaussian() * 1e8;
      }
      LeastSquares.OneColumnVaries fits =
          new LeastSquares.OneColumnVaries(columns, varying, values);
      for (int k = 0; k < 5; k++) {
        for (int i = 0; i < n; i++) {
          columns[varying][i] = Math.max(0, i - k * n / 5.0) / n;
        }
        double[] fresh = LeastSquares.solve(columns, values);
        double[] cached = fits.solve();
        assertEquals(fresh == null, cached == null);
        if (fresh != null) {
          for (int j = 0; j < p; j++) {
            assertEquals(
                Double.doubleToRawLongBits(fresh[j]), Double.doubleToRawLongBits(cached[j]));
          }
        }
      }
    }
  }
}
