package io.aiops.cli.analyze;

import io.aiops.cli.host.SampledHost;
import io.aiops.collector.procfs.Meminfo;
import io.aiops.collector.procfs.SlabCache;
import io.aiops.detection.host.CacheThrashing;
import io.aiops.detection.host.HostFinding;
import io.aiops.detection.host.HostHealthSignals;
import io.aiops.detection.host.PageCacheBloatDetector;
import io.aiops.detection.host.Severity;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;

/**
 * A host's page cache and slab: what they hold (meminfo, slabinfo), dirty pages and, measured over
 * an interval, how fast pages are dirtied and written back and how often evicted pages are read
 * back (refaults), which is how well the cache works.
 *
 * @param sampled the readings; rates only when efficiency was asked for
 * @param slabCaches every slab cache, largest first; empty when slabinfo is unreadable
 * @param settings the vm.dirty_* and vfs_cache_pressure settings that could be read
 * @param notes what could not be read
 */
record CacheReport(
    SampledHost sampled,
    Optional<List<SlabCache>> slabCaches,
    Map<String, OptionalLong> settings,
    List<String> notes) {

  static CacheReport of(
      SampledHost sampled,
      Optional<List<SlabCache>> slabinfo,
      Map<String, OptionalLong> settings,
      List<String> notes) {
    long page = sampled.later().pageSizeBytes();
    Optional<List<SlabCache>> largestFirst =
        slabinfo.map(
            caches ->
                caches.stream()
                    .sorted(
                        Comparator.comparingLong((SlabCache c) -> c.bytes(page))
                            .reversed()
                            .thenComparing(SlabCache::name))
                    .toList());
    return new CacheReport(sampled, largestFirst, Map.copyOf(settings), List.copyOf(notes));
  }

  long bytes(String meminfoField) {
    return meminfo().bytes(meminfoField);
  }

  long memTotalBytes() {
    return bytes("MemTotal");
  }

  long memAvailableBytes() {
    return meminfo().availableBytes();
  }

  /** The droppable file cache: the file LRU lists (Cached less shmem, plus Buffers). */
  long fileCacheBytes() {
    return bytes("Active(file)") + bytes("Inactive(file)");
  }

  /** (Dirty + Writeback) / dirtyable memory, the share writers are throttled on. */
  double dirtyShareRatio() {
    return HostHealthSignals.from(sampled.later().toReading(), sampled.rates()).dirtyShareRatio();
  }

  long slabListedBytes() {
    long page = sampled.later().pageSizeBytes();
    return slabCaches.map(c -> c.stream().mapToLong(s -> s.bytes(page)).sum()).orElse(0L);
  }

  OptionalDouble dirtiedPagesPerSecond() {
    return sampled.perSecond("nr_dirtied");
  }

  OptionalDouble writtenPagesPerSecond() {
    return sampled.perSecond("nr_written");
  }

  /** Evicted file pages read back: workingset_refault_file, workingset_refault before 5.9. */
  OptionalDouble fileRefaultsPerSecond() {
    OptionalDouble split = sampled.perSecond("workingset_refault_file");
    return split.isPresent() ? split : sampled.perSecond("workingset_refault");
  }

  /** Evicted anon pages read back from swap (5.9+; older kernels did not track them). */
  OptionalDouble anonRefaultsPerSecond() {
    return sampled.perSecond("workingset_refault_anon");
  }

  /** File refaults that were in the active working set when evicted (activated at once). */
  OptionalDouble fileActivationsPerSecond() {
    OptionalDouble split = sampled.perSecond("workingset_activate_file");
    return split.isPresent() ? split : sampled.perSecond("workingset_activate");
  }

  /** Pages read from block devices (pgpgin counts KiB): file reads, readahead and swap-ins. */
  OptionalDouble pageInsPerSecond() {
    OptionalDouble kib = sampled.perSecond("pgpgin");
    long page = sampled.later().pageSizeBytes();
    return kib.isPresent() ? OptionalDouble.of(kib.getAsDouble() * 1024 / page) : kib;
  }

  OptionalDouble fileRefaultBytesPerSecond() {
    return inBytes(fileRefaultsPerSecond());
  }

  /** Share of the pages read from disk that the cache had held and lost: cache misses it caused. */
  OptionalDouble refaultShareOfPageInsRatio() {
    return ratio(fileRefaultsPerSecond(), pageInsPerSecond());
  }

  /** Share of file refaults that were part of the working set: thrashing, not a one-off scan. */
  OptionalDouble activationShareOfRefaultsRatio() {
    return ratio(fileActivationsPerSecond(), fileRefaultsPerSecond());
  }

  /** Thrashing by the host library's lines; empty below them or without rates. */
  Optional<Severity> thrashing() {
    OptionalDouble bytes = fileRefaultBytesPerSecond();
    return bytes.isPresent()
        ? CacheThrashing.severity(bytes.getAsDouble(), memTotalBytes())
        : Optional.empty();
  }

  /** The page-cache bloat finding of the host library; needs the refault rate. */
  Optional<HostFinding> bloat() {
    return sampled
        .rates()
        .flatMap(rates -> PageCacheBloatDetector.evaluate(sampled.later().toReading(), rates));
  }

  boolean finding() {
    return thrashing().isPresent() || bloat().isPresent();
  }

  private OptionalDouble inBytes(OptionalDouble pagesPerSecond) {
    long page = sampled.later().pageSizeBytes();
    return pagesPerSecond.isPresent()
        ? OptionalDouble.of(pagesPerSecond.getAsDouble() * page)
        : pagesPerSecond;
  }

  private static OptionalDouble ratio(OptionalDouble part, OptionalDouble whole) {
    if (part.isEmpty() || whole.isEmpty() || whole.getAsDouble() <= 0) {
      return OptionalDouble.empty();
    }
    return OptionalDouble.of(part.getAsDouble() / whole.getAsDouble());
  }

  private Meminfo meminfo() {
    return sampled.later().meminfo();
  }
}
