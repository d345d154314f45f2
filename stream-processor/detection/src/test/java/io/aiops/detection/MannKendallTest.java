package io.aiops.detection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

class MannKendallTest {
  @Test
  void countsEveryPairOfAStrictlyRisingSeries() {
    MannKendall.Result result = MannKendall.test(new double[] {1, 2, 3, 4});

    assertEquals(6, result.s());
    assertEquals(4 * 3 * 13 / 18.0, result.varianceS(), 1e-12);
    // Continuity correction: (S - 1) / sqrt(var).
    assertEquals(5 / Math.sqrt(4 * 3 * 13 / 18.0), result.z(), 1e-12);
  }

  @Test
  void isNegativeForAFallingSeries() {
    MannKendall.Result result = MannKendall.test(new double[] {4, 3, 2, 1});

    assertEquals(-6, result.s());
    assertEquals(-5 / Math.sqrt(4 * 3 * 13 / 18.0), result.z(), 1e-12);
  }

  @Test
  void letsTheContinuityCorrectionCancelASingleNetRise() {
    MannKendall.Result result = MannKendall.test(new double[] {1, 3, 2});

    assertEquals(1, result.s());
    assertEquals(0, result.z());
  }

  @Test
  void findsNoTrendInAConstantSeriesOrWhiteNoise() {
    assertEquals(0, MannKendall.test(new double[] {5, 5, 5, 5}).z());

    Random random = new Random(11);
    double[] noise = new double[96];
    for (int i = 0; i < noise.length; i++) {
      noise[i] = random.nextGaussian();
    }
    assertTrue(Math.abs(MannKendall.test(noise).z()) < 2);
  }

  @Test
  void isHighlySignificantForANoisyRamp() {
    Random random = new Random(12);
    double[] ramp = new double[96];
    for (int i = 0; i < ramp.length; i++) {
      ramp[i] = 0.1 * i + random.nextGaussian();
    }

    assertTrue(MannKendall.test(ramp).z() > 6);
  }

  @Test
  void countsWhatComparingEveryPairCountsWithTiesNaNAndInfinities() {
    Random random = new Random(13);
    double[] specials = {0.0, -0.0, Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY};
    for (int trial = 0; trial < 500; trial++) {
      double[] values = new double[random.nextInt(130)];
      for (int i = 0; i < values.length; i++) {
        int draw = random.nextInt(20);
        values[i] =
            draw < specials.length ? specials[draw] : random.nextInt(draw < 10 ? 4 : 1_000_000);
      }
      long s = 0;
      for (int i = 0; i < values.length; i++) {
        for (int j = i + 1; j < values.length; j++) {
          s += (long) Math.signum(values[j] - values[i]);
        }
      }
      assertEquals(s, MannKendall.test(values).s());
    }
  }
}
