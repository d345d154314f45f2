package io.aiops.detection.stl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class StlOutlierRunsTest {
  private static final double LIMIT = 10;

  @Test
  void shiftsByTheMeanOfARunOfSameSignOutliers() {
    OutlierRuns runs = new OutlierRuns(1, 3);

    assertEquals(0, runs.observe(0, 20, LIMIT));
    assertEquals(0, runs.observe(0, 30, LIMIT));
    assertEquals(30, runs.observe(0, 40, LIMIT));
    assertEquals(0, runs.length(0), "the run starts afresh after a shift");
  }

  @Test
  void aPointWithinTheLimitOrOfTheOtherSignEndsTheRun() {
    OutlierRuns runs = new OutlierRuns(1, 3);
    runs.observe(0, 20, LIMIT);
    runs.observe(0, 20, LIMIT);

    assertEquals(0, runs.observe(0, 5, LIMIT));
    assertEquals(0, runs.length(0));
    runs.observe(0, 20, LIMIT);
    runs.observe(0, 20, LIMIT);
    assertEquals(0, runs.observe(0, -20, LIMIT));
    assertEquals(1, runs.length(0));
    assertEquals(-20, runs.sum(0));
  }

  @Test
  void keepsEachTrackApart() {
    OutlierRuns runs = new OutlierRuns(2, 2);
    runs.observe(0, 20, LIMIT);

    assertEquals(0, runs.observe(1, 20, LIMIT));
    assertEquals(20, runs.observe(0, 20, LIMIT));
  }

  @Test
  void refusesToRestoreARunThatShouldAlreadyHaveShifted() {
    OutlierRuns runs = new OutlierRuns(1, 3);

    assertThrows(IllegalArgumentException.class, () -> runs.restore(0, 3, 60));
    assertThrows(IllegalArgumentException.class, () -> runs.restore(0, -1, 0));
  }
}
