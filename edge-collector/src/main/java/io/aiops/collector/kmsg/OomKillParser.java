package io.aiops.collector.kmsg;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the OOM kills in a kernel log, line by line and in order, so a follower and a whole file
 * read the same way. A kill is reported once, at its kill line ({@code Killed process ...}), with
 * what the report before it said; the oom-kill: summary and the oom_reaper line that mention the
 * same process add nothing new. A report whose kill line is missing reports nothing, and lines that
 * merely look alike (a Java OutOfMemoryError, {@code out_of_memory+0x..} in a call trace, memcg
 * usage figures, oom_reaper alone) report nothing either.
 */
public final class OomKillParser {
  private static final Pattern INVOKED = Pattern.compile("^(.+?) invoked oom-killer: (.*)$");

  private OomReport report;

  /** The kills this line completes: usually none, one at a kill line. */
  public List<OomKill> accept(KernelLogLine line) {
    String text = line.message().strip();
    Matcher invoked = INVOKED.matcher(text);
    if (invoked.matches()) {
      report = OomReport.invokedBy(line, invoked.group(1), invoked.group(2));
      return List.of();
    }
    if (report != null && report.isStaleAt(line)) {
      report = null;
    }
    KillLine killLine = KillLine.parse(text);
    if (killLine != null) {
      if (report == null) {
        report = OomReport.headless(line);
      }
      OomKill kill = report.kill(killLine, line);
      return kill == null ? List.of() : List.of(kill);
    }
    if (report == null || report.hasKilled()) {
      // An excerpt may start after a header it lost: a line only a report prints opens one.
      OomReport headless = OomReport.headless(line);
      if (headless.absorb(line, text)) {
        report = headless;
        return List.of();
      }
    }
    if (report != null) {
      report.absorb(line, text);
    }
    return List.of();
  }
}
