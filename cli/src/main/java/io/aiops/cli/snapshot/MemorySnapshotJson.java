package io.aiops.cli.snapshot;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.aiops.cli.UsageException;
import io.aiops.cli.render.MappingTotalsJson;
import io.aiops.collector.procfs.MappingKind;
import io.aiops.collector.procfs.MappingTotals;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The snapshot file format (docs/commands/snapshot-memory.md): one JSON document with {@code
 * format} "aiops-memory-snapshot" and {@code format_version} 1. Readers refuse a newer version and
 * ignore fields they do not know, so version 1 readers keep working when fields are added.
 */
public final class MemorySnapshotJson {
  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private MemorySnapshotJson() {}

  public static String write(MemorySnapshot s) {
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("format", MemorySnapshot.FORMAT);
    doc.put("format_version", s.formatVersion());
    doc.put("taken_at_ms", s.takenAtMs());
    doc.put("host_id", s.hostId());
    doc.put("boot_id", s.bootId());
    doc.put("hostname", s.hostname());
    doc.put("page_size_bytes", s.pageSizeBytes());
    Map<String, Object> selection = new LinkedHashMap<>();
    selection.put("rss_floor_bytes", s.rssFloorBytes());
    selection.put("top", s.top());
    doc.put("regions_selection", selection);
    doc.put("meminfo", s.meminfo());
    doc.put("processes", s.processes().stream().map(MemorySnapshotJson::process).toList());
    try {
      return JSON.writeValueAsString(doc) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a map of strings, numbers and lists always serialises", e);
    }
  }

  private static Map<String, Object> process(SnapshotProcess p) {
    Map<String, Object> fields = new LinkedHashMap<>();
    fields.put("pid", p.pid());
    fields.put("start_time_ticks", p.startTimeTicks());
    fields.put("comm", p.comm());
    fields.put("cmdline", p.cmdline());
    fields.put("rss_bytes", p.rssBytes());
    fields.put("rss_anon_bytes", p.rssAnonBytes());
    fields.put("rss_file_bytes", p.rssFileBytes());
    fields.put("rss_shmem_bytes", p.rssShmemBytes());
    fields.put("pss_bytes", p.pssBytes());
    fields.put("swap_bytes", p.swapBytes());
    if (p.regions() == null) {
      fields.put("regions", null);
    } else {
      Map<String, Object> regions = new LinkedHashMap<>();
      p.regions().forEach((kind, t) -> regions.put(kind.jsonName(), MappingTotalsJson.fields(t)));
      fields.put("regions", regions);
    }
    fields.put("regions_missing", p.regionsMissing());
    return fields;
  }

  /** Reads a snapshot file; anything else is a usage error naming the file and what is wrong. */
  public static MemorySnapshot read(Path file) {
    JsonNode doc;
    try {
      doc = JSON.readTree(Files.readString(file));
    } catch (NoSuchFileException e) {
      throw new UsageException(file + ": no such file");
    } catch (JsonProcessingException e) {
      throw new UsageException(
          file + ": not JSON (" + e.getOriginalMessage() + "); give a file from snapshot memory");
    } catch (IOException e) {
      throw new UsageException(file + ": cannot read: " + e.getMessage());
    }
    if (doc == null || !MemorySnapshot.FORMAT.equals(doc.path("format").asText())) {
      throw new UsageException(
          file + ": not a memory snapshot (no \"format\": \"" + MemorySnapshot.FORMAT + "\")");
    }
    int version = doc.path("format_version").asInt(-1);
    if (version < 1 || version > MemorySnapshot.FORMAT_VERSION) {
      throw new UsageException(
          file
              + ": snapshot format_version "
              + doc.path("format_version")
              + "; this aiops reads 1 to "
              + MemorySnapshot.FORMAT_VERSION
              + " (a newer aiops wrote it?)");
    }
    try {
      return new MemorySnapshot(
          version,
          required(doc, "taken_at_ms").asLong(),
          doc.path("host_id").asText(),
          doc.path("boot_id").asText(),
          doc.path("hostname").asText(),
          doc.path("page_size_bytes").asLong(),
          doc.path("regions_selection").path("rss_floor_bytes").asLong(),
          doc.path("regions_selection").path("top").asInt(),
          meminfo(doc.path("meminfo")),
          processes(required(doc, "processes")));
    } catch (IllegalArgumentException e) {
      throw new UsageException(file + ": " + e.getMessage());
    }
  }

  private static Map<String, Long> meminfo(JsonNode node) {
    Map<String, Long> values = new LinkedHashMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> field = it.next();
      values.put(field.getKey(), field.getValue().asLong());
    }
    return values;
  }

  private static List<SnapshotProcess> processes(JsonNode array) {
    if (!array.isArray()) {
      throw new IllegalArgumentException("\"processes\" is not an array");
    }
    List<SnapshotProcess> processes = new ArrayList<>(array.size());
    for (JsonNode p : array) {
      processes.add(
          new SnapshotProcess(
              required(p, "pid").asInt(),
              required(p, "start_time_ticks").asLong(),
              p.path("comm").asText(),
              p.path("cmdline").asText(),
              required(p, "rss_bytes").asLong(),
              nullableLong(p, "rss_anon_bytes"),
              nullableLong(p, "rss_file_bytes"),
              nullableLong(p, "rss_shmem_bytes"),
              nullableLong(p, "pss_bytes"),
              p.path("swap_bytes").asLong(),
              regions(p.path("regions")),
              p.path("regions_missing").isTextual() ? p.path("regions_missing").asText() : null));
    }
    return processes;
  }

  private static Map<MappingKind, MappingTotals> regions(JsonNode node) {
    if (!node.isObject()) {
      return null;
    }
    Map<MappingKind, MappingTotals> regions = new EnumMap<>(MappingKind.class);
    for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> field = it.next();
      MappingKind kind = MappingKind.ofJsonName(field.getKey());
      if (kind != null) { // a kind a later version added is left out, not fatal
        regions.put(kind, MappingTotalsJson.read(field.getValue()));
      }
    }
    return regions;
  }

  private static JsonNode required(JsonNode node, String field) {
    JsonNode value = node.get(field);
    if (value == null || !value.isNumber() && !value.isArray()) {
      throw new IllegalArgumentException("\"" + field + "\" is missing or of the wrong type");
    }
    return value;
  }

  private static Long nullableLong(JsonNode node, String field) {
    JsonNode value = node.get(field);
    return value == null || value.isNull() ? null : value.asLong();
  }
}
