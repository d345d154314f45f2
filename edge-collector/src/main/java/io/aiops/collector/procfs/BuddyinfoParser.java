package io.aiops.collector.procfs;

import io.aiops.schemas.memory.BuddyZone;
import java.util.ArrayList;
import java.util.List;

/**
 * /proc/buddyinfo: free blocks of each order per NUMA node and zone, the figure that shows memory
 * fragmentation (plenty free, but no order-3 block for a fork or a jumbo-frame buffer).
 */
public final class BuddyinfoParser {
  private BuddyinfoParser() {}

  /**
   * One zone per line of the form {@code Node 0, zone Normal 1234 567 ...}; the number of orders is
   * the kernel's MAX_ORDER (11 on most builds, more with large base pages). Lines that do not fit
   * are counted as malformed and skipped.
   */
  public static List<BuddyZone> parse(String text, ReadErrors errors) {
    List<BuddyZone> zones = new ArrayList<>();
    for (String line : text.split("\n")) {
      if (line.isBlank()) {
        continue;
      }
      BuddyZone zone = parseLine(line.trim());
      if (zone == null) {
        errors.count(ReadErrors.MALFORMED);
      } else {
        zones.add(zone);
      }
    }
    return zones;
  }

  private static BuddyZone parseLine(String line) {
    String[] parts = line.split("\\s+");
    if (parts.length < 5
        || !parts[0].equals("Node")
        || !parts[1].endsWith(",")
        || !parts[2].equals("zone")) {
      return null;
    }
    try {
      int node = Integer.parseInt(parts[1].substring(0, parts[1].length() - 1));
      List<Long> freeBlocks = new ArrayList<>(parts.length - 4);
      for (int i = 4; i < parts.length; i++) {
        freeBlocks.add(Long.parseLong(parts[i]));
      }
      return BuddyZone.newBuilder()
          .setNode(node)
          .setZone(parts[3])
          .setFreeBlocksByOrder(freeBlocks)
          .build();
    } catch (NumberFormatException e) {
      return null;
    }
  }
}
