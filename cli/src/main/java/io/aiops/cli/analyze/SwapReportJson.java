package io.aiops.cli.analyze;

import static io.aiops.cli.render.JsonLine.number;

import io.aiops.cli.render.JsonLine;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** {@code aiops analyze swap --format json}: one object on one line; unknown figures null. */
final class SwapReportJson {
  private SwapReportJson() {}

  static String line(SwapReport r, boolean withProcesses) {
    Map<String, Object> o = new LinkedHashMap<>();
    o.put("source", r.sampled().source());
    o.put("timestamp_ms", r.sampled().later().timestampMs());
    o.put("interval_seconds", number(r.sampled().intervalSeconds()));
    o.put("mem_total_bytes", r.memTotalBytes());
    o.put("swap_total_bytes", r.swapTotalBytes());
    o.put("swap_free_bytes", r.swapFreeBytes());
    o.put("swap_used_bytes", r.swapUsedBytes());
    o.put("swap_cached_bytes", r.swapCachedBytes());
    o.put("page_size_bytes", r.pageSizeBytes());
    o.put("swap_in_pages_per_second", number(r.swapInPagesPerSecond()));
    o.put("swap_out_pages_per_second", number(r.swapOutPagesPerSecond()));
    o.put("swap_in_bytes_per_second", number(r.swapInBytesPerSecond()));
    o.put("swap_out_bytes_per_second", number(r.swapOutBytesPerSecond()));
    o.put("major_faults_per_second", number(r.majorFaultsPerSecond()));
    o.put("swap_in_pages_total", r.swapInPagesTotal());
    o.put("swap_out_pages_total", r.swapOutPagesTotal());
    o.put("storm", storm(r));
    o.put("storm_warning_bytes_per_second", r.stormWarningBytesPerSecond());
    o.put("storm_critical_bytes_per_second", r.stormCriticalBytesPerSecond());
    o.put("swappiness", number(r.swappiness()));
    o.put("processes_read", r.processesRead());
    o.put("processes_swapped", r.processes().size());
    o.put("processes_swap_bytes", r.processesSwapBytes());
    o.put(
        "processes_share_of_swap_used_ratio",
        r.swapUsedBytes() > 0 ? (double) r.processesSwapBytes() / r.swapUsedBytes() : null);
    o.put("threshold_ratio", r.thresholdRatio());
    o.put("processes", withProcesses ? processes(r.listed()) : null);
    o.put("advice", SwapAdvice.nextSteps(r));
    o.put("rates_note", r.sampled().ratesNote());
    o.put("notes", r.notes());
    return JsonLine.of(o);
  }

  /** none, warning or critical; null when the rates are unknown. */
  static String storm(SwapReport r) {
    if (r.sampled().rates().isEmpty()) {
      return null;
    }
    return r.storm().map(s -> s.name().toLowerCase(Locale.ROOT)).orElse("none");
  }

  private static List<Map<String, Object>> processes(List<ProcessSwap> listed) {
    List<Map<String, Object>> list = new ArrayList<>();
    for (ProcessSwap p : listed) {
      Map<String, Object> o = new LinkedHashMap<>();
      o.put("pid", p.pid());
      o.put("comm", p.comm());
      o.put("swap_bytes", p.swapBytes());
      o.put("share_of_swap_used_ratio", p.shareOfSwapUsedRatio());
      o.put("rss_bytes", p.rssBytes());
      list.add(o);
    }
    return list;
  }
}
