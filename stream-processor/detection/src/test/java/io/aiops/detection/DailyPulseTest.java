package io.aiops.detection;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class DailyPulseTest {
  private static final double HOUR_MS = 3_600_000.0;

  @Test
  void isOnAroundItsCentreAndOffAcrossTheDayFromIt() {
    double centreMs = 14 * HOUR_MS;

    assertEquals(1, DailyPulse.shapeAt(centreMs, centreMs, 10), 0.01);
    assertEquals(0.5, DailyPulse.shapeAt(centreMs + 5 * HOUR_MS, centreMs, 10), 1e-12);
    assertEquals(0.5, DailyPulse.shapeAt(centreMs - 5 * HOUR_MS, centreMs, 10), 1e-12);
    assertEquals(0, DailyPulse.shapeAt(centreMs + 12 * HOUR_MS, centreMs, 10), 0.01);
    // Modulo a day: the next day's centre is on as well.
    assertEquals(
        DailyPulse.shapeAt(centreMs + 3 * HOUR_MS, centreMs, 10),
        DailyPulse.shapeAt(centreMs + 27 * HOUR_MS, centreMs, 10),
        1e-12);
  }

  @Test
  void departsFromTheDaysMeanByItsHeight() {
    DailyPulse pulse = new DailyPulse(100, 2 * HOUR_MS, 5);
    double sum = 0;
    int steps = 24 * 600;
    for (int i = 0; i < steps; i++) {
      sum += pulse.valueAt(i * 24 * HOUR_MS / steps);
    }

    assertEquals(0, sum / steps, 1e-6);
    double on = pulse.valueAt(2 * HOUR_MS);
    double off = pulse.valueAt(14 * HOUR_MS);
    assertEquals(100, on - off, 2);
  }

  @Test
  void takesItselfOutOfValues() {
    DailyPulse pulse = new DailyPulse(50, 20 * HOUR_MS, 2.5);
    double[] times = {0, 6 * HOUR_MS, 20 * HOUR_MS, 44 * HOUR_MS};
    double[] values = new double[times.length];
    for (int i = 0; i < times.length; i++) {
      values[i] = 1000 + pulse.valueAt(times[i]);
    }

    assertArrayEquals(new double[] {1000, 1000, 1000, 1000}, pulse.removeFrom(times, values), 1e-9);
    assertArrayEquals(values, DailyPulse.NONE.removeFrom(times, values));
  }
}
