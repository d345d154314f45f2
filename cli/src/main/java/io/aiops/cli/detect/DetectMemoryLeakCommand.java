package io.aiops.cli.detect;

import io.aiops.cli.UsageException;
import io.aiops.cli.options.DurationConverter;
import io.aiops.cli.render.DurationText;
import io.aiops.collector.host.HostIdentity;
import io.aiops.collector.host.HostPaths;
import io.aiops.collector.procfs.ProcessReading;
import io.aiops.detection.series.SeriesDetectorSettings;
import io.aiops.streams.topology.DetectionSettings;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
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
          + " third column limit_bytes; timestamp in epoch seconds (milliseconds and ISO-8601"
          + " with a zone are read too; rows may come in any order; an empty or NaN value is a"
          + " gap). At least 24 h of samples are needed for a verdict.",
      "",
      "--pid P judges live process P of this machine instead, with input pid:P in the same"
          + " report. It first asks the query store (--query-url; aiops up serves one) for the"
          + " process's trend points over the last --history: the series of exactly this process"
          + " (this host's id, its boot, pid and start time, so an earlier process with the same"
          + " pid is not mixed in). If the store covers --history, the verdict comes at once from"
          + " it, and stderr says so. If the store cannot be reached within 1 s or holds less, one"
          + " line on stderr says so and the process is watched live: its RSS every --interval"
          + " for --history (a progress line on a terminal's stderr). A --history of a day or"
          + " more is read or watched 30 minutes longer: the detector measures history between the"
          + " middles of its first and last 30-minute bucket. The limit is the process's cgroup"
          + " limit, else RSS plus MemAvailable. If the process exits during the watch, what was"
          + " gathered is judged and stderr says so.",
      "",
      "--engine streams replays every series through an embedded Kafka broker and the stream"
          + " processor's topology (a few seconds more) and prints the same answers.",
    },
    footer = {
      "",
      "Examples:",
      "  aiops detect memory-leak --input exports/ --format json",
      "  aiops detect memory-leak --input checkout-7f9c.csv",
      "  aiops detect memory-leak --pid 4242 --history 24h --format json",
      "  aiops detect memory-leak --pid 4242 --query-url http://sinks-1:8080",
      "  aiops detect memory-leak --pid 4242 --history 2h --interval 10s --query-url none",
      "  aiops detect memory-leak --input exports/ --format json --engine streams",
      "",
      "Exit status: 0 when every series was analysed; 2 for bad usage, an unreadable path, a"
          + " malformed file (the other files are still analysed) or no such process.",
    })
public final class DetectMemoryLeakCommand implements Callable<Integer> {
  static final String DEFAULT_QUERY_URL = "http://localhost:8080";
  private static final Duration SHORTEST_INTERVAL = Duration.ofSeconds(1);

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Mixin DetectOptions options;

  @Option(
      names = "--pid",
      paramLabel = "P",
      description =
          "Judge this live process (its history in the query store, else watched) instead of"
              + " reading --input.")
  Integer pid;

  @Option(
      names = "--history",
      paramLabel = "D",
      defaultValue = "24h",
      converter = DurationConverter.class,
      description =
          "With --pid: how much history to judge: read from the query store, else watched"
              + " (default: ${DEFAULT-VALUE}).")
  Duration history;

  @Option(
      names = "--interval",
      paramLabel = "D",
      defaultValue = "30s",
      converter = DurationConverter.class,
      description =
          "With --pid, when watching live: time between two samples, 1s or more (default:"
              + " ${DEFAULT-VALUE}).")
  Duration interval;

  @Option(
      names = "--query-url",
      paramLabel = "URL",
      defaultValue = "${env:AIOPS_QUERY_URL:-" + DEFAULT_QUERY_URL + "}",
      description =
          "With --pid: the query API asked first for the process's history, where aiops up serves"
              + " it by default; none: do not ask, watch live (default: ${DEFAULT-VALUE}, or"
              + " $AIOPS_QUERY_URL).")
  String queryUrl;

  @Override
  public Integer call() throws InterruptedException {
    if ((options.input == null) == (pid == null)) {
      throw new UsageException("give either --input PATH or --pid P");
    }
    DetectOptions.Engine engine = options.validate();
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    if (pid != null) {
      return judgeProcess(engine, out, err);
    }
    List<Path> files = SeriesFiles.csvFiles(options.input);
    int unjudged;
    try (DetectionEngine running = options.start(engine, DetectionSettings.defaults())) {
      unjudged =
          SeriesFiles.judgeEach(
              files,
              MemorySeriesCsv::read,
              running,
              judged -> print(judged, HistorySource.EXPORT, out),
              out,
              err);
    }
    return unjudged == 0 ? CommandLine.ExitCode.OK : CommandLine.ExitCode.USAGE;
  }

  private int judgeProcess(DetectOptions.Engine engine, PrintWriter out, PrintWriter err)
      throws InterruptedException {
    if (interval.compareTo(SHORTEST_INTERVAL) < 0) {
      throw new UsageException("--interval must be at least 1s, was " + interval.toMillis() + "ms");
    }
    if (history.compareTo(interval) < 0) {
      throw new UsageException("--history must be at least the --interval");
    }
    boolean askStore = !queryUrl.equals("none");
    if (askStore && !queryUrl.matches("(?i)https?://\\S+")) {
      throw new UsageException(
          "--query-url must be an http:// URL or none, was '" + queryUrl + "'");
    }
    ProcessWatch processes = new ProcessWatch(HostPaths.live());
    ProcessReading process = processes.find(pid);
    Duration needed = toGather(history);
    Optional<MemorySeries> stored =
        askStore
            ? new StoredProcessHistory(queryUrl, HostIdentity.read(HostPaths.live()))
                .lookUp(process, history, needed, System.currentTimeMillis(), err)
            : Optional.empty();
    if (stored.isPresent()) {
      return judge(engine, stored.get(), HistorySource.QUERY_STORE, out);
    }
    WatchProgress progress = WatchProgress.onTerminal(err);
    ProcessWatch.Watched watched = processes.watch(process, needed, interval, progress::show);
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
    return judge(engine, watched.series(), HistorySource.LIVE_WATCH, out);
  }

  /**
   * How much to gather for a verdict on {@code history}: the detector measures a history between
   * the middles of its first and last 30-minute bucket, which falls up to one bucket short of the
   * samples' span, so a history long enough for a verdict (a day) is gathered one bucket longer.
   */
  static Duration toGather(Duration history) {
    SeriesDetectorSettings detector = DetectionSettings.defaults().detector();
    return history.compareTo(detector.leak().minHistory()) >= 0
        ? history.plus(detector.historyBucket())
        : history;
  }

  private int judge(
      DetectOptions.Engine engine, MemorySeries series, HistorySource source, PrintWriter out) {
    try (DetectionEngine running = options.start(engine, DetectionSettings.defaults())) {
      print(running.judge(List.of(series)).get(0), source, out);
    }
    out.flush();
    return CommandLine.ExitCode.OK;
  }

  private void print(JudgedSeries judged, HistorySource source, PrintWriter out) {
    out.println(
        options.json() ? LeakReportJson.line(judged) : LeakReportText.report(judged, source));
  }
}
