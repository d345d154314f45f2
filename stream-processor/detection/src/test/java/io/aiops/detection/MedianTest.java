package io.aiops.detection;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class MedianTest {
  @Test
  void takesTheMiddleValueOrTheMeanOfTheTwoMiddleValues() {
    assertEquals(3, Median.of(new double[] {5, 1, 3}));
    assertEquals(2.5, Median.of(new double[] {4, 1, 3, 2}));
    assertEquals(7, Median.of(new double[] {7}));
  }

  @Test
  void leavesTheCallersArrayAlone() {
    double[] values = {3, 1, 2};

    Median.of(values);

    assertArrayEquals(new double[] {3, 1, 2}, values);
  }

  @Test
  void agreesWithSortingOnRandomArraysWithTies() {
    Random random = new Random(7);
    for (int trial = 0; trial < 2_000; trial++) {
      double[] values = new double[1 + random.nextInt(60)];
      for (int i = 0; i < values.length; i++) {
        values[i] = random.nextInt(10) - 5 + (random.nextBoolean() ? 0.5 : 0);
      }
      double[] sorted = values.clone();
      Arrays.sort(sorted);
      int middle = sorted.length / 2;
      double expected =
          sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;

      assertEquals(expected, Median.of(values), 0, Arrays.toString(values));
    }
  }

  @Test
  void refusesAnEmptyArray() {
    assertThrows(IllegalArgumentException.class, () -> Median.of(new double[0]));
  }
}
