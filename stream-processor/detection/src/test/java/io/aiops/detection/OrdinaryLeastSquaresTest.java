package io.aiops.detection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

class OrdinaryLeastSquaresTest {
  @Test
  void matchesAHandWorkedExample() {
    // mean t 1.5, mean y 2.5; Sxy 4, Sxx 5, Syy 5.
    double[] t = {0, 1, 2, 3};
    double[] y = {1, 3, 2, 4};

    Line line = OrdinaryLeastSquares.fit(t, y, 0, 4);

    assertEquals(0.8, line.slopePerMs(), 1e-12);
    assertEquals(1.3, line.intercept(), 1e-12);
    assertEquals(0.64, OrdinaryLeastSquares.rSquared(t, y, 0, 4), 1e-12);
  }

  @Test
  void explainsAllOfAStraightLineAtEpochScale() {
    double[] t = new double[96];
    double[] y = new double[96];
    for (int i = 0; i < t.length; i++) {
      t[i] = 1.7e12 + i * 1.8e6;
      y[i] = 1e9 + 5.5 * (t[i] - 1.7e12);
    }

    assertEquals(1, OrdinaryLeastSquares.rSquared(t, y, 0, t.length), 1e-9);
  }

  @Test
  void explainsAlmostNothingOfNoise() {
    Random random = new Random(21);
    double[] t = new double[96];
    double[] y = new double[96];
    for (int i = 0; i < t.length; i++) {
      t[i] = i;
      y[i] = random.nextGaussian();
    }

    assertTrue(OrdinaryLeastSquares.rSquared(t, y, 0, t.length) < 0.1);
  }

  @Test
  void explainsNothingOfAConstantOrOfTwoPoints() {
    assertEquals(
        0, OrdinaryLeastSquares.rSquared(new double[] {0, 1, 2}, new double[] {4, 4, 4}, 0, 3));
    assertEquals(0, OrdinaryLeastSquares.rSquared(new double[] {0, 1}, new double[] {1, 2}, 0, 2));
  }
}
