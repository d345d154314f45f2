package io.aiops.detection.stl;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** What {@link OnlineStl} promises a stream processor: past-only points, bounded, durable state. */
class StlOnlineStateTest {
  private static final OnlineStlSettings SETTINGS =
      OnlineStlSettings.matching(StlSettings.of(GeneratedSeries.PERIOD, 7), 4);
  private static final double[] SERIES =
      GeneratedSeries.growingSwingWithSpikes(new Random(11)).values();

  @Test
  void staysSilentDuringWarmUpThenDecomposesEveryPoint() {
    OnlineStl online = new OnlineStl(SETTINGS);

    for (int i = 0; i < SETTINGS.warmUpPoints(); i++) {
      assertEquals(Optional.empty(), online.add(SERIES[i]));
    }
    assertTrue(online.ready());
    assertTrue(online.add(SERIES[SETTINGS.warmUpPoints()]).isPresent());
  }

  @Test
  void splitsEachValueIntoSeasonalTrendAndRemainder() {
    OnlineStl online = new OnlineStl(SETTINGS);

    for (double value : SERIES) {
      online
          .add(value)
          .ifPresent(
              point ->
                  assertEquals(
                      value, point.seasonal() + point.trend() + point.remainder(), 1e-9 * value));
    }
  }

  @Test
  void decomposesEachPointFromThePastAlone() {
    int at = SERIES.length / 2;
    OnlineStl low = new OnlineStl(SETTINGS);
    OnlineStl high = new OnlineStl(SETTINGS);
    for (int i = 0; i < at; i++) {
      low.add(SERIES[i]);
      high.add(SERIES[i]);
    }

    OnlineStlPoint lowPoint = low.add(SERIES[at] - 500).orElseThrow();
    OnlineStlPoint highPoint = high.add(SERIES[at] + 500).orElseThrow();

    assertEquals(lowPoint.trend(), highPoint.trend());
    assertEquals(lowPoint.seasonal(), highPoint.seasonal());
    assertEquals(1000, highPoint.remainder() - lowPoint.remainder(), 1e-9);
  }

  @Test
  void forecastsTheNextPointsTrendPlusSeasonalSoAGapCanBeFilledWithIt() {
    OnlineStl online = new OnlineStl(SETTINGS);
    for (int i = 0; i < SETTINGS.warmUpPoints(); i++) {
      assertTrue(online.forecast().isEmpty(), "no forecast while warming up");
      online.add(SERIES[i]);
    }
    for (int i = SETTINGS.warmUpPoints(); i < SERIES.length; i++) {
      double forecast = online.forecast().getAsDouble();
      OnlineStlPoint point = online.add(SERIES[i]).orElseThrow();
      assertEquals(point.trend() + point.seasonal(), forecast, 1e-9 * Math.abs(forecast));
    }

    OnlineStlPoint filled = online.add(online.forecast().getAsDouble()).orElseThrow();

    assertEquals(0, filled.remainder(), 1e-9 * filled.value());
  }

  @Test
  void keepsTheSeasonalCentredOnZero() {
    OnlineStl online = new OnlineStl(SETTINGS);
    double[] seasonal = new double[SERIES.length];
    for (int i = 0; i < SERIES.length; i++) {
      int index = i;
      online.add(SERIES[i]).ifPresent(point -> seasonal[index] = point.seasonal());
    }

    double[] lastCycle =
        Arrays.copyOfRange(seasonal, SERIES.length - GeneratedSeries.PERIOD, SERIES.length);
    double range =
        Arrays.stream(lastCycle).max().orElseThrow() - Arrays.stream(lastCycle).min().orElseThrow();
    assertEquals(0, Arrays.stream(lastCycle).average().orElseThrow(), 0.001 * range);
  }

