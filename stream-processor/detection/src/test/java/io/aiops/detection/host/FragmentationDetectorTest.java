package io.aiops.detection.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class FragmentationDetectorTest extends HostFixtures {
  private static final ZoneFreeBlocks HEALTHY_DMA32 =
      zone(0, "DMA32", 900, 700, 500, 300, 200, 120, 80, 40, 20, 10, 200);

  @Test
  void warnsWhenNormalHasPlentyFreeButNoBlockOfOrderFour() {
    ReadingBuilder host =
        idleHost().buddyinfo(HEALTHY_DMA32, zoneWithAllFreeAtOrder("Normal", 5 * GIB, 3));

    HostFinding finding = FragmentationDetector.evaluate(host.build()).orElseThrow();

    assertEquals(HostFindingKind.FRAGMENTATION, finding.kind());
    assertEquals(Severity.WARNING, finding.severity());
    assertEquals(0.5, finding.score(), 1e-9);
    assertEquals(1.0, finding.evidence().get("unusable_free_index_order4_ratio"));
    assertEquals(0.0, finding.evidence().get("unusable_free_index_order3_ratio"));
    assertEquals(3.0, finding.evidence().get("largest_free_order"));
    assertEquals(5.0 * GIB, finding.evidence().get("zone_free_bytes"));
    // 163,840 blocks of 8 pages against a 16-page request: 1 − (1 + 1,310,720 / 16) / 163,840, just
    // under vm.extfrag_threshold (500 ‰), below which the kernel still reclaims before compacting.
    assertEquals(
        1 - (1 + 1_310_720.0 / 16) / 163_840,
        finding.evidence().get("fragmentation_index_order4_ratio"),
        1e-12);
    assertTrue(
        finding.summary().contains("node 0 Normal has 5.0 GiB free but no free block of order 4"),
        finding.summary());
  }

  @Test
  void turnsCriticalWhenNotEvenOrderThreeBlocksAreLeft() {
    ReadingBuilder host =
        idleHost().buddyinfo(HEALTHY_DMA32, zoneWithAllFreeAtOrder("Normal", 5 * GIB, 2));

    HostFinding finding = FragmentationDetector.evaluate(host.build()).orElseThrow();

    assertEquals(Severity.CRITICAL, finding.severity());
    assertEquals(1.0, finding.score());
  }

  @Test
  void staysQuietWhileOneBlockOfOrderFourRemains() {
    ZoneFreeBlocks oneLeft = zone(0, "Normal", 0, 0, 0, 300_000, 1);

    assertTrue(evaluate(HEALTHY_DMA32, oneLeft).isEmpty());
  }

  @Test
  void judgesOnlyZonesWithAtLeastFivePercentOfRamFree() {
    // 5 % of 16 GiB is 819.2 MiB, or 52,428.8 blocks of 16 KiB.
    ZoneFreeBlocks atFivePercent = zone(0, "Normal", 0, 0, 52_429);
    ZoneFreeBlocks belowFivePercent = zone(0, "Normal", 0, 0, 52_428);

    assertTrue(evaluate(HEALTHY_DMA32, atFivePercent).isPresent());
    assertTrue(evaluate(HEALTHY_DMA32, belowFivePercent).isEmpty());
  }

  @Test
  void neverJudgesTheDmaZone() {
    HostMemoryReading smallHost =
        idleHost()
            .memory(256 * MIB, 64 * MIB, 128 * MIB)
            .fileCache(32 * MIB, 32 * MIB, 0)
            .buddyinfo(
                zone(0, "DMA", 3840), // 15 MiB, all single pages
                zone(0, "DMA32", 10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10))
            .build();

    assertTrue(FragmentationDetector.evaluate(smallHost).isEmpty());
  }

  @Test
  void reportsTheWorstZoneAcrossNodes() {
    HostFinding finding =
        evaluate(
                zoneWithAllFreeAtOrder("Normal", 3 * GIB, 3),
                new ZoneFreeBlocks(
                    1, "Normal", zoneWithAllFreeAtOrder("Normal", 3 * GIB, 1).freeBlocksByOrder()))
            .orElseThrow();

    assertEquals(Severity.CRITICAL, finding.severity());
    assertEquals(1.0, finding.evidence().get("zone_node"));
  }

  @Test
  void staysQuietOnAnIdleHostAndWithoutBuddyinfo() {
    assertTrue(FragmentationDetector.evaluate(idleHost().build()).isEmpty());
    assertTrue(FragmentationDetector.evaluate(idleHost().buddyinfo().build()).isEmpty());
  }

  private static Optional<HostFinding> evaluate(ZoneFreeBlocks... zones) {
    return FragmentationDetector.evaluate(idleHost().buddyinfo(zones).build());
  }
}
