package io.aiops.collector.procfs;

import java.util.HashMap;
import java.util.Map;

/**
 * Parses the "name: value [kB]" and "name value" line formats shared by /proc/meminfo, /proc/vmstat
 * and /proc/<pid>/status. Lines that do not fit are skipped, not fatal: kernels add and rename
 * fields, and a truncated read ends mid-line.
 */
final class KeyValueFile {
  private KeyValueFile() {}

  /** Numeric fields, with values in kB converted to bytes; non-numeric fields are left out. */
  static Map<String, Long> parseBytes(String text) {
    Map<String, Long> values = new HashMap<>();
    int start = 0;
    while (start < text.length()) {
      int end = text.indexOf('\n', start);
      if (end < 0) {
        end = text.length();
      }
      parseLine(text, start, end, values);
      start = end + 1;
    }
    return values;
  }

  private static void parseLine(String text, int start, int end, Map<String, Long> values) {
    int sep = start;
    while (sep < end && text.charAt(sep) != ':' && !Character.isWhitespace(text.charAt(sep))) {
      sep++;
    }
    if (sep == start || sep >= end) {
      return;
    }
    String name = text.substring(start, sep);
    String[] rest = text.substring(sep + 1, end).trim().split("\\s+");
    if (rest.length == 0 || rest[0].isEmpty()) {
      return;
    }
    try {
      long value = Long.parseLong(rest[0]);
      boolean kilobytes = rest.length > 1 && rest[1].equalsIgnoreCase("kB");
      values.put(name, kilobytes ? value * 1024 : value);
    } catch (NumberFormatException notNumeric) {
      // e.g. "Name:\tjava" in status, "Cpus_allowed_list: 0-1": not a memory figure
    }
  }
}
