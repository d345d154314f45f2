package io.aiops.detection.anomaly;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.Random;
import org.junit.jupiter.api.Test;

class SlidingWindowMadTest {

  @Test
  void matchesTheMedianAndMadOfTheLastValuesRecomputedFromScratch() {
    Random random = new Random(7);
    for (int capacity : new int[] {1, 2, 5, 64}) {
      SlidingWindowMad window = new SlidingWindowMad(capacity);
      Deque<Double> last = new ArrayDeque<>();
      for (int i = 0; i < 1_000; i++) {
        // Ties and signed zeros on purpose: the sorted copy must find the value it drops.
        double value =
            random.nextInt(4) == 0 ? (random.nextBoolean() ? 0.0 : -0.0) : random.nextInt(20);
        window.add(value);
        last.addLast(value);
        if (last.size() > capacity) {
          last.removeFirst();
        }
        double[] values = last.stream().mapToDouble(Double::doubleValue).toArray();
        double median = median(values);
        assertEquals(median, window.median(), 0, "median at " + i);
        assertEquals(
            median(Arrays.stream(values).map(v -> Math.abs(v - median)).toArray()),
            window.mad(),
            0);
      }
    }
  }

  @Test
  void givesItsValuesOldestFirstAndForgetsThemWhenCleared() {
    SlidingWindowMad window = new SlidingWindowMad(3);
    for (double value : new double[] {5, 1, 4, 2}) {
      window.add(value);
    }
    assertArrayEquals(new double[] {1, 4, 2}, window.values());

    window.clear();

    assertEquals(0, window.size());
    assertTrue(Double.isNaN(window.median()));
    assertTrue(Double.isNaN(window.mad()));
  }

  private static double median(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    int n = sorted.length;
    return (sorted[(n - 1) / 2] + sorted[n / 2]) / 2;
  }
}
