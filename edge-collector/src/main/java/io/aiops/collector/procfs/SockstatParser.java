package io.aiops.collector.procfs;

import io.aiops.schemas.memory.SocketMemory;
import java.util.HashMap;
import java.util.Map;

/**
 * /proc/net/sockstat: socket counts and the pages TCP and UDP buffers hold, memory the kernel
 * spends on behalf of processes that no process's RSS shows. The file is per network namespace: it
 * describes the namespace of the process that reads it.
 */
public final class SockstatParser {
  private SockstatParser() {}

  /**
   * Reads lines of "PROTOCOL: name value name value ...". A pair that does not parse is counted as
   * malformed; a figure the kernel does not print stays null.
   */
  public static SocketMemory parse(String text, ReadErrors errors) {
    Map<String, Long> figures = new HashMap<>();
    for (String line : text.split("\n")) {
      int colon = line.indexOf(':');
      if (colon <= 0) {
        if (!line.isBlank()) {
          errors.count(ReadErrors.MALFORMED);
        }
        continue;
      }
      String protocol = line.substring(0, colon).trim();
      String[] pairs = line.substring(colon + 1).trim().split("\\s+");
      for (int i = 0; i + 1 < pairs.length; i += 2) {
        try {
          figures.put(protocol + "." + pairs[i], Long.parseLong(pairs[i + 1]));
        } catch (NumberFormatException e) {
          errors.count(ReadErrors.MALFORMED);
        }
      }
      if (pairs.length % 2 != 0 && !pairs[0].isEmpty()) {
        errors.count(ReadErrors.MALFORMED);
      }
    }
    return SocketMemory.newBuilder()
        .setSocketsUsed(figures.get("sockets.used"))
        .setTcpInuse(figures.get("TCP.inuse"))
        .setTcpOrphan(figures.get("TCP.orphan"))
        .setTcpTimeWait(figures.get("TCP.tw"))
        .setTcpAlloc(figures.get("TCP.alloc"))
        .setTcpMemPages(figures.get("TCP.mem"))
        .setUdpInuse(figures.get("UDP.inuse"))
        .setUdpMemPages(figures.get("UDP.mem"))
        .build();
  }
}
