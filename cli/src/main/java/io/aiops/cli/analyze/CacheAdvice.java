package io.aiops.cli.analyze;

import io.aiops.cli.render.ByteSize;
import io.aiops.collector.procfs.SlabCache;
import io.aiops.detection.host.Severity;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** What to do about a host's page cache and slab, from what the cache report says. */
final class CacheAdvice {
  // The health score's writeback factor starts costing points here; throttling starts near 15 %.
  private static final double DIRTY_NOTABLE_SHARE = 0.10;
  // Writeback behind by this much of what is dirtied, while dirty pages pile up, is a slow device.
  private static final double WRITEBACK_BEHIND_RATIO = 0.8;
  private static final double DIRTY_PILING_SHARE = 0.05;
  // Kernel memory no reclaim frees; a tenth of RAM is worth a look at the largest caches.
  private static final double UNRECLAIMABLE_SLAB_SHARE = 0.10;
  private static final double RECLAIMABLE_SLAB_SHARE = 0.20;

  private CacheAdvice() {}

  static List<String> nextSteps(CacheReport r) {
    List<String> steps = new ArrayList<>();
    Optional<Severity> thrashing = r.thrashing();
    if (thrashing.isPresent()) {
      steps.add(
          String.format(
              Locale.ROOT,
              "cache thrashing (%s): %s/s of evicted file pages are read back%s; the file working"
                  + " set does not fit the cache left to it: add memory, or stop what squeezes it"
                  + " (anon growth: aiops detect memory-leak; a cgroup memory.max too small for"
                  + " its files)",
              thrashing.get().name().toLowerCase(Locale.ROOT),
              ByteSize.format(r.fileRefaultBytesPerSecond().getAsDouble()),
              r.activationShareOfRefaultsRatio().isPresent()
                  ? String.format(
                      Locale.ROOT,
                      ", %.0f %% of them part of the working set",
                      100 * r.activationShareOfRefaultsRatio().getAsDouble())
                  : ""));
    }
    r.bloat()
        .ifPresent(
            finding ->
                steps.add(
                    finding.summary()
                        + ": a memory.high on the cgroup that reads files once (backups, log"
                        + " shippers) keeps it out; echo 1 > /proc/sys/vm/drop_caches is a"
                        + " one-off that costs re-reads"));
    double dirtyShare = r.dirtyShareRatio();
    if (dirtyShare >= DIRTY_NOTABLE_SHARE) {
      steps.add(
          String.format(
              Locale.ROOT,
              "dirty and writeback pages are %.1f %% of dirtyable memory (writers are throttled"
                  + " from about halfway between vm.dirty_background_ratio and vm.dirty_ratio):"
                  + " find the writer (iotop -o, pidstat -d), check the device, or start"
                  + " writeback sooner with a lower vm.dirty_background_bytes",
              100 * dirtyShare));
    }
    if (r.dirtiedPagesPerSecond().isPresent()
        && r.writtenPagesPerSecond().isPresent()
        && dirtyShare >= DIRTY_PILING_SHARE
        && r.writtenPagesPerSecond().getAsDouble()
            < WRITEBACK_BEHIND_RATIO * r.dirtiedPagesPerSecond().getAsDouble()) {
      steps.add(
          String.format(
              Locale.ROOT,
              "pages are dirtied faster than they are written back (%.0f vs %.0f pages/s):"
                  + " the disks are behind",
              r.dirtiedPagesPerSecond().getAsDouble(),
              r.writtenPagesPerSecond().getAsDouble()));
    }
    slab(steps, r);
    if (steps.isEmpty()) {
      steps.add(
          r.sampled().rates().isPresent()
              ? "nothing to do: the cache keeps what is read again and writeback keeps up"
              : "nothing stands out in the cache's size and dirty pages");
    }
    return steps;
  }

  private static void slab(List<String> steps, CacheReport r) {
    double total = r.memTotalBytes();
    String largest =
        r.slabCaches()
            .flatMap(c -> c.stream().findFirst())
            .map(c -> " (largest cache: " + name(c, r) + ")")
            .orElse("");
    if (r.bytes("SUnreclaim") >= UNRECLAIMABLE_SLAB_SHARE * total) {
      steps.add(
          String.format(
              Locale.ROOT,
              "unreclaimable slab is %s, %.0f %% of RAM%s: kernel memory that reclaim cannot"
                  + " free; watch the largest caches (slabtop -s c) for one that keeps growing, a"
                  + " kernel-side leak",
              ByteSize.format(r.bytes("SUnreclaim")),
              100 * r.bytes("SUnreclaim") / total,
              largest));
    }
    if (r.bytes("SReclaimable") >= RECLAIMABLE_SLAB_SHARE * total) {
      steps.add(
          String.format(
              Locale.ROOT,
              "reclaimable slab is %s, %.0f %% of RAM%s: mostly dentries and inodes, freed under"
                  + " pressure (sooner with vm.vfs_cache_pressure above 100); millions of"
                  + " dentries often come from a process creating and deleting files",
              ByteSize.format(r.bytes("SReclaimable")),
              100 * r.bytes("SReclaimable") / total,
              largest));
    }
  }

  private static String name(SlabCache cache, CacheReport r) {
    return cache.name() + " " + ByteSize.format(cache.bytes(r.sampled().later().pageSizeBytes()));
  }
}
