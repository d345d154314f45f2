package io.aiops.collector.procfs;

import java.nio.charset.StandardCharsets;

/** A process's command line from /proc/<pid>/cmdline, as one bounded line of text. */
public final class Cmdline {
  public static final int MAX_CHARS = 512;

  /** UTF-8 needs at most 4 bytes a character, so this many bytes always hold MAX_CHARS. */
  public static final int MAX_BYTES = 4 * MAX_CHARS;

  private Cmdline() {}

  /**
   * The arguments joined by spaces, cut at {@link #MAX_CHARS} characters. The kernel separates
   * arguments with NUL and ends the last with one; a process that rewrote its argv (nginx,
   * postgres) may use spaces and no NUL. Zombies and processes that cleared their argv give "".
   */
  public static String decode(byte[] buf, int len) {
    int end = len;
    while (end > 0 && (buf[end - 1] == 0 || buf[end - 1] == ' ')) {
      end--;
    }
    for (int i = 0; i < end; i++) {
      if (buf[i] == 0) {
        buf[i] = ' ';
      }
    }
    String text = new String(buf, 0, end, StandardCharsets.UTF_8);
    if (text.length() <= MAX_CHARS) {
      return text;
    }
    int cut = MAX_CHARS;
    if (Character.isHighSurrogate(text.charAt(cut - 1))) {
      cut--;
    }
    return text.substring(0, cut);
  }
}
