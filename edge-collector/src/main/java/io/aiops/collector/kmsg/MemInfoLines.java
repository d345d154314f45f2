package io.aiops.collector.kmsg;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The page counts a global OOM prints after {@code Mem-Info:} (show_free_areas):
 *
 * <pre>
 * active_anon:1003264 inactive_anon:8236 isolated_anon:0
 *  active_file:52 inactive_file:117 isolated_file:0
 *  ...
 *  free:21163 free_pcp:62 free_cma:0
 * </pre>
 *
 * 3.x kernels print per-CPU pageset lines before them; the per-node lines after them carry kB and
 * end the summary.
 */
final class MemInfoLines {
  // How many lines after Mem-Info: may come before the summary (3.x per-CPU lines, one per CPU).
  private static final int MAX_LINES_BEFORE_SUMMARY = 600;
  private static final Pattern PAIRS = Pattern.compile("^[a-z_]+:\\d+(?:\\s+[a-z_]+:\\d+)*$");
  private static final Pattern PAIR = Pattern.compile("([a-z_]+):(\\d+)");

  private final Map<String, Long> pages = new LinkedHashMap<>();
  private boolean started;
  private boolean done;
  private int linesBefore;

  boolean isReading() {
    return !done;
  }

  /** Takes the next line of the report; returns false once the summary has ended. */
  boolean offer(String message) {
    if (done) {
      return false;
    }
    if (PAIRS.matcher(message).matches()) {
      started = true;
      Matcher pair = PAIR.matcher(message);
      while (pair.find()) {
        pages.put(pair.group(1), Long.valueOf(pair.group(2)));
      }
      return true;
    }
    if (started || ++linesBefore > MAX_LINES_BEFORE_SUMMARY) {
      done = true;
    }
    return !done;
  }

  Map<String, Long> pages() {
    return pages;
  }
}
