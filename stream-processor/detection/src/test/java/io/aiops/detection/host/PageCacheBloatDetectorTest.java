package io.aiops.detection.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class PageCacheBloatDetectorTest extends HostFixtures {
  private static final long RAM = 16 * GIB;
  // Under 1 % of a 10.5 GiB cache a minute (107 MiB) comes back.
  private static final double COLD_REFAULTS = MIB;

  /** 10 GiB active and 0.5 GiB inactive file cache, 0.6 GiB free: 6.9 % free or inactive. */
  private static ReadingBuilder bloatedHost() {
    return idleHost().memory(RAM, 600 * MIB, 11 * GIB).fileCache(10 * GIB, 512 * MIB, 128 * MIB);
  }

  @Test
  void warnsOnALargeColdActiveCacheWithLittleFreeOrInactive() {
    HostFinding finding = evaluate(bloatedHost(), COLD_REFAULTS).orElseThrow();

    assertEquals(HostFindingKind.PAGE_CACHE_BLOAT, finding.kind());
    assertEquals(Severity.WARNING, finding.severity());
    assertEquals(1 - 0.5 * (600 + 512) / (0.1 * 16 * 1024), finding.score(), 1e-9);
    assertEquals(10.5 * GIB, finding.evidence().get("file_cache_bytes"));
    assertEquals(10.5 / 16, finding.evidence().get("file_cache_share_ratio"), 1e-9);
    assertEquals(
        60.0 * MIB / (10.5 * GIB),
        finding.evidence().get("file_refault_share_of_cache_per_minute_ratio"),
        1e-12);
    assertTrue(
        finding.summary().startsWith("page-cache bloat: 10.5 GiB of cold file cache"),
        finding.summary());
  }

  @Test
  void staysQuietWhenTheCacheIsInUse() {
    // 1 % of the cache a minute refaulting: the working set needs it.
    double refaulting = 0.01 * 10.5 * GIB / 60;

    assertTrue(evaluate(bloatedHost(), refaulting).isEmpty());
    assertTrue(evaluate(bloatedHost(), refaulting * 0.999).isPresent());
  }

  @Test
  void needsTheCacheToBeAtLeastHalfOfRam() {
    ReadingBuilder half =
        idleHost().memory(RAM, 600 * MIB, 9 * GIB).fileCache(7680 * MIB, 512 * MIB, 0);
    ReadingBuilder underHalf =
        idleHost().memory(RAM, 600 * MIB, 9 * GIB).fileCache(7680 * MIB - PAGE_BYTES, 512 * MIB, 0);

    assertTrue(evaluate(half, 0).isPresent());
    assertTrue(evaluate(underHalf, 0).isEmpty());
  }

  @Test
  void needsFreeAndInactiveBelowATenthOfRam() {
    // 16 GiB is not a multiple of ten bytes: the first byte count at or above a tenth.
    long tenth = (long) Math.ceil(0.1 * RAM);
    ReadingBuilder atTenth =
        idleHost().memory(RAM, tenth - 512 * MIB, 11 * GIB).fileCache(10 * GIB, 512 * MIB, 0);
    ReadingBuilder belowTenth =
        idleHost()
            .memory(RAM, tenth - 512 * MIB - PAGE_BYTES, 11 * GIB)
            .fileCache(10 * GIB, 512 * MIB, 0);

    assertTrue(evaluate(atTenth, 0).isEmpty());
    assertTrue(evaluate(belowTenth, 0).isPresent());
  }

  @Test
  void doesNotCountShmemAsDroppableCache() {
    // 9 GiB of tmpfs makes Cached large, but it is not on the file LRU and cannot be dropped.
    ReadingBuilder tmpfsHeavy =
        idleHost().memory(RAM, 600 * MIB, 3 * GIB).fileCache(2 * GIB, 512 * MIB, 9 * GIB);

    assertTrue(evaluate(tmpfsHeavy, 0).isEmpty());
  }

  @Test
  void givesNoVerdictWithoutARefaultRate() {
    HostRates noRefaults = ratesOver(START_MS - MINUTE_MS, START_MS).build();

    assertTrue(PageCacheBloatDetector.evaluate(bloatedHost().build(), noRefaults).isEmpty());
  }

  private static Optional<HostFinding> evaluate(
      ReadingBuilder reading, double refaultBytesPerSecond) {
    HostRates rates =
        ratesOver(START_MS - MINUTE_MS, START_MS)
            .fileRefaultBytesPerSecond(refaultBytesPerSecond)
            .build();
    return PageCacheBloatDetector.evaluate(reading.build(), rates);
  }
}
