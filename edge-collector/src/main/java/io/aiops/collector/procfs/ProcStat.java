package io.aiops.collector.procfs;

import java.nio.charset.StandardCharsets;

/**
 * The fields of /proc/<pid>/stat the collector uses.
 *
 * @param rssPages resident pages (the same counters as status's VmRSS); -1 when the line ends
 *     before that field
 */
public record ProcStat(String comm, long startTimeTicks, boolean kernelThread, long rssPages) {
  private static final long PF_KTHREAD = 0x00200000L;
  // Fields are numbered from 1 in proc(5); after the ")" that ends comm, field 3 (state) comes
  // first.
  private static final int FIRST_FIELD_AFTER_COMM = 3;
  private static final int FLAGS_FIELD = 9;
  private static final int START_TIME_FIELD = 22;
  private static final int RSS_FIELD = 24;

  /** Parses the stat line; see {@link #parse(byte[], int)}. */
  public static ProcStat parse(String line) {
    byte[] bytes = line.getBytes(StandardCharsets.UTF_8);
    return parse(bytes, bytes.length);
  }

  /**
   * Parses the stat line held in a buffer. comm may itself contain spaces and parentheses, so it
   * runs from the first "(" to the last ")".
   *
   * @throws IllegalArgumentException when the line is malformed or truncated
   */
  public static ProcStat parse(byte[] buf, int len) {
    int open = KeyedLines.indexOf(buf, (byte) '(', 0, len);
    int close = len - 1;
    while (close > open && buf[close] != ')') {
      close--;
    }
    if (open < 0 || close <= open) {
      throw new IllegalArgumentException("no (comm) in stat line");
    }
    long flags = -1;
    long startTime = -1;
    long rssPages = -1;
    int field = FIRST_FIELD_AFTER_COMM;
    int i = close + 1;
    while (i < len && field <= RSS_FIELD) {
      while (i < len && buf[i] == ' ') {
        i++;
      }
      int end = i;
      while (end < len && buf[end] != ' ' && buf[end] != '\n') {
        end++;
      }
      if (end == i) {
        break;
      }
      if (field == FLAGS_FIELD) {
        flags = number(buf, i, end);
      } else if (field == START_TIME_FIELD && end < len) {
        // A start time that runs to the end of the read may have been cut short.
        startTime = number(buf, i, end);
      } else if (field == RSS_FIELD && end < len) {
        rssPages = number(buf, i, end);
      }
      field++;
      i = end;
    }
    if (startTime < 0 || flags < 0) {
      throw new IllegalArgumentException("stat line ends before field " + START_TIME_FIELD);
    }
    String comm = new String(buf, open + 1, close - open - 1, StandardCharsets.UTF_8);
    return new ProcStat(comm, startTime, (flags & PF_KTHREAD) != 0, rssPages);
  }

  private static long number(byte[] buf, int from, int to) {
    if (to - from > 19) {
      throw new NumberFormatException("stat field too long");
    }
    long value = 0;
    for (int i = from; i < to; i++) {
      if (buf[i] < '0' || buf[i] > '9') {
        throw new NumberFormatException("stat field is not a number");
      }
      value = value * 10 + (buf[i] - '0');
    }
    return value;
  }
}
