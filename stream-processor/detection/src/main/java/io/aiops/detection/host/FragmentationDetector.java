package io.aiops.detection.host;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Fragmentation: a zone with plenty of free memory but no free blocks of the higher orders, so
 * multi-page allocations (network buffers, slabs, huge pages) stall in compaction or fail while
 * free memory looks fine.
 *
 * <p>A zone is judged when it holds at least 5 % of MemTotal free: less is exhaustion, which the
 * usage and pressure signals cover, and free memory near the watermarks is always in small pieces.
 * The DMA zone (16 MiB kept for old devices) is never judged. Warning when a judged zone has no
 * free block of order 4 or above (64 KiB with 4 KiB pages); critical when it has none of order 3 or
 * above: order 3 is PAGE_ALLOC_COSTLY_ORDER, the largest the kernel retries without giving up,
 * compacting, reclaiming and even OOM-killing with free memory in hand.
 */
public final class FragmentationDetector {
  static final double PLENTIFUL_FREE_SHARE = 0.05;
  static final int WARNING_ORDER = 4;
  static final int CRITICAL_ORDER = 3;

  private FragmentationDetector() {}

  private static Optional<Severity> severity(FragmentationIndex zone) {
    if (zone.freeBlocksAtOrAbove(CRITICAL_ORDER) == 0) {
      return Optional.of(Severity.CRITICAL);
    }
    return zone.freeBlocksAtOrAbove(WARNING_ORDER) == 0
        ? Optional.of(Severity.WARNING)
        : Optional.empty();
  }

  /** The zones whose fragmentation matters, in buddyinfo order. */
  static List<FragmentationIndex> judgedZones(HostMemoryReading reading) {
    List<FragmentationIndex> judged = new ArrayList<>();
    double plentiful = PLENTIFUL_FREE_SHARE * reading.memory().memTotalBytes();
    for (ZoneFreeBlocks zone : reading.buddyinfo()) {
      FragmentationIndex index = new FragmentationIndex(zone, reading.pageSizeBytes());
      if (!zone.zone().equals("DMA") && index.freeBytes() >= plentiful) {
        judged.add(index);
      }
    }
    return judged;
  }

  /** The worst judged zone's finding, if any zone lacks the higher orders. */
  public static Optional<HostFinding> evaluate(HostMemoryReading reading) {
    Optional<FragmentationIndex> worst =
        judgedZones(reading).stream()
            .filter(z -> severity(z).isPresent())
            .max(
                Comparator.comparing((FragmentationIndex z) -> severity(z).orElseThrow())
                    .thenComparingDouble(z -> z.unusableFreeIndex(CRITICAL_ORDER)));
    if (worst.isEmpty()) {
      return Optional.empty();
    }
    FragmentationIndex zone = worst.get();
    Severity severity = severity(zone).orElseThrow();
    boolean critical = severity == Severity.CRITICAL;
    double unusable3 = zone.unusableFreeIndex(CRITICAL_ORDER);
    double score = critical ? 1 : 0.5 + 0.5 * unusable3;
    long pageSize = reading.pageSizeBytes();

    Map<String, Double> evidence = new LinkedHashMap<>();
    evidence.put("zone_node", (double) zone.zone().node());
    evidence.put("zone_free_bytes", (double) zone.freeBytes());
    evidence.put("mem_free_bytes", (double) reading.memory().memFreeBytes());
    evidence.put("unusable_free_index_order3_ratio", unusable3);
    evidence.put("unusable_free_index_order4_ratio", zone.unusableFreeIndex(WARNING_ORDER));
    zone.fragmentationIndex(WARNING_ORDER)
        .ifPresent(i -> evidence.put("fragmentation_index_order4_ratio", i));
    zone.largestFreeOrder().ifPresent(o -> evidence.put("largest_free_order", o));
    evidence.put("page_size_bytes", (double) pageSize);
    int missingOrder = critical ? CRITICAL_ORDER : WARNING_ORDER;
    String summary =
        Sizes.format(
            "fragmentation (%s): node %d %s has %s free but no free block of order %d or above"
                + " (%s); %s of its free memory is in smaller pieces",
            severity.name().toLowerCase(Locale.ROOT),
            zone.zone().node(),
            zone.zone().zone(),
            Sizes.bytes(zone.freeBytes()),
            missingOrder,
            Sizes.bytes(pageSize << missingOrder),
            Sizes.percent(zone.unusableFreeIndex(missingOrder)));
    return Optional.of(
        new HostFinding(HostFindingKind.FRAGMENTATION, severity, score, summary, evidence));
  }
}
