package io.aiops.cli.detect;

import io.aiops.cli.UsageException;
import io.aiops.detection.anomaly.PointScore;
import io.aiops.streams.topology.DetectionSettings;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code aiops detect anomalies --input PATH}: streaming anomaly scoring of exported series. */
@Command(
    name = "anomalies",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Scores every point of exported series, in time order and from the past alone, as the"
          + " stream processor does: spikes and dips the daily pattern does not explain (online"
          + " STL), level shifts and the onset of growth (CUSUM).",
      "",
      "Input: a CSV file, or a directory of them, with header timestamp,value (or a memory"
          + " export's timestamp,rss_bytes[,limit_bytes]); timestamp in epoch seconds (or"
          + " milliseconds, or ISO-8601 with a zone); an empty or NaN value is a gap. The daily"
          + " pattern is learnt over the first 4 days; before that points are judged against the"
          + " recent level and the first day's profile.",
      "",
      "--engine streams replays every file through an embedded Kafka broker and the stream"
          + " processor's topology and prints the same answers; it takes whole-number values only"
          + " (a sample's rss_bytes).",
    },
    footer = {
      "",
      "Examples:",
      "  aiops detect anomalies --input exports/ --format json",
      "  aiops detect anomalies --input checkout-7f9c.csv --min-score 0.75",
      "  aiops detect anomalies --input exports/ --format json --engine streams",
      "",
      "Exit status: 0 when every file was scored; 2 for bad usage, an unreadable path or a"
          + " malformed file (the other files are still scored).",
    })
public final class DetectAnomaliesCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Mixin DetectOptions options;

  @Option(
      names = "--min-score",
      paramLabel = "S",
      defaultValue = "" + PointScore.ANOMALOUS,
      description = "Report points scoring at least S, in (0, 1]; default ${DEFAULT-VALUE}.")
  double minScore;

  @Override
  public Integer call() {
    DetectOptions.Engine engine = options.validateWithInput();
    if (!(minScore > 0 && minScore <= 1)) {
      throw new UsageException("--min-score must be in (0, 1], was " + minScore);
    }
    List<Path> files = SeriesFiles.csvFiles(options.input);
    PrintWriter out = spec.commandLine().getOut();
    DetectionSettings settings = DetectionSettings.defaults().withMinAnomalyScore(minScore);
    int unjudged;
    try (DetectionEngine running = options.start(engine, settings)) {
      unjudged =
          SeriesFiles.judgeEach(
              files,
              MemorySeriesCsv::readValues,
              running,
              judged -> print(judged, out),
              out,
              spec.commandLine().getErr());
    }
    return unjudged == 0 ? CommandLine.ExitCode.OK : CommandLine.ExitCode.USAGE;
  }

  private void print(JudgedSeries judged, PrintWriter out) {
    if (options.json()) {
      for (PointScore point : judged.anomalies()) {
        out.println(AnomalyReportJson.line(judged.series().name(), point));
      }
    } else {
      out.println(AnomalyReportText.report(judged));
    }
  }
}
