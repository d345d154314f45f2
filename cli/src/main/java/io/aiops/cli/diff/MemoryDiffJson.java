package io.aiops.cli.diff;

import io.aiops.cli.render.JsonLine;
import io.aiops.cli.snapshot.MemorySnapshot;
import io.aiops.cli.snapshot.SnapshotProcess;
import java.util.LinkedHashMap;
import java.util.Map;

/** {@code aiops diff memory --format json}: the whole diff as one JSON object on one line. */
final class MemoryDiffJson {
  private MemoryDiffJson() {}

  static String line(MemoryDiff diff, String file1, String file2, long thresholdBytes) {
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("snapshot1", snapshot(file1, diff.before()));
    doc.put("snapshot2", snapshot(file2, diff.after()));
    doc.put("host_id", diff.after().hostId());
    doc.put("hostname", diff.after().hostname());
    doc.put("same_boot", diff.sameBoot());
    doc.put("interval_ms", diff.after().takenAtMs() - diff.before().takenAtMs());
    doc.put("threshold_bytes", thresholdBytes);
    doc.put(
        "grew_beyond_threshold",
        diff.grewMoreThan(thresholdBytes).stream().map(c -> c.after().pid()).toList());
    doc.put(
        "meminfo",
        diff.meminfo().stream()
            .filter(c -> c.delta() != 0)
            .map(
                c -> {
                  Map<String, Object> fields = new LinkedHashMap<>();
                  fields.put("field", c.field());
                  fields.put("before", c.before());
                  fields.put("after", c.after());
                  fields.put("delta", c.delta());
                  return fields;
                })
            .toList());
    doc.put("processes", diff.changes().stream().map(c -> change(c, thresholdBytes)).toList());
    doc.put("new_processes", diff.started().stream().map(MemoryDiffJson::process).toList());
    doc.put("gone_processes", diff.ended().stream().map(MemoryDiffJson::process).toList());
    return JsonLine.of(doc);
  }

  private static Map<String, Object> snapshot(String file, MemorySnapshot s) {
    Map<String, Object> fields = new LinkedHashMap<>();
    fields.put("file", file);
    fields.put("taken_at_ms", s.takenAtMs());
    fields.put("boot_id", s.bootId());
    fields.put("processes", s.processes().size());
    return fields;
  }

  private static Map<String, Object> change(ProcessChange c, long thresholdBytes) {
    Map<String, Object> fields = new LinkedHashMap<>();
    fields.put("pid", c.after().pid());
    fields.put("start_time_ticks", c.after().startTimeTicks());
    fields.put("comm", c.after().comm());
    fields.put("cmdline", c.after().cmdline());
    fields.put("rss_bytes_before", c.before().rssBytes());
    fields.put("rss_bytes_after", c.after().rssBytes());
    fields.put("rss_bytes_delta", c.rssDeltaBytes());
    fields.put("pss_bytes_before", c.before().pssBytes());
    fields.put("pss_bytes_after", c.after().pssBytes());
    fields.put("pss_bytes_delta", c.pssDeltaBytes());
    fields.put("swap_bytes_before", c.before().swapBytes());
    fields.put("swap_bytes_after", c.after().swapBytes());
    fields.put("swap_bytes_delta", c.swapDeltaBytes());
    fields.put("beyond_threshold", c.rssDeltaBytes() > thresholdBytes);
    Map<String, Object> regions = new LinkedHashMap<>();
    c.regions()
        .forEach(
            (kind, r) -> {
              Map<String, Object> region = new LinkedHashMap<>();
              region.put("rss_bytes_before", r.before().rssBytes());
              region.put("rss_bytes_after", r.after().rssBytes());
              region.put("rss_bytes_delta", r.rssDeltaBytes());
              region.put("pss_bytes_delta", r.pssDeltaBytes());
              region.put("size_bytes_delta", r.sizeDeltaBytes());
              region.put("swap_bytes_delta", r.swapDeltaBytes());
              region.put("dirty_bytes_delta", r.dirtyDeltaBytes());
              region.put("mappings_delta", r.mappingsDelta());
              regions.put(kind.jsonName(), region);
            });
    fields.put("regions", c.regions().isEmpty() ? null : regions);
    return fields;
  }

  private static Map<String, Object> process(SnapshotProcess p) {
    Map<String, Object> fields = new LinkedHashMap<>();
    fields.put("pid", p.pid());
    fields.put("start_time_ticks", p.startTimeTicks());
    fields.put("comm", p.comm());
    fields.put("cmdline", p.cmdline());
    fields.put("rss_bytes", p.rssBytes());
    fields.put("pss_bytes", p.pssBytes());
    fields.put("swap_bytes", p.swapBytes());
    return fields;
  }
}
