package io.aiops.collector.procfs;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** /proc/meminfo, every numeric field in file order, in bytes (kB fields converted). */
public record Meminfo(Map<String, Long> bytesByField) {

  public Meminfo {
    bytesByField = Collections.unmodifiableMap(new LinkedHashMap<>(bytesByField));
  }

  /** Parses meminfo text, counting lines that are not "name: number [kB]" as malformed. */
  public static Meminfo parse(String text, ReadErrors errors) {
    return new Meminfo(KeyValueFile.parseBytes(text, errors));
  }

  /** The field in bytes, or 0 when this kernel does not print it. */
  public long bytes(String field) {
    return bytesByField.getOrDefault(field, 0L);
  }

  public boolean has(String field) {
    return bytesByField.containsKey(field);
  }

  /**
   * MemAvailable, or the kernel's own estimate for kernels before 3.14 that lack it: free plus the
   * reclaimable part of the page cache and slab.
   */
  public long availableBytes() {
    if (has("MemAvailable")) {
      return bytes("MemAvailable");
    }
    return bytes("MemFree") + bytes("Cached") + bytes("Buffers") + bytes("SReclaimable");
  }
}
