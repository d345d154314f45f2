package io.aiops.cli.inspect;

import io.aiops.cli.render.JsonLine;
import io.aiops.cli.render.MappingTotalsJson;
import io.aiops.collector.procfs.MappingKind;
import io.aiops.collector.procfs.MappingTotals;
import io.aiops.collector.procfs.SmapsMapping;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code aiops inspect memory --format json}: the whole report as one JSON object on one line. */
final class ProcessMemoryJson {
  private ProcessMemoryJson() {}

  static String line(InspectedProcess process, ProcessMemoryMap map, boolean maps, boolean detail) {
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("pid", process.pid());
    doc.put("start_time_ticks", process.startTimeTicks());
    doc.put("comm", process.comm());
    doc.put("cmdline", process.cmdline());
    doc.put("owner", process.owner());
    doc.put("status_rss_bytes", process.statusRssBytes());
    doc.put("total", MappingTotalsJson.fields(map.total()));
    Map<String, Object> regions = new LinkedHashMap<>();
    map.byKind()
        .forEach(
            (kind, totals) -> {
              Map<String, Object> region = MappingTotalsJson.fields(totals);
              region.put("permissions", map.permissions(kind));
              regions.put(kind.jsonName(), region);
            });
    doc.put("regions", regions);
    List<Map<String, Object>> libraries = new ArrayList<>();
    for (Map.Entry<String, MappingTotals> library : map.largestLibraries()) {
      Map<String, Object> fields = new LinkedHashMap<>();
      fields.put("path", library.getKey());
      fields.putAll(MappingTotalsJson.fields(library.getValue()));
      libraries.add(fields);
    }
    doc.put("largest_libraries", libraries);
    doc.put(
        "largest_mappings", map.largestMappings().stream().map(m -> mapping(m, false)).toList());
    doc.put("unusual", map.unusual().stream().map(ProcessMemoryJson::unusual).toList());
    doc.put("jit_code", map.jitCode().stream().map(ProcessMemoryJson::unusual).toList());
    if (maps || detail) {
      doc.put("mappings", map.mappings().stream().map(m -> mapping(m, detail)).toList());
    }
    return JsonLine.of(doc);
  }

  static Map<String, Object> mapping(SmapsMapping m, boolean detail) {
    Map<String, Object> fields = new LinkedHashMap<>();
    fields.put("start", m.startHex());
    fields.put("end", m.endHex());
    fields.put("permissions", m.permissions());
    fields.put("offset", Long.toHexString(m.offset()));
    fields.put("device", m.device());
    fields.put("inode", m.inode());
    fields.put("path", m.path());
    MappingKind kind = m.kind();
    fields.put("kind", kind.jsonName());
    fields.put("deleted", m.deleted());
    fields.put("size_bytes", m.sizeBytes());
    fields.put("rss_bytes", m.rssBytes());
    fields.put("pss_bytes", m.pssBytes());
    fields.put("swap_bytes", m.swapBytes());
    fields.put("dirty_bytes", m.dirtyBytes());
    fields.put("anonymous_bytes", m.anonymousBytes());
    fields.put("shared_bytes", m.sharedBytes());
    fields.put("private_bytes", m.privateBytes());
    if (detail) {
      fields.put("smaps_bytes", m.bytesByField());
      fields.put("smaps_other", m.otherFields());
    }
    return fields;
  }

  private static Map<String, Object> unusual(UnusualMapping u) {
    Map<String, Object> fields = new LinkedHashMap<>();
    fields.put("finding", u.finding().jsonName());
    fields.put("start", u.address());
    fields.put("permissions", u.permissions());
    fields.put("path", u.path());
    fields.put("mappings", u.mappings());
    fields.put("size_bytes", u.sizeBytes());
    fields.put("rss_bytes", u.rssBytes());
    fields.put("meaning", u.finding().meaning());
    return fields;
  }
}
