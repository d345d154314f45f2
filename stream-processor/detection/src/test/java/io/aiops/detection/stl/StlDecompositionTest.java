package io.aiops.detection.stl;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Batch STL behaviour beyond the reference fixtures (see {@link StlReferenceTest}). */
class StlDecompositionTest {
  private static final int PERIOD = 48;
  private static final StlDecomposition STL = new StlDecomposition(StlSettings.of(PERIOD, 7));

  @Test
  void componentsAddUpToTheSeries() {
    double[] series = GeneratedSeries.growingSwingWithSpikes(new Random(3)).values();

    StlResult result = STL.decompose(series);

    for (int i = 0; i < series.length; i++) {
      double sum = result.seasonal()[i] + result.trend()[i] + result.remainder()[i];
      assertEquals(series[i], sum, 1e-9 * Math.abs(series[i]));
    }
  }

  @Test
  void aPeriodicSeasonalRepeatsExactly() {
    double[] series = GeneratedSeries.growingSwingWithSpikes(new Random(3)).values();

    double[] seasonal =
        new StlDecomposition(StlSettings.periodic(PERIOD)).decompose(series).seasonal();

    for (int i = PERIOD; i < seasonal.length; i++) {
      assertEquals(seasonal[i - PERIOD], seasonal[i]);
    }
  }

  @Test
  void fallsBackToARobustTrendWhenTheSeriesHasTwoPeriodsOrLess() {
    double[] series = new double[2 * PERIOD];
    for (int i = 0; i < series.length; i++) {
      series[i] = 1000 + 2.0 * i;
    }
    series[40] += 500;

    StlResult result = STL.decompose(series);

    assertEquals(StlResult.Kind.TREND_ONLY, result.kind());
    assertArrayEquals(new double[series.length], result.seasonal());
    // The robustness passes give the spike no weight: the trend stays on the line.
    assertEquals(1000 + 2.0 * 40, result.trend()[40], 1e-6);
    assertEquals(500, result.remainder()[40], 1e-6);
  }

  @Test
  void decomposesSeasonallyFromTwoPeriodsAndOnePoint() {
    double[] series = new double[2 * PERIOD + 1];
    Arrays.fill(series, 5);

    assertEquals(StlResult.Kind.SEASONAL_TREND, STL.decompose(series).kind());
  }

  @Test
  void refusesEmptyAndNonFiniteSeries() {
    assertThrows(IllegalArgumentException.class, () -> STL.decompose(new double[0]));
    double[] withGap = new double[3 * PERIOD];
    withGap[10] = Double.NaN;
    assertThrows(IllegalArgumentException.class, () -> STL.decompose(withGap));
  }

  @Test
  void resultsCannotBeChangedFromOutside() {
    double[] series = GeneratedSeries.growingSwingWithSpikes(new Random(3)).values();
    StlResult result = STL.decompose(series);

    result.trend()[0] = -1;

    assertTrue(result.trend()[0] != -1);
  }
}
