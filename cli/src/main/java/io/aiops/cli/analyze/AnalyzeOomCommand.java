package io.aiops.cli.analyze;

import io.aiops.cli.UsageException;
import io.aiops.collector.kmsg.FirstReadableKernelLog;
import io.aiops.collector.kmsg.KernelClock;
import io.aiops.collector.kmsg.KernelLogLine;
import io.aiops.collector.kmsg.KernelLogSources;
import io.aiops.collector.kmsg.KernelLogUnavailableException;
import io.aiops.collector.kmsg.OomKill;
import io.aiops.collector.kmsg.OomKillLog;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code aiops analyze oom}: every kernel OOM kill in a kernel log, one report or JSON line each.
 */
@Command(
    name = "oom",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Finds the kernel's OOM kills in a kernel log and explains each: when, which process, how"
          + " big, which limit was hit, who invoked the killer, the largest tasks, what to do.",
      "",
      "Reads dmesg (plain, -T, --time-format iso, -r, -x), journalctl -k (default or -o"
          + " short-iso), /var/log/messages, syslog and kern.log (classic or RFC 3339), raw"
          + " /dev/kmsg records and lines without a prefix. A kill is reported once however many"
          + " lines mention it.",
    },
    footer = {
      "",
      "Examples:",
      "  aiops analyze oom                          # this host's kernel log (root or CAP_SYSLOG)",
      "  aiops analyze oom --input /var/log/messages --format json",
      "  journalctl -k -b -1 | aiops analyze oom --input - --last",
      "  aiops analyze oom --input dmesg.txt --boot-time \"$(uptime -s)\"",
      "",
      "Exit status: 0 when the log was read, with or without kills; 2 for bad usage, an"
          + " unreadable file, or a kernel log this user may not read.",
    })
public final class AnalyzeOomCommand implements Callable<Integer> {
  private static final DateTimeFormatter UPTIME_S =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(
      names = "--input",
      paramLabel = "FILE",
      description =
          "Kernel log text in any of the formats above; - for standard input. Without it, the"
              + " running kernel's log (/dev/kmsg, else dmesg, else journalctl -k).")
  String input;

  @Option(
      names = "--format",
      paramLabel = "FMT",
      defaultValue = "text",
      description = "text (a report per kill, the default) or json (one JSON object per line).")
  String format;

  @Option(names = "--last", description = "Only the most recent kill.")
  boolean last;

  @Option(
      names = "--boot-time",
      paramLabel = "TIME",
      description =
          "When the log's kernel booted (ISO 8601, or 'YYYY-MM-DD HH:MM:SS' local as uptime -s"
              + " prints it), to turn uptime stamps of a --input file into dates. The running"
              + " kernel's log does not need it.")
  String bootTime;

  @Override
  public Integer call() {
    if (!format.equals("text") && !format.equals("json")) {
      throw new UsageException("--format must be text or json, was '" + format + "'");
    }
    Instant boot = bootTime == null ? null : parseBootTime(bootTime);
    String source;
    List<OomKill> kills;
    if (input == null) {
      // Which log was read is the agent's news, not this report's: it names the source when it
      // finds no kill. Set before the class's logger exists, which reads it once.
      System.setProperty(
          "org.slf4j.simpleLogger.log." + FirstReadableKernelLog.class.getName(), "warn");
      FirstReadableKernelLog log = KernelLogSources.thisHost(false);
      kills = runningKernel(log);
      source = log.description();
    } else {
      KernelClock clock = new KernelClock(boot, ZoneId.systemDefault(), Instant.now());
      kills = input.equals("-") ? parse(System.in, clock) : parse(file(input), clock);
      source = input.equals("-") ? "standard input" : input;
    }
    if (last && !kills.isEmpty()) {
      kills = List.of(kills.get(kills.size() - 1));
    }
    print(kills, source);
    return CommandLine.ExitCode.OK;
  }

  private void print(List<OomKill> kills, String source) {
    PrintWriter out = spec.commandLine().getOut();
    if (kills.isEmpty()) {
      // JSON Lines stay parseable: the note goes to stderr there.
      PrintWriter note = format.equals("json") ? spec.commandLine().getErr() : out;
      note.println("no OOM kill found in " + source);
      note.flush();
      return;
    }
    for (int i = 0; i < kills.size(); i++) {
      OomKill kill = kills.get(i);
      out.println(
          format.equals("json")
              ? OomKillJson.line(kill)
              : OomKillReportText.report(kill, i + 1, kills.size()));
    }
    out.flush();
  }

  private static List<OomKill> runningKernel(FirstReadableKernelLog log) {
    List<KernelLogLine> lines = new ArrayList<>();
    try (log) {
      log.read(lines::add);
    } catch (KernelLogUnavailableException e) {
      throw new UsageException(e.getMessage());
    } catch (IOException e) {
      throw new UsageException(
          "cannot read the kernel log from " + log.description() + ": " + e.getMessage());
    }
    return OomKillLog.parse(lines);
  }

  private static Path file(String name) {
    Path path = Path.of(name);
    if (Files.isDirectory(path)) {
      throw new UsageException(name + ": is a directory, not a kernel log file");
    }
    return path;
  }

  private static List<OomKill> parse(Path path, KernelClock clock) {
    try (InputStream in = Files.newInputStream(path)) {
      return parse(in, clock);
    } catch (NoSuchFileException e) {
      throw new UsageException(path + ": no such file");
    } catch (IOException e) {
      throw new UsageException(path + ": cannot read: " + e.getMessage());
    }
  }

  private static List<OomKill> parse(InputStream in, KernelClock clock) {
    // Logs carry stray bytes (serial consoles, binary in messages): replace them, do not fail.
    var decoder =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPLACE)
            .onUnmappableCharacter(CodingErrorAction.REPLACE);
    try {
      return OomKillLog.parse(new BufferedReader(new InputStreamReader(in, decoder)), clock);
    } catch (IOException e) {
      throw new UsageException("cannot read the input: " + e.getMessage());
    }
  }

  private static Instant parseBootTime(String text) {
    try {
      return OffsetDateTime.parse(text).toInstant();
    } catch (DateTimeParseException notOffset) {
      try {
        return LocalDateTime.parse(text.trim(), UPTIME_S)
            .atZone(ZoneId.systemDefault())
            .toInstant();
      } catch (DateTimeParseException notLocal) {
        throw new UsageException(
            "--boot-time must be an ISO 8601 time (2025-11-03T08:00:00Z) or 'YYYY-MM-DD HH:MM:SS',"
                + " was '"
                + text
                + "'");
      }
    }
  }
}
