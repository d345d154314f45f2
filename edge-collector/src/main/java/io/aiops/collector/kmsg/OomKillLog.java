package io.aiops.collector.kmsg;

import java.io.BufferedReader;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/** The OOM kills in a whole kernel log text (a file, stdin, a dump), in the order they happened. */
public final class OomKillLog {
  private OomKillLog() {}

  public static List<OomKill> parse(BufferedReader text, KernelClock clock) throws IOException {
    KernelLogReader reader = new KernelLogReader(clock);
    OomKillParser parser = new OomKillParser();
    List<OomKill> kills = new ArrayList<>();
    String raw;
    while ((raw = text.readLine()) != null) {
      for (KernelLogLine line : reader.read(raw)) {
        kills.addAll(parser.accept(line));
      }
    }
    return kills;
  }

  public static List<OomKill> parse(List<KernelLogLine> lines) {
    OomKillParser parser = new OomKillParser();
    List<OomKill> kills = new ArrayList<>();
    for (KernelLogLine line : lines) {
      kills.addAll(parser.accept(line));
    }
    return kills;
  }
}
