package io.aiops.cli.health;

import static io.aiops.cli.render.JsonLine.number;

import io.aiops.cli.render.JsonLine;
import io.aiops.collector.procfs.PressureStallReading;
import io.aiops.detection.host.HealthFactor;
import io.aiops.detection.host.HostHealthSignals;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** {@code aiops health memory --format json}: one object on one line; unknown figures null. */
final class MemoryHealthJson {
  private MemoryHealthJson() {}

  static String line(MemoryHealth health) {
    HostHealthSignals s = health.signals();
    Optional<PressureStallReading> psi = health.sampled().later().pressure();
    Map<String, Object> o = new LinkedHashMap<>();
    o.put("source", health.sampled().source());
    o.put("timestamp_ms", health.sampled().later().timestampMs());
    o.put("interval_seconds", number(health.sampled().intervalSeconds()));
    o.put("score", health.score().score());
    o.put("risk", lower(health.score().risk().name()));
    o.put("mem_total_bytes", health.memTotalBytes());
    o.put("mem_used_bytes", health.memUsedBytes());
    o.put("mem_available_bytes", health.memAvailableBytes());
    o.put("mem_free_bytes", health.memFreeBytes());
    o.put("swap_total_bytes", health.swapTotalBytes());
    o.put("swap_used_bytes", health.swapUsedBytes());
    o.put("used_ratio", s.usedRatio());
    o.put("psi_some_avg10_pct", psi.map(PressureStallReading::someAvg10Pct).orElse(null));
    o.put("psi_some_avg60_pct", psi.map(PressureStallReading::someAvg60Pct).orElse(null));
    o.put("psi_full_avg10_pct", psi.map(PressureStallReading::fullAvg10Pct).orElse(null));
    o.put("psi_full_avg60_pct", psi.map(PressureStallReading::fullAvg60Pct).orElse(null));
    o.put("swap_in_bytes_per_second", number(s.swapInBytesPerSecond()));
    o.put("swap_out_bytes_per_second", number(s.swapOutBytesPerSecond()));
    o.put("allocstalls_per_second", number(s.allocStallsPerSecond()));
    o.put("file_refault_bytes_per_second", number(s.fileRefaultBytesPerSecond()));
    o.put("unusable_free_index_order4_ratio", number(s.unusableFreeIndexOrder4()));
    o.put("unusable_free_index_order3_ratio", number(s.unusableFreeIndexOrder3()));
    o.put("dirty_share_ratio", s.dirtyShareRatio());
    o.put("oom_kills_in_interval", health.oomKillsInInterval());
    o.put("oom_kills_since_boot", health.oomKillsSinceBoot());
    o.put("factors", factors(health.everyFactor()));
    o.put("rates_note", health.sampled().ratesNote());
    o.put("notes", health.notes());
    return JsonLine.of(o);
  }

  /** Every factor in factor order: those costing no points are part of the picture too. */
  private static List<Map<String, Object>> factors(List<HealthFactor> factors) {
    List<Map<String, Object>> list = new ArrayList<>();
    for (HealthFactor f : factors) {
      Map<String, Object> o = new LinkedHashMap<>();
      o.put("kind", lower(f.kind().name()));
      o.put("penalty_points", f.penaltyPoints());
      o.put("risk", lower(f.risk().name()));
      o.put("observation", f.observation());
      o.put("advice", f.advice());
      list.add(o);
    }
    return list;
  }

  private static String lower(String name) {
    return name.toLowerCase(Locale.ROOT);
  }
}
