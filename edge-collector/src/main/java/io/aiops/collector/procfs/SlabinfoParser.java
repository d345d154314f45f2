package io.aiops.collector.procfs;

import java.util.ArrayList;
import java.util.List;

/**
 * /proc/slabinfo, format 2.x (every kernel since 2.6): where the Slab figure of meminfo goes. The
 * file is readable by root only (mode 0400 since 2.6.39), because object counts of some caches
 * helped heap exploits.
 */
public final class SlabinfoParser {
  // name active_objs num_objs objsize objperslab pagesperslab : tunables l b s : slabdata a n s
  private static final int FIELDS = 16;

  private SlabinfoParser() {}

  /**
   * The caches in file order. The "slabinfo - version" line and the "#" header are skipped; a line
   * that is not a cache line is counted as malformed and skipped.
   */
  public static List<SlabCache> parse(String text, ReadErrors errors) {
    List<SlabCache> caches = new ArrayList<>();
    for (String line : text.split("\n")) {
      if (line.isBlank() || line.startsWith("slabinfo -") || line.startsWith("#")) {
        continue;
      }
      SlabCache cache = parseLine(line.trim().split("\\s+"));
      if (cache == null) {
        errors.count(ReadErrors.MALFORMED);
      } else {
        caches.add(cache);
      }
    }
    return caches;
  }

  private static SlabCache parseLine(String[] parts) {
    if (parts.length != FIELDS || !parts[6].equals(":") || !parts[12].equals("slabdata")) {
      return null;
    }
    try {
      return new SlabCache(
          parts[0],
          Long.parseLong(parts[1]),
          Long.parseLong(parts[2]),
          Long.parseLong(parts[3]),
          Long.parseLong(parts[5]),
          Long.parseLong(parts[14]));
    } catch (NumberFormatException e) {
      return null;
    }
  }
}
