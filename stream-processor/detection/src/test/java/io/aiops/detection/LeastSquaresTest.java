package io.aiops.detection;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

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
}
