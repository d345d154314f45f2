package io.aiops.detection.stl;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Synthetic memory series (MiB, 30-minute points) generated in the test, for properties the
 * checked-in fixtures do not exercise.
 */
record GeneratedSeries(double[] values, List<Integer> spikes) {
  static final int PERIOD = 48;

  /**
   * 21 days: a leak of 10 MiB/day, a daily swing whose height grows from 200 to 240 MiB, noise of 5
   * MiB and six spikes of +-100 MiB (20 noise deviations) at random points.
   */
  static GeneratedSeries growingSwingWithSpikes(Random random) {
    int n = 21 * PERIOD;
    double[] values = new double[n];
    for (int i = 0; i < n; i++) {
      double amplitude = 200 + 40.0 * i / n;
      values[i] =
          1500
              + 10.0 * i / PERIOD
              + amplitude * Math.sin(2 * Math.PI * i / PERIOD)
              + 5 * random.nextGaussian();
    }
    List<Integer> spikes = new ArrayList<>();
    while (spikes.size() < 6) {
      int at = PERIOD + random.nextInt(n - 2 * PERIOD);
      if (!spikes.contains(at)) {
        spikes.add(at);
        values[at] += random.nextBoolean() ? 100 : -100;
      }
    }
    spikes.sort(null);
    return new GeneratedSeries(values, List.copyOf(spikes));
  }
}
