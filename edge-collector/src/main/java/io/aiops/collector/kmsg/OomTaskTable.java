package io.aiops.collector.kmsg;

import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The task table of an OOM report, read by the header's column names, since they changed over
 * kernels:
 *
 * <pre>
 * [ pid ]   uid  tgid total_vm      rss nr_ptes swapents oom_score_adj name                3.10
 * [ pid ]   uid  tgid total_vm      rss nr_ptes nr_pmds swapents oom_score_adj name        4.4
 * [  pid  ]   uid  tgid total_vm      rss pgtables_bytes swapents oom_score_adj name       4.15+
 * [  pid  ]   uid  tgid total_vm      rss rss_anon rss_file rss_shmem pgtables_bytes ...   6.8+
 * </pre>
 */
final class OomTaskTable {
  // x86 and most fleets: page tables of pre-4.15 kernels are counted in 4 KiB pages.
  private static final long PAGE_BYTES = 4096;
  private static final Pattern HEADER = Pattern.compile("^\\[\\s*pid\\s*\\]\\s+(.*\\bname)\\s*$");
  private static final Pattern ROW = Pattern.compile("^\\[\\s*(\\d+)\\]\\s+(.*)$");

  private final List<String> columns;
  private final Pattern rowFigures;

  private OomTaskTable(List<String> columns) {
    this.columns = columns;
    int figures = columns.size() - 1;
    this.rowFigures = Pattern.compile("^(-?\\d+(?:\\s+-?\\d+){" + (figures - 1) + "})\\s+(.*)$");
  }

  /** The table this header opens, or null when the line is not a task table header. */
  static OomTaskTable fromHeader(String message) {
    Matcher m = HEADER.matcher(message);
    if (!m.matches()) {
      return null;
    }
    List<String> columns = Arrays.asList(m.group(1).trim().split("\\s+"));
    return columns.size() < 2 ? null : new OomTaskTable(columns);
  }

  /** The task in a row of this table, or null when the line is not one. */
  OomTask row(String message) {
    Matcher row = ROW.matcher(message);
    if (!row.matches()) {
      return null;
    }
    Matcher figures = rowFigures.matcher(row.group(2));
    if (!figures.matches()) {
      return null;
    }
    String[] numbers = figures.group(1).trim().split("\\s+");
    Columns c = new Columns(columns, numbers);
    Long pgtables = c.get("pgtables_bytes");
    if (pgtables == null && c.get("nr_ptes") != null) {
      long pmds = c.get("nr_pmds") == null ? 0 : c.get("nr_pmds");
      pgtables = (c.get("nr_ptes") + pmds) * PAGE_BYTES;
    }
    return new OomTask(
        Integer.parseInt(row.group(1)),
        figures.group(2).strip(),
        c.integer("uid"),
        c.integer("tgid"),
        c.get("total_vm"),
        c.get("rss"),
        c.get("rss_anon"),
        c.get("rss_file"),
        c.get("rss_shmem"),
        pgtables,
        c.get("swapents"),
        c.integer("oom_score_adj"));
  }

  private record Columns(List<String> names, String[] numbers) {
    Long get(String name) {
      int at = names.indexOf(name);
      return at < 0 || at >= numbers.length ? null : Long.valueOf(numbers[at]);
    }

    Integer integer(String name) {
      Long value = get(name);
      return value == null ? null : value.intValue();
    }
  }
}
