package io.aiops.cli.render;

import com.fasterxml.jackson.databind.JsonNode;
import io.aiops.collector.procfs.MappingTotals;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The JSON fields of summed smaps figures, shared by inspect memory's regions and the snapshot
 * format: {@code mappings, size_bytes, rss_bytes, pss_bytes, swap_bytes, dirty_bytes,
 * anonymous_bytes, shared_bytes, private_bytes}.
 */
public final class MappingTotalsJson {
  private MappingTotalsJson() {}

  public static Map<String, Object> fields(MappingTotals t) {
    Map<String, Object> fields = new LinkedHashMap<>();
    fields.put("mappings", t.mappings());
    fields.put("size_bytes", t.sizeBytes());
    fields.put("rss_bytes", t.rssBytes());
    fields.put("pss_bytes", t.pssBytes());
    fields.put("swap_bytes", t.swapBytes());
    fields.put("dirty_bytes", t.dirtyBytes());
    fields.put("anonymous_bytes", t.anonymousBytes());
    fields.put("shared_bytes", t.sharedBytes());
    fields.put("private_bytes", t.privateBytes());
    return fields;
  }

  /** The totals of an object written by {@link #fields}; absent numbers read as 0. */
  public static MappingTotals read(JsonNode node) {
    return new MappingTotals(
        node.path("mappings").asInt(),
        node.path("size_bytes").asLong(),
        node.path("rss_bytes").asLong(),
        node.path("pss_bytes").asLong(),
        node.path("swap_bytes").asLong(),
        node.path("dirty_bytes").asLong(),
        node.path("anonymous_bytes").asLong(),
        node.path("shared_bytes").asLong(),
        node.path("private_bytes").asLong());
  }
}
