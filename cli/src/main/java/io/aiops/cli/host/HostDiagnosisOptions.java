package io.aiops.cli.host;

import io.aiops.cli.UsageException;
import io.aiops.cli.options.DurationConverter;
import io.aiops.detection.host.CounterRates;
import java.nio.file.Path;
import java.time.Duration;
import picocli.CommandLine.Option;

/**
 * The options every host diagnosis command shares ({@code health memory}, {@code analyze swap},
 * {@code analyze cache}): output format, sampling interval and the /proc tree to read.
 */
public final class HostDiagnosisOptions {
  /** Exit status of a command that ran and found something wrong (0: nothing; 2: bad usage). */
  public static final int EXIT_FINDING = 1;

  /** Long enough for a few PSI updates (every 2 s) and to smooth a burst, short enough at 3 a.m. */
  static final Duration DEFAULT_INTERVAL = Duration.ofSeconds(3);

  private static final Duration MIN_INTERVAL = Duration.ofMillis(100);

  @Option(
      names = "--format",
      paramLabel = "FMT",
      defaultValue = "text",
      description =
          "text (a report, the default; colour on a terminal) or json (one JSON object on one"
              + " line).")
  String format;

  @Option(
      names = "--interval",
      paramLabel = "DURATION",
      converter = DurationConverter.class,
      description =
          "Time between the two readings rates come from (500ms, 3s, 1m; default 3s, at most"
              + " 5m). With --proc-root: the time between the tree's vmstat.earlier and vmstat.")
  Duration interval;

  @Option(
      names = "--proc-root",
      paramLabel = "DIR",
      description =
          "Read DIR instead of /proc. A mounted procfs (the host's /proc as /host/proc in a"
              + " container) is sampled live; any other directory is a recorded tree (files as"
              + " the kernel prints them: meminfo, vmstat, pressure/memory, buddyinfo, slabinfo,"
              + " sys/vm/*, <pid>/status and stat), whose rates need a second vmstat reading in"
              + " DIR/vmstat.earlier and --interval; without it they are reported as unavailable.")
  Path procRoot;

  /** Checks the values picocli could not; a bad one is a {@link UsageException}. */
  public void validate() {
    if (!format.equals("text") && !format.equals("json")) {
      throw new UsageException("--format must be text or json, was '" + format + "'");
    }
    if (interval != null
        && (interval.compareTo(MIN_INTERVAL) < 0
            || interval.compareTo(CounterRates.DEFAULT_MAX_INTERVAL) > 0)) {
      throw new UsageException(
          "--interval must be between 100ms and 5m (a longer average hides a storm), was "
              + interval.toMillis()
              + " ms");
    }
  }

  public boolean json() {
    return format.equals("json");
  }

  /** The interval given, else the default. */
  public Duration interval() {
    return interval == null ? DEFAULT_INTERVAL : interval;
  }

  boolean intervalGiven() {
    return interval != null;
  }

  /** The tree to read: this host's /proc, or the one given. */
  public ProcTree tree() {
    return procRoot == null ? ProcTree.live() : ProcTree.at(procRoot);
  }
}
