package io.aiops.cli.analyze;

import static io.aiops.cli.render.JsonLine.number;

import io.aiops.cli.render.JsonLine;
import io.aiops.collector.procfs.SlabCache;
import io.aiops.detection.host.CacheThrashing;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;

/** {@code aiops analyze cache --format json}: one object on one line; unknown figures null. */
final class CacheReportJson {
  static final int SLAB_CACHES_SHOWN = 10;

  private CacheReportJson() {}

  static String line(CacheReport r) {
    Map<String, Object> o = new LinkedHashMap<>();
    o.put("source", r.sampled().source());
    o.put("timestamp_ms", r.sampled().later().timestampMs());
    o.put("interval_seconds", number(r.sampled().intervalSeconds()));
    o.put("mem_total_bytes", r.memTotalBytes());
    o.put("mem_available_bytes", r.memAvailableBytes());
    o.put("cached_bytes", r.bytes("Cached"));
    o.put("buffers_bytes", r.bytes("Buffers"));
    o.put("shmem_bytes", r.bytes("Shmem"));
    o.put("mapped_bytes", r.bytes("Mapped"));
    o.put("active_file_bytes", r.bytes("Active(file)"));
    o.put("inactive_file_bytes", r.bytes("Inactive(file)"));
    o.put("file_cache_bytes", r.fileCacheBytes());
    o.put("slab_bytes", r.bytes("Slab"));
    o.put("slab_reclaimable_bytes", r.bytes("SReclaimable"));
    o.put("slab_unreclaimable_bytes", r.bytes("SUnreclaim"));
    o.put("slabinfo_readable", r.slabCaches().isPresent());
    o.put("slab_cache_count", r.slabCaches().map(List::size).orElse(null));
    o.put("slab_listed_bytes", r.slabCaches().isPresent() ? r.slabListedBytes() : null);
    o.put("slab_caches", r.slabCaches().map(c -> slabs(c, r)).orElse(null));
    o.put("dirty_bytes", r.bytes("Dirty"));
    o.put("writeback_bytes", r.bytes("Writeback"));
    o.put("dirty_share_ratio", r.dirtyShareRatio());
    o.put("dirty_ratio_pct", setting(r, "dirty_ratio"));
    o.put("dirty_background_ratio_pct", setting(r, "dirty_background_ratio"));
    o.put("dirty_bytes_setting", setting(r, "dirty_bytes"));
    o.put("dirty_background_bytes_setting", setting(r, "dirty_background_bytes"));
    o.put("vfs_cache_pressure", setting(r, "vfs_cache_pressure"));
    o.put("dirtied_pages_per_second", number(r.dirtiedPagesPerSecond()));
    o.put("written_pages_per_second", number(r.writtenPagesPerSecond()));
    o.put("file_refaults_per_second", number(r.fileRefaultsPerSecond()));
    o.put("file_refault_bytes_per_second", number(r.fileRefaultBytesPerSecond()));
    o.put("anon_refaults_per_second", number(r.anonRefaultsPerSecond()));
    o.put("file_activations_per_second", number(r.fileActivationsPerSecond()));
    o.put("page_ins_per_second", number(r.pageInsPerSecond()));
    o.put("refault_share_of_page_ins_ratio", number(r.refaultShareOfPageInsRatio()));
    o.put("activation_share_of_refaults_ratio", number(r.activationShareOfRefaultsRatio()));
    o.put("thrashing", thrashing(r));
    o.put(
        "thrashing_warning_bytes_per_second",
        CacheThrashing.warningBytesPerSecond(r.memTotalBytes()));
    o.put("page_cache_bloat", r.sampled().rates().isPresent() ? r.bloat().isPresent() : null);
    o.put("nr_dirtied_total", r.sampled().later().counter("nr_dirtied"));
    o.put("nr_written_total", r.sampled().later().counter("nr_written"));
    o.put("pgpgin_kib_total", r.sampled().later().counter("pgpgin"));
    o.put(
        "workingset_refault_file_total",
        r.sampled().later().counter("workingset_refault_file") != null
            ? r.sampled().later().counter("workingset_refault_file")
            : r.sampled().later().counter("workingset_refault"));
    o.put("advice", CacheAdvice.nextSteps(r));
    o.put("rates_note", r.sampled().ratesNote());
    o.put("notes", r.notes());
    return JsonLine.of(o);
  }

  /** none, warning or critical; null without rates. */
  static String thrashing(CacheReport r) {
    if (r.fileRefaultBytesPerSecond().isEmpty()) {
      return null;
    }
    return r.thrashing().map(s -> s.name().toLowerCase(Locale.ROOT)).orElse("none");
  }

  private static Long setting(CacheReport r, String name) {
    return number(r.settings().getOrDefault(name, OptionalLong.empty()));
  }

  private static List<Map<String, Object>> slabs(List<SlabCache> caches, CacheReport r) {
    long page = r.sampled().later().pageSizeBytes();
    List<Map<String, Object>> list = new ArrayList<>();
    for (SlabCache c : caches.subList(0, Math.min(SLAB_CACHES_SHOWN, caches.size()))) {
      Map<String, Object> o = new LinkedHashMap<>();
      o.put("name", c.name());
      o.put("bytes", c.bytes(page));
      o.put("active_bytes", c.activeBytes());
      o.put("objects", c.objects());
      o.put("active_objects", c.activeObjects());
      o.put("object_size_bytes", c.objectSizeBytes());
      list.add(o);
    }
    return list;
  }
}
