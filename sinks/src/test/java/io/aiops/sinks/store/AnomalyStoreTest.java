package io.aiops.sinks.store;

import static io.aiops.sinks.AnomalyFixtures.MONDAY_10_00;
import static io.aiops.sinks.AnomalyFixtures.ONE_MINUTE;
import static io.aiops.sinks.AnomalyFixtures.leakOnWeb01;
import static io.aiops.sinks.AnomalyFixtures.swapStormOnDb02;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.aiops.schemas.memory.MemoryAnomaly;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AnomalyStoreTest {
  @TempDir Path dir;

  @Test
  void sinceReturnsOnlyAnomaliesAtOrAfterTheGivenTimeOldestFirst() {
    try (QueryStore opened = QueryStore.open(dir.resolve("store"))) {
      AnomalyStore store = opened.anomalies();
      store.put(leakOnWeb01("late", MONDAY_10_00 + 2 * ONE_MINUTE));
      store.put(leakOnWeb01("before", MONDAY_10_00 - 1));
      store.put(swapStormOnDb02("exactly-at", MONDAY_10_00));
      store.put(leakOnWeb01("middle", MONDAY_10_00 + ONE_MINUTE));

      assertEquals(List.of("exactly-at", "middle", "late"), ids(store.since(MONDAY_10_00, 100)));
    }
  }

  @Test
  void sinceHonoursTheLimitKeepingTheOldest() {
    try (QueryStore opened = QueryStore.open(dir)) {
      AnomalyStore store = opened.anomalies();
      for (int i = 9; i >= 0; i--) {
        store.put(leakOnWeb01("a-" + i, MONDAY_10_00 + i * ONE_MINUTE));
      }

      assertEquals(List.of("a-0", "a-1", "a-2"), ids(store.since(MONDAY_10_00, 3)));
      assertThrows(IllegalArgumentException.class, () -> store.since(MONDAY_10_00, 0));
    }
  }

  @Test
  void ordersAnomaliesBefore1970BeforeLaterOnes() {
    try (QueryStore opened = QueryStore.open(dir)) {
      AnomalyStore store = opened.anomalies();
      store.put(leakOnWeb01("after-epoch", 5));
      store.put(leakOnWeb01("before-epoch", -5));

      assertEquals(List.of("before-epoch", "after-epoch"), ids(store.since(-10, 10)));
      assertEquals(List.of("after-epoch"), ids(store.since(0, 10)));
    }
  }

  @Test
  void storesTheSameAnomalyTwiceOnlyOnce() {
    try (QueryStore opened = QueryStore.open(dir)) {
      AnomalyStore store = opened.anomalies();
      store.put(leakOnWeb01("a-1", MONDAY_10_00));
      store.put(leakOnWeb01("a-1", MONDAY_10_00));
      store.put(leakOnWeb01("a-2", MONDAY_10_00));

      assertEquals(List.of("a-1", "a-2"), ids(store.since(0, 100)));
    }
  }

  @Test
  void returnsEveryFieldAsStored() {
    MemoryAnomaly leak = leakOnWeb01("a-1", MONDAY_10_00);
    MemoryAnomaly storm = swapStormOnDb02("a-2", MONDAY_10_00 + 1);
    try (QueryStore opened = QueryStore.open(dir)) {
      AnomalyStore store = opened.anomalies();
      store.put(leak);
      store.put(storm);

      assertEquals(List.of(leak, storm), store.since(MONDAY_10_00, 10));
    }
  }

  @Test
  void keepsAnomaliesAcrossCloseAndReopen() {
    MemoryAnomaly leak = leakOnWeb01("a-1", MONDAY_10_00);
    try (QueryStore opened = QueryStore.open(dir)) {
      AnomalyStore store = opened.anomalies();
      store.put(leak);
    }

    try (QueryStore opened = QueryStore.open(dir)) {
      AnomalyStore reopened = opened.anomalies();
      assertEquals(List.of(leak), reopened.since(0, 10));
      assertEquals(1, reopened.approximateCount());
    }
  }

  @Test
  void countsStoredAnomaliesApproximately() {
    try (QueryStore opened = QueryStore.open(dir)) {
      AnomalyStore store = opened.anomalies();
      assertEquals(0, store.approximateCount());
      for (int i = 0; i < 5; i++) {
        store.put(leakOnWeb01("a-" + i, MONDAY_10_00 + i));
      }
      long count = store.approximateCount();
      assertTrue(count >= 4 && count <= 6, "estimate " + count);
    }
  }

  @Test
  void refusesUseAfterCloseInsteadOfCrashingTheJvm() {
    QueryStore opened = QueryStore.open(dir);
    AnomalyStore store = opened.anomalies();
    opened.close();

    assertThrows(IllegalStateException.class, () -> store.since(0, 1));
    assertThrows(IllegalStateException.class, () -> store.put(leakOnWeb01("a", MONDAY_10_00)));
    opened.close();
  }

  private static List<String> ids(List<MemoryAnomaly> anomalies) {
    return anomalies.stream().map(MemoryAnomaly::getAnomalyId).toList();
  }
}
