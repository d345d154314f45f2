package io.aiops.collector.kmsg;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What one OOM report has said so far, from {@code invoked oom-killer} (or the first report line of
 * a truncated excerpt) to its kill lines. The facts about the event (constraint, limit, Mem-Info,
 * task table, invoker) are shared by every process it kills.
 */
final class OomReport {
  // A report prints within a second or two; a kill line this much later is not this report's.
  private static final double MAX_REPORT_SECONDS = 60;
  // Task tables run to thousands of lines; the head of the report and the kill line are enough.
  private static final int MAX_RAW_LINES = 200;

  private static final Pattern GFP_MASK = Pattern.compile("gfp_mask=([^,\\s]+)");
  private static final Pattern ORDER = Pattern.compile("order=(-?\\d+)");
  private static final Pattern NODEMASK = Pattern.compile("nodemask=(.*?),\\s+order=");
  private static final Pattern CPUSET =
      Pattern.compile("^(.+?) cpuset=(\\S*) mems_allowed=(\\S*)$");
  private static final Pattern TASK_IN =
      Pattern.compile("^Task in (\\S+) killed as a result of limit of (\\S+)$");
  private static final Pattern MEMCG_USAGE =
      Pattern.compile("^memory: usage (\\d+)kB, limit (\\d+)kB, failcnt \\d+$");

  private final KernelLogLine start;
  private String invoker;
  private String gfpMask;
  private Integer order;
  private String nodemask;
  private String cpuset;
  private String memsAllowed;
  private OomSummaryLine summary;
  private String taskInMemcg;
  private String limitMemcg;
  private boolean selectionSaysMemcg;
  private Long memcgUsageKb;
  private Long memcgLimitKb;
  private MemInfoLines memInfo;
  private OomTaskTable table;
  private final List<OomTask> tasks = new ArrayList<>();
  private final List<String> rawLines = new ArrayList<>();
  private final Set<Integer> killedPids = new HashSet<>();

  private OomReport(KernelLogLine start) {
    this.start = start;
  }

  /** A report opened by {@code X invoked oom-killer: gfp_mask=.., order=.., oom_score_adj=..}. */
  static OomReport invokedBy(KernelLogLine line, String invoker, String parameters) {
    OomReport report = new OomReport(line);
    report.invoker = invoker;
    report.gfpMask = group(GFP_MASK, parameters);
    String order = group(ORDER, parameters);
    report.order = order == null ? null : Integer.valueOf(order);
    // 4.8 to 4.19 print the allocation's nodemask here; 5.x moved it to the oom-kill: line.
    report.nodemask = group(NODEMASK, parameters);
    report.keep(line);
    return report;
  }

  /** A report whose header the excerpt lost: only what follows is known. */
  static OomReport headless(KernelLogLine line) {
    return new OomReport(line);
  }

  boolean isStaleAt(KernelLogLine line) {
    if (start.uptimeSeconds() != null && line.uptimeSeconds() != null) {
      return Math.abs(line.uptimeSeconds() - start.uptimeSeconds()) > MAX_REPORT_SECONDS;
    }
    if (start.wallClockMs() != null && line.wallClockMs() != null) {
      return Math.abs(line.wallClockMs() - start.wallClockMs()) > MAX_REPORT_SECONDS * 1000;
    }
    return false;
  }

  /** Takes a line of the report body; returns whether it was one of the lines a report prints. */
  boolean absorb(KernelLogLine line, String text) {
    if (memInfo != null && memInfo.isReading() && memInfo.offer(text)) {
      return keep(line);
    }
    if (table != null) {
      OomTask task = table.row(text);
      if (task != null) {
        tasks.add(task);
        return keep(line);
      }
    }
    OomTaskTable header = OomTaskTable.fromHeader(text);
    if (header != null) {
      table = header;
      return keep(line);
    }
    if (text.equals("Mem-Info:")) {
      memInfo = new MemInfoLines();
      return keep(line);
    }
    OomSummaryLine summaryLine = OomSummaryLine.parse(text);
    if (summaryLine != null) {
      summary = summaryLine;
      return keep(line);
    }
    Boolean selection = KillLine.selectionSaysMemcg(text);
    if (selection != null) {
      selectionSaysMemcg |= selection;
      return keep(line);
    }
    Matcher m;
    if ((m = TASK_IN.matcher(text)).matches()) {
      taskInMemcg = m.group(1);
      limitMemcg = m.group(2);
      return keep(line);
    }
    if ((m = MEMCG_USAGE.matcher(text)).matches()) {
      memcgUsageKb = Long.valueOf(m.group(1));
      memcgLimitKb = Long.valueOf(m.group(2));
      return keep(line);
    }
    if ((m = CPUSET.matcher(text)).matches() && invoker != null && m.group(1).equals(invoker)) {
      cpuset = m.group(2);
      memsAllowed = m.group(3);
      return keep(line);
    }
    keep(line);
    return false;
  }

