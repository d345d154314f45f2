package io.aiops.collector.procfs;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Parses the "name: value [kB]" and "name value" line formats of /proc/meminfo and /proc/vmstat.
 * Lines that do not fit are skipped, not fatal: kernels add and rename fields, and a truncated read
 * ends mid-line.
 */
final class KeyValueFile {
  private KeyValueFile() {}

  /** Numeric fields in file order, values in kB converted to bytes; other lines are left out. */
  static Map<String, Long> parseBytes(String text) {
    return parseBytes(text, null);
  }

  /**
   * As {@link #parseBytes(String)}, counting in {@code errors} (when given) every line that is not
   * "name number [kB]", the last line included when the text ends before its newline. Only for
   * files whose every line is numeric (meminfo, vmstat).
   */
  static Map<String, Long> parseBytes(String text, ReadErrors errors) {
    Map<String, Long> values = new LinkedHashMap<>();
    int start = 0;
    while (start < text.length()) {
      int end = text.indexOf('\n', start);
      boolean parsed;
      if (end < 0) {
        end = text.length();
        parsed = false; // cut short: "MemTotal: 12" may be the start of "MemTotal: 1234 kB"
      } else {
        parsed = parseLine(text, start, end, values) || text.substring(start, end).isBlank();
      }
      if (!parsed && errors != null) {
        errors.count(ReadErrors.MALFORMED);
      }
      start = end + 1;
    }
    return values;
  }

  private static boolean parseLine(String text, int start, int end, Map<String, Long> values) {
    int sep = start;
    while (sep < end && text.charAt(sep) != ':' && !Character.isWhitespace(text.charAt(sep))) {
      sep++;
    }
    if (sep == start || sep >= end) {
      return false;
    }
    String name = text.substring(start, sep);
    String[] rest = text.substring(sep + 1, end).trim().split("\\s+");
    if (rest.length == 0 || rest[0].isEmpty() || rest.length > 2) {
      return false;
    }
    try {
      long value = Long.parseLong(rest[0]);
      if (rest.length == 2 && !rest[1].equalsIgnoreCase("kB")) {
        return false;
      }
      values.put(name, rest.length == 2 ? Math.multiplyExact(value, 1024) : value);
      return true;
    } catch (NumberFormatException | ArithmeticException notNumeric) {
      return false;
    }
  }
}
