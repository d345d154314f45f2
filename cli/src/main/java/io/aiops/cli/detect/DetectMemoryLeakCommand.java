package io.aiops.cli.detect;

import io.aiops.cli.UsageException;
import io.aiops.cli.options.DurationConverter;
import io.aiops.cli.render.DurationText;
import io.aiops.collector.host.HostPaths;
import io.aiops.streams.topology.DetectionSettings;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code aiops detect memory-leak --input PATH | --pid P}: the leak verdict of exported series, or
 * of a live process watched for a while.
 */
@Command(
    name = "memory-leak",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Judges exported memory series, or a live process, with the same detector as the stream"
          + " processor.",
      "",
      "Input: a CSV file, or a directory of them, with header timestamp,rss_bytes and an optional"
          + " third column limit_bytes; timestamp in epoch seconds. At least 24 h of samples are"
          + " needed for a verdict.",
      "",
      "--pid P watches process P instead: its RSS every --interval for --history (a progress"
          + " line on a terminal's stderr), then the same report, with input pid:P. The limit is"
          + " the process's cgroup limit, else RSS plus MemAvailable. If the process exits, what"
          + " was gathered is judged and stderr says so.",
      "",
      "--engine streams replays every series through an embedded Kafka broker and the stream"
          + " processor's topology (a few seconds more) and prints the same answers.",
    },
    footer = {
      "",
      "Examples:",
      "  aiops detect memory-leak --input exports/ --format json",
      "  aiops detect memory-leak --input checkout-7f9c.csv",
      "  aiops detect memory-leak --pid 4242 --history 24h --interval 30s --format json",
      "  aiops detect memory-leak --input exports/ --format json --engine streams",
      "",
      "Exit status: 0 when every series was analysed; 2 for bad usage, an unreadable path, a"
          + " malformed file (the other files are still analysed) or no such process.",
    })
public final class DetectMemoryLeakCommand implements Callable<Integer> {
  private static final Duration SHORTEST_INTERVAL = Duration.ofSeconds(1);

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Mixin DetectOptions options;

  @Option(
      names = "--pid",
      paramLabel = "P",
      description = "Watch this live process instead of reading --input.")
  Integer pid;

  @Option(
      names = "--history",
      paramLabel = "D",
      defaultValue = "24h",
      converter = DurationConverter.class,
      description = "With --pid: how long to watch (default: ${DEFAULT-VALUE}).")
  Duration history;

  @Option(
      names = "--interval",
      paramLabel = "D",
      defaultValue = "30s",
      converter = DurationConverter.class,
      description = "With --pid: time between two samples, 1s or more (default: ${DEFAULT-VALUE}).")
  Duration interval;

  @Override
  public Integer call() throws InterruptedException {
    if ((options.input == null) == (pid == null)) {
      throw new UsageException("give either --input PATH or --pid P");
    }
    DetectOptions.Engine engine = options.validate();
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    if (pid != null) {
      return watch(engine, out, err);
    }
    List<Path> files = SeriesFiles.csvFiles(options.input);
    int unjudged;
    try (DetectionEngine running = options.start(engine, DetectionSettings.defaults())) {
      unjudged =
          SeriesFiles.judgeEach(
              files, MemorySeriesCsv::read, running, judged -> print(judged, out), out, err);
    }
    return unjudged == 0 ? CommandLine.ExitCode.OK : CommandLine.ExitCode.USAGE;
  }

  private int watch(DetectOptions.Engine engine, PrintWriter out, PrintWriter err)
      throws InterruptedException {
    if (interval.compareTo(SHORTEST_INTERVAL) < 0) {
      throw new UsageException("--interval must be at least 1s, was " + interval.toMillis() + "ms");
    }
    if (history.compareTo(interval) < 0) {
      throw new UsageException("--history must be at least the --interval");
    }
    WatchProgress progress = WatchProgress.onTerminal(err);
    ProcessWatch.Watched watched =
        new ProcessWatch(HostPaths.live()).watch(pid, history, interval, progress::show);
    progress.end();
    if (watched.series().size() == 0) {
      err.println("aiops: pid " + pid + " exited before its first sample; nothing to judge");
      return CommandLine.ExitCode.SOFTWARE;
    }
    if (watched.exited()) {
      err.println(
          "aiops: pid "
              + pid
              + " exited after "
              + DurationText.format(watched.watched())
              + "; judging the "
              + watched.series().size()
              + (watched.series().size() == 1 ? " sample" : " samples")
              + " gathered");
      err.flush();
    }
    try (DetectionEngine running = options.start(engine, DetectionSettings.defaults())) {
      print(running.judge(List.of(watched.series())).get(0), out);
    }
    out.flush();
    return CommandLine.ExitCode.OK;
  }

  private void print(JudgedSeries judged, PrintWriter out) {
    out.println(options.json() ? LeakReportJson.line(judged) : LeakReportText.report(judged));
  }
}
