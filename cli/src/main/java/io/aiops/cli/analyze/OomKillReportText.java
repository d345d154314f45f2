package io.aiops.cli.analyze;

import static io.aiops.cli.render.LabelledLines.line;

import io.aiops.collector.kmsg.OomKill;
import io.aiops.collector.kmsg.OomTask;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The report a person reads about one OOM kill: when, who, how big, which limit, what next. */
final class OomKillReportText {
  // Task tables and Mem-Info count pages; x86 and most fleets use 4 KiB pages.
  private static final long PAGE_KB = 4;
  private static final int LARGEST_TASKS = 5;
  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);

  private OomKillReportText() {}

  static String report(OomKill kill, int number, int count) {
    StringBuilder out = new StringBuilder();
    out.append(
        String.format(
            Locale.ROOT,
            "OOM kill %d of %d: %s (pid %d) %s%n",
            number,
            count,
            kill.process(),
            kill.pid(),
            kill.isMemcgOom() ? "hit its cgroup's memory limit" : "was killed by the kernel"));
    line(out, "when", when(kill));
    line(out, "victim", victim(kill));
    line(out, "memory", memory(kill));
    line(out, "constraint", constraint(kill));
    if (kill.taskMemcg() != null) {
      line(out, "victim cgroup", kill.taskMemcg());
    }
    if (kill.invoker() != null) {
      line(out, "invoked by", invoker(kill));
    }
    if (!kill.memInfoPages().isEmpty()) {
      line(out, "host memory", hostMemory(kill.memInfoPages()));
    }
    List<String> largest = largestTasks(kill.tasks());
    for (int i = 0; i < largest.size(); i++) {
      line(out, i == 0 ? "largest tasks" : "", largest.get(i));
    }
    List<String> next = OomAdvice.nextSteps(kill);
    for (int i = 0; i < next.size(); i++) {
      line(out, i == 0 ? "next" : "", "- " + next.get(i));
    }
    return out.toString();
  }

  private static String when(OomKill kill) {
    List<String> parts = new ArrayList<>();
    if (kill.timestampMs() != null) {
      parts.add(TIME.format(Instant.ofEpochMilli(kill.timestampMs())));
    }
    if (kill.timestamp() != null) {
      parts.add("logged as " + kill.timestamp());
    }
    if (kill.uptimeSeconds() != null) {
      parts.add(String.format(Locale.ROOT, "%.0f s after boot", kill.uptimeSeconds()));
    }
    return parts.isEmpty() ? "not in the log" : String.join(", ", parts);
  }

  private static String victim(OomKill kill) {
    StringBuilder text = new StringBuilder(kill.process() + ", pid " + kill.pid());
    if (kill.uid() != null) {
      text.append(", uid ").append(kill.uid());
    }
    if (kill.oomScoreAdj() != null) {
      text.append(", oom_score_adj ").append(kill.oomScoreAdj());
    }
    return text.toString();
  }

  private static String memory(OomKill kill) {
    List<String> parts = new ArrayList<>();
    add(parts, "anon", kill.anonRssKb());
    add(parts, "file", kill.fileRssKb());
    add(parts, "shmem", kill.shmemRssKb());
    add(parts, "virtual", kill.totalVmKb());
    add(parts, "page tables", kill.pgtablesKb());
    return parts.isEmpty() ? "not printed" : String.join(", ", parts);
  }

  private static String constraint(OomKill kill) {
    String name = kill.constraint() == null ? "not printed" : kill.constraint();
    if (kill.isMemcgOom()) {
      String limit =
          kill.memcgLimitKb() == null
              ? ""
              : " (usage " + mib(kill.memcgUsageKb()) + " of " + mib(kill.memcgLimitKb()) + ")";
      return name
          + ": the limit of "
          + (kill.memcg() == null ? "its memory cgroup" : kill.memcg())
          + " was hit"
          + limit;
    }
    if ("CONSTRAINT_CPUSET".equals(kill.constraint())
        || "CONSTRAINT_MEMORY_POLICY".equals(kill.constraint())) {
      return name + ": the memory nodes it may use (" + kill.memsAllowed() + ") ran out";
    }
    return name + ": the host ran out of memory (global OOM)";
  }

  private static String invoker(OomKill kill) {
    StringBuilder text = new StringBuilder(kill.invoker());
    if (kill.gfpMask() != null) {
      text.append(", gfp_mask ").append(kill.gfpMask());
    }
    if (kill.order() != null) {
      text.append(", order ").append(kill.order());
    }
    return text.toString();
  }

  private static String hostMemory(Map<String, Long> pages) {
    List<String> parts = new ArrayList<>();
    addPages(parts, "free", pages, "free");
    addPages(parts, "anon", pages, "active_anon", "inactive_anon");
    addPages(parts, "page cache", pages, "active_file", "inactive_file");
    addPages(parts, "shmem", pages, "shmem");
    addPages(parts, "slab", pages, "slab_reclaimable", "slab_unreclaimable");
    return String.join(", ", parts);
  }

  private static List<String> largestTasks(List<OomTask> tasks) {
    return tasks.stream()
        .filter(t -> t.rssPages() != null)
        .sorted(Comparator.comparingLong(OomTask::rssPages).reversed())
        .limit(LARGEST_TASKS)
        .map(
            t ->
                String.format(
                    Locale.ROOT,
                    "%-16s pid %-8d rss %s%s",
                    t.name(),
                    t.pid(),
                    mib(t.rssPages() * PAGE_KB),
                    t.oomScoreAdj() == null ? "" : ", oom_score_adj " + t.oomScoreAdj()))
        .toList();
  }

  private static void addPages(
      List<String> parts, String label, Map<String, Long> pages, String... keys) {
    long sum = 0;
    boolean any = false;
    for (String key : keys) {
      Long value = pages.get(key);
      if (value != null) {
        sum += value;
        any = true;
      }
    }
    if (any) {
      parts.add(label + " " + mib(sum * PAGE_KB));
    }
  }

  private static void add(List<String> parts, String label, Long kb) {
    if (kb != null) {
      parts.add(label + " " + mib(kb));
    }
  }

  static String mib(Long kb) {
    return kb == null ? "?" : String.format(Locale.ROOT, "%.1f MiB", kb / 1024.0);
  }
}
