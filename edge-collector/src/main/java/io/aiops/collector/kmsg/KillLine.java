package io.aiops.collector.kmsg;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The line that says a process was killed, in every kernel's wording:
 *
 * <pre>
 * Killed process 1234, UID 48, (httpd) total-vm:..kB, anon-rss:..kB, file-rss:..kB     2.6.32
 * Killed process 1234 (java) total-vm:..kB, anon-rss:..kB, file-rss:..kB                3.x
 * Killed process 1234 (java) total-vm:.., anon-rss:.., file-rss:.., shmem-rss:..kB      4.9+
 * Out of memory: Killed process 1234 (java) total-vm:.. ... shmem-rss:..kB             5.0+
 * Memory cgroup out of memory: Killed process 1234 (java) ..., UID:1000 pgtables:..kB
 *     oom_score_adj:0                                                                     5.3+
 * </pre>
 */
record KillLine(
    boolean saysMemcg,
    int pid,
    String process,
    Long totalVmKb,
    Long anonRssKb,
    Long fileRssKb,
    Long shmemRssKb,
    Integer uid,
    Long pgtablesKb,
    Integer oomScoreAdj) {

  // The name is greedy up to the last ')': comm may itself hold parentheses, "((resolved))".
  private static final Pattern KILLED =
      Pattern.compile(
          "^(?:(.*?): )?Killed process (\\d+),? (?:UID (\\d+), )?\\((.*)\\)(?:[ ,](.*))?$");
  private static final Pattern SELECTED =
      Pattern.compile(
          "^(?:(.*?): )?Kill process (\\d+) \\((.*)\\) score (-?\\d+) or sacrifice child$");

  private static final Pattern TOTAL_VM = Pattern.compile("total-vm:(\\d+)kB");
  private static final Pattern ANON_RSS = Pattern.compile("anon-rss:(\\d+)kB");
  private static final Pattern FILE_RSS = Pattern.compile("file-rss:(\\d+)kB");
  private static final Pattern SHMEM_RSS = Pattern.compile("shmem-rss:(\\d+)kB");
  private static final Pattern UID = Pattern.compile("UID:(\\d+)");
  private static final Pattern PGTABLES = Pattern.compile("pgtables:(\\d+)kB");
  private static final Pattern SCORE_ADJ = Pattern.compile("oom_score_adj:(-?\\d+)");

  static KillLine parse(String message) {
    Matcher m = KILLED.matcher(message);
    if (!m.matches()) {
      return null;
    }
    String figures = m.group(5) == null ? "" : m.group(5);
    Long uidFromFigures = kb(figures, UID);
    Integer uid =
        m.group(3) != null
            ? Integer.valueOf(m.group(3))
            : uidFromFigures == null ? null : uidFromFigures.intValue();
    Long adj = kb(figures, SCORE_ADJ);
    return new KillLine(
        saysMemcg(m.group(1)),
        Integer.parseInt(m.group(2)),
        m.group(4),
        kb(figures, TOTAL_VM),
        kb(figures, ANON_RSS),
        kb(figures, FILE_RSS),
        kb(figures, SHMEM_RSS),
        uid,
        kb(figures, PGTABLES),
        adj == null ? null : adj.intValue());
  }

  /**
   * Pre-5.0 kernels first name their choice, {@code Memory cgroup out of memory: Kill process 1234
   * (java) score 900 or sacrifice child}; only a later Killed line makes it a kill.
   *
   * @return whether the choice was made inside a memory cgroup, or null for another line
   */
  static Boolean selectionSaysMemcg(String message) {
    Matcher m = SELECTED.matcher(message);
    return m.matches() ? saysMemcg(m.group(1)) : null;
  }

  private static boolean saysMemcg(String reason) {
    return reason != null && reason.startsWith("Memory cgroup out of memory");
  }

  private static Long kb(String figures, Pattern figure) {
    Matcher m = figure.matcher(figures);
    return m.find() ? Long.valueOf(m.group(1)) : null;
  }
}
