package io.aiops.collector.procfs;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Finds the "Name: 123 kB" lines of a fixed set of names in a byte buffer holding
 * /proc/<pid>/status or smaps_rollup, without allocating: these files are read for hundreds of
 * processes every sample. Values in kB are converted to bytes; other numbers are kept as printed.
 */
final class KeyedLines {
  static final long ABSENT = -1;

  private final byte[][] names;

  KeyedLines(String... names) {
    this.names = new byte[names.length][];
    for (int i = 0; i < names.length; i++) {
      this.names[i] = names[i].getBytes(StandardCharsets.US_ASCII);
    }
  }

  /**
   * Fills {@code values[i]} with the figure of name i, or {@link #ABSENT} when the file has no such
   * line. Returns how many wanted lines did not parse: a value that is not a number, or the last
   * line when the read ended before its newline (a truncated read must not pass for a small value).
   */
  int scan(byte[] buf, int len, long[] values) {
    Arrays.fill(values, ABSENT);
    int malformed = 0;
    int start = 0;
    while (start < len) {
      int end = indexOf(buf, (byte) '\n', start, len);
      boolean terminated = end >= 0;
      if (!terminated) {
        end = len;
      }
      int colon = indexOf(buf, (byte) ':', start, end);
      int field = colon > start ? fieldOf(buf, start, colon) : -1;
      if (field >= 0) {
        long value = terminated ? number(buf, colon + 1, end) : ABSENT;
        if (value == ABSENT) {
          malformed++;
        } else {
          values[field] = value;
        }
      }
      start = end + 1;
    }
    return malformed;
  }

  private int fieldOf(byte[] buf, int start, int colon) {
    int length = colon - start;
    for (int i = 0; i < names.length; i++) {
      byte[] name = names[i];
      if (name.length == length && Arrays.equals(buf, start, colon, name, 0, length)) {
        return i;
      }
    }
    return -1;
  }

  /** Digits between blanks, optionally followed by "kB"; ABSENT for anything else. */
  private static long number(byte[] buf, int from, int to) {
    int i = skipBlanks(buf, from, to);
    long value = 0;
    int digits = 0;
    while (i < to && buf[i] >= '0' && buf[i] <= '9') {
      if (value > (Long.MAX_VALUE - 9) / 10) {
        return ABSENT;
      }
      value = value * 10 + (buf[i++] - '0');
      digits++;
    }
    if (digits == 0) {
      return ABSENT;
    }
    i = skipBlanks(buf, i, to);
    if (i + 2 <= to && buf[i] == 'k' && buf[i + 1] == 'B') {
      i = skipBlanks(buf, i + 2, to);
      return i == to && value <= Long.MAX_VALUE / 1024 ? value * 1024 : ABSENT;
    }
    return i == to ? value : ABSENT;
  }

  private static int skipBlanks(byte[] buf, int i, int to) {
    while (i < to && (buf[i] == ' ' || buf[i] == '\t')) {
      i++;
    }
    return i;
  }

  static int indexOf(byte[] buf, byte wanted, int from, int to) {
    for (int i = from; i < to; i++) {
      if (buf[i] == wanted) {
        return i;
      }
    }
    return -1;
  }
}
