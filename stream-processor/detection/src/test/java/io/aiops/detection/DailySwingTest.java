package io.aiops.detection;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class DailySwingTest {
  private static final double DAY_MS = 86_400_000;

  @Test
  void peaksAtItsAmplitudeWhenItIsOneWave() {
    assertEquals(80, new DailySwing(48, 64, 0, 0).peakBytes(), 0.01);
  }

  @Test
  void peaksWhereBothHarmonicsAddUp() {
    // sin(x) + 0.5 cos(2x) peaks at sin(x) = 0.5: 0.5 + 0.5 * (1 - 2 * 0.25) = 0.75.
    assertEquals(0.75, new DailySwing(1, 0, 0, 0.5).peakBytes(), 1e-4);
  }

  @Test
  void troughsWhereBothHarmonicsPullDown() {
    // sin(x) + 0.5 cos(2x) is lowest at sin(x) = -1: -1 + 0.5 * (1 - 2) = -1.5, deeper than the
    // 0.75 it peaks at: the two extremes of a sharp swing are not mirror images.
    assertEquals(-1.5, new DailySwing(1, 0, 0, 0.5).troughBytes(), 1e-4);
    assertEquals(-80, new DailySwing(48, 64, 0, 0).troughBytes(), 0.01);
    assertEquals(0, DailySwing.NONE.troughBytes());
  }

  @Test
  void repeatsEveryDayAndRemovesCleanly() {
    DailySwing swing = new DailySwing(10, -5, 3, 2);
    double[] times = {0, DAY_MS / 7, DAY_MS / 3};
    double[] values = {100, 100, 100};

    double[] level = swing.removeFrom(times, values);

    for (int i = 0; i < times.length; i++) {
      assertEquals(swing.valueAt(times[i]), swing.valueAt(times[i] + 3 * DAY_MS), 1e-9);
      assertEquals(100 - swing.valueAt(times[i]), level[i], 1e-12);
    }
    assertArrayEquals(new double[] {100, 100, 100}, DailySwing.NONE.removeFrom(times, values));
  }

  @Test
  void peakIsTheHighestValueAtFiveMinuteStepsOverADay() {
    DailySwing swing = new DailySwing(3e7, -2e7, 1.1e7, 4e6);
    double peak = 0;
    for (int step = 0; step < 288; step++) {
      peak = Math.max(peak, swing.valueAt(step * DAY_MS / 288));
    }

    assertEquals(peak, swing.peakBytes(), 0.0);
  }
}