  boolean hasKilled() {
    return !killedPids.isEmpty();
  }

  /** The kill a kill line reports, or null when this report already reported that process. */
  OomKill kill(KillLine kill, KernelLogLine line) {
    if (rawLines.size() >= MAX_RAW_LINES) {
      rawLines.add(line.rawLine());
    }
    keep(line);
    boolean firstKill = killedPids.isEmpty();
    if (!killedPids.add(kill.pid())) {
      return null;
    }
    OomTask row = taskRow(kill.pid());
    boolean summaryIsVictim = summary != null && Integer.valueOf(kill.pid()).equals(summary.pid());
    Integer uid = kill.uid();
    if (uid == null && summaryIsVictim) {
      uid = summary.uid();
    }
    if (uid == null && row != null) {
      uid = row.uid();
    }
    Long pgtablesKb = kill.pgtablesKb();
    if (pgtablesKb == null && row != null && row.pgtablesBytes() != null) {
      pgtablesKb = row.pgtablesBytes() / 1024;
    }
    Integer adj =
        kill.oomScoreAdj() != null ? kill.oomScoreAdj() : row == null ? null : row.oomScoreAdj();
    String taskMemcg = summaryIsVictim ? summary.taskMemcg() : firstKill ? taskInMemcg : null;
    return new OomKill(
        line.printedTimestamp(),
        line.wallClockMs(),
        line.uptimeSeconds(),
        line.sequence(),
        kill.pid(),
        kill.process(),
        kill.totalVmKb(),
        kill.anonRssKb(),
        kill.fileRssKb(),
        kill.shmemRssKb(),
        pgtablesKb,
        adj,
        uid,
        constraint(kill),
        summary != null ? summary.oomMemcg() : limitMemcg,
        taskMemcg,
        invoker,
        gfpMask,
        order,
        summary != null && summary.nodemask() != null ? summary.nodemask() : nodemask,
        summary != null && summary.cpuset() != null ? summary.cpuset() : cpuset,
        summary != null && summary.memsAllowed() != null ? summary.memsAllowed() : memsAllowed,
        memcgUsageKb,
        memcgLimitKb,
        memInfo == null ? Map.of() : new LinkedHashMap<>(memInfo.pages()),
        tasks,
        rawLines);
  }

  private String constraint(KillLine kill) {
    if (summary != null && summary.constraint() != null) {
      return summary.constraint();
    }
    // Before 4.19 only a memcg OOM can be told apart: its wording, or the limit it names.
    boolean memcg = kill.saysMemcg() || selectionSaysMemcg || limitMemcg != null;
    return memcg ? OomKill.CONSTRAINT_MEMCG : null;
  }

  private OomTask taskRow(int pid) {
    for (OomTask task : tasks) {
      if (task.pid() == pid || (task.tgid() != null && task.tgid() == pid)) {
        return task;
      }
    }
    return null;
  }

  private boolean keep(KernelLogLine line) {
    if (rawLines.size() < MAX_RAW_LINES
        && (rawLines.isEmpty() || !rawLines.get(rawLines.size() - 1).equals(line.rawLine()))) {
      rawLines.add(line.rawLine());
    }
    return true;
  }

  private static String group(Pattern pattern, String text) {
    Matcher m = pattern.matcher(text);
    return m.find() ? m.group(1) : null;
  }
}
