package io.aiops.detection.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class FragmentationIndexTest extends HostFixtures {
  // 10 + 5·2 + 2·4 + 1·8 + 0·16 + 1·32 = 68 free pages in 19 blocks.
  private final FragmentationIndex zone =
      new FragmentationIndex(zone(0, "Normal", 10, 5, 2, 1, 0, 1, 0, 0, 0, 0, 0), PAGE_BYTES);

  @Test
  void countsFreePagesAndBlocksByOrder() {
    assertEquals(68, zone.freePages());
    assertEquals(68 * PAGE_BYTES, zone.freeBytes());
    assertEquals(19, zone.freeBlocksAtOrAbove(0));
    assertEquals(2, zone.freeBlocksAtOrAbove(3));
    assertEquals(1, zone.freeBlocksAtOrAbove(4));
    assertEquals(5, zone.largestFreeOrder().getAsDouble());
  }

  @Test
  void unusableFreeIndexIsTheShareOfFreePagesInSmallerBlocks() {
    assertEquals(0, zone.unusableFreeIndex(0));
    assertEquals(28.0 / 68, zone.unusableFreeIndex(3), 1e-12);
    assertEquals(36.0 / 68, zone.unusableFreeIndex(4), 1e-12);
    assertEquals(1, zone.unusableFreeIndex(6));
  }

  @Test
  void fragmentationIndexIsDefinedOnlyWhenNoSuitableBlockExists() {
    assertTrue(zone.fragmentationIndex(5).isEmpty());
    // 1 − (1 + 68 / 64) / 19: close to 1, failure for lack of contiguity, not of memory.
    assertEquals(1 - (1 + 68.0 / 64) / 19, zone.fragmentationIndex(6).getAsDouble(), 1e-12);
  }

  @Test
  void fragmentationIndexTendsToZeroWhenTheZoneSimplyLacksMemory() {
    FragmentationIndex nearlyFull = new FragmentationIndex(zone(0, "Normal", 2, 1), PAGE_BYTES);

    // 4 free pages in 3 blocks against an order-9 (512-page) request.
    assertEquals(1 - (1 + 4.0 / 512) / 3, nearlyFull.fragmentationIndex(9).getAsDouble(), 1e-12);
    assertTrue(nearlyFull.fragmentationIndex(9).getAsDouble() < 0.7);
  }

  @Test
  void treatsAZoneWithNoFreeMemoryAsWhollyUnusable() {
    FragmentationIndex empty = new FragmentationIndex(zone(0, "Normal", 0, 0, 0), PAGE_BYTES);

    assertEquals(0, empty.freePages());
    assertEquals(1, empty.unusableFreeIndex(0));
    assertTrue(empty.fragmentationIndex(4).isEmpty());
    assertTrue(empty.largestFreeOrder().isEmpty());
  }

  @Test
  void sizesBlocksWithThePageSize() {
    FragmentationIndex sixtyFourKibPages =
        new FragmentationIndex(zone(0, "Normal", 0, 0, 0, 0, 3), 64 * KIB);

    assertEquals(3 * 16 * 64 * KIB, sixtyFourKibPages.freeBytes());
  }
}
