package io.aiops.detection;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import java.util.function.DoubleUnaryOperator;
import org.junit.jupiter.api.Test;

class DayOverDayGrowthTest {
  private static final double HOUR_MS = 3_600_000.0;
  private static final double MB = 1e6;
  private static final double BYTES_PER_MS_AT_10_MB_AN_HOUR = 10 * MB / HOUR_MS;

  @Test
  void aLeakThatBeganMidWindowDoesNotWanderOnceItGrewForHalfADay() {
    // Pairs from before the onset show no growth and those straddling it a part of a day's; that
    // is the pattern a leak leaves, not scatter. Their plain median (60 MB) is under their spread
    // (89 MB), which the rule this one replaced called wandering.
    double[][] series = halfHourly(48, hours -> leakFrom(30, hours) + swing(hours), 1);

    assertFalse(
        DayOverDayGrowth.wanders(
            series[0], series[1], 30 * HOUR_MS, BYTES_PER_MS_AT_10_MB_AN_HOUR));
  }

  @Test
  void aLeakFromTheFirstPointDoesNotWander() {
    double[][] series = halfHourly(40, hours -> leakFrom(0, hours) + swing(hours), 2);

    assertFalse(DayOverDayGrowth.wanders(series[0], series[1], 0, BYTES_PER_MS_AT_10_MB_AN_HOUR));
  }

  @Test
  void memoryThatRisesAndFallsOverThirtyHoursWanders() {
    // Its latest climb, from 33 h, looks like 10 MB/h; the day-apart differences before it fell
    // as far as the climb rose.
    assertTrue(wavingWanders(48, 30, 33));
  }

  @Test
  void saysNothingWithFewerThanSixHoursOfDayApartPairs() {
    // Memory swinging 150 MB every 5 hours scatters its day-apart differences widely, but 27 h of
    // history has only about four hours of them.
    assertFalse(wavingWanders(27, 5, 20));
  }

  /**
   * Whether memory waving 150 MB every {@code periodHours} on top of the daily swing, seen for
   * {@code hours}, wanders around a 10 MB/h leak from {@code onsetHours}.
   */
  private static boolean wavingWanders(double hours, double periodHours, double onsetHours) {
    double[][] series =
        halfHourly(hours, h -> 150 * MB * Math.sin(2 * Math.PI * h / periodHours) + swing(h), 3);
    return DayOverDayGrowth.wanders(
        series[0], series[1], onsetHours * HOUR_MS, BYTES_PER_MS_AT_10_MB_AN_HOUR);
  }

  private static double leakFrom(double onsetHours, double hours) {
    return 10 * MB * Math.max(0, hours - onsetHours);
  }

  private static double swing(double hours) {
    return 80 * MB * Math.sin(2 * Math.PI * hours / 24);
  }

  /** Times (ms from the first point) and values every 30 minutes, with 2 MB of noise. */
  private static double[][] halfHourly(double hours, DoubleUnaryOperator bytesAt, long seed) {
    Random random = new Random(seed);
    int n = (int) (hours * 2) + 1;
    double[] timesMs = new double[n];
    double[] values = new double[n];
    for (int i = 0; i < n; i++) {
      double h = i / 2.0;
      timesMs[i] = h * HOUR_MS;
      values[i] = 1_000 * MB + bytesAt.applyAsDouble(h) + 2 * MB * random.nextGaussian();
    }
    return new double[][] {timesMs, values};
  }
}