  @Test
  void resumesFromItsBytesExactlyAsIfNeverStopped() {
    for (int stopAt : new int[] {0, 7, SETTINGS.warmUpPoints() - 1, SETTINGS.warmUpPoints(), 500}) {
      OnlineStl uninterrupted = new OnlineStl(SETTINGS);
      OnlineStl beforeRestart = new OnlineStl(SETTINGS);
      for (int i = 0; i < stopAt; i++) {
        uninterrupted.add(SERIES[i]);
        beforeRestart.add(SERIES[i]);
      }
      OnlineStl restarted = OnlineStl.fromBytes(beforeRestart.toBytes());

      for (int i = stopAt; i < SERIES.length; i++) {
        assertEquals(uninterrupted.add(SERIES[i]), restarted.add(SERIES[i]), "point " + i);
      }
      assertArrayEquals(uninterrupted.toBytes(), restarted.toBytes());
    }
  }

  @Test
  void storesAStateWhoseSizeDependsOnThePeriodAlone() {
    OnlineStl online = new OnlineStl(SETTINGS);
    int warmUp = SETTINGS.warmUpPoints();
    int[] sizes = new int[SERIES.length + 1];
    sizes[0] = online.toBytes().length;
    for (int i = 0; i < SERIES.length; i++) {
      online.add(SERIES[i]);
      sizes[i + 1] = online.toBytes().length;
    }

    assertEquals(118, sizes[0]);
    assertEquals(118 + 8 * (warmUp - 1), sizes[warmUp - 1]);
    int ready = 28 * GeneratedSeries.PERIOD + 162;
    assertEquals(1506, ready);
    assertTrue(Arrays.stream(sizes, warmUp, sizes.length).allMatch(size -> size == ready));
  }

  @Test
  void refusesBytesThatAreNotItsState() {
    byte[] good = readyInstance().toBytes();

    assertThrows(IllegalArgumentException.class, () -> OnlineStl.fromBytes(new byte[0]));
    assertThrows(
        IllegalArgumentException.class,
        () -> OnlineStl.fromBytes(Arrays.copyOf(good, good.length - 1)));
    assertThrows(
        IllegalArgumentException.class,
        () -> OnlineStl.fromBytes(Arrays.copyOf(good, good.length + 1)));
    byte[] otherVersion = good.clone();
    otherVersion[0] = 2;
    assertThrows(IllegalArgumentException.class, () -> OnlineStl.fromBytes(otherVersion));
    byte[] hugePeriod = good.clone();
    hugePeriod[1] = 0x7f;
    assertThrows(IllegalArgumentException.class, () -> OnlineStl.fromBytes(hugePeriod));
  }

  @Test
  void refusesANonFiniteValueRatherThanShiftingEveryLaterPhase() {
    OnlineStl online = readyInstance();
    long seen = online.pointsSeen();

    assertThrows(IllegalArgumentException.class, () -> online.add(Double.NaN));
    assertEquals(seen, online.pointsSeen());
  }

  @Test
  void scoresASpikeInRobustDeviationsWithoutLearningIt() {
    OnlineStl online = readyInstance();
    OnlineStl twin = OnlineStl.fromBytes(online.toBytes());
    double next = SERIES[SETTINGS.warmUpPoints() + 1];

    OnlineStlPoint spike = online.add(next + 200).orElseThrow();
    twin.add(next);
    OnlineStlPoint after = online.add(SERIES[SETTINGS.warmUpPoints() + 2]).orElseThrow();
    OnlineStlPoint twinAfter = twin.add(SERIES[SETTINGS.warmUpPoints() + 2]).orElseThrow();

    assertTrue(spike.robustZ() > 20, "z " + spike.robustZ());
    // Clipped at 3 scales: the trend moves by at most levelSmoothing * 3 scales.
    double limit = SETTINGS.levelSmoothing() * 3 * spike.remainderScale() * 1.01;
    assertTrue(Math.abs(after.trend() - twinAfter.trend()) <= limit);
    assertFalse(Math.abs(after.robustZ()) > 4);
  }

  private static OnlineStl readyInstance() {
    OnlineStl online = new OnlineStl(SETTINGS);
    for (int i = 0; i <= SETTINGS.warmUpPoints(); i++) {
      online.add(SERIES[i]);
    }
    return online;
  }
}
