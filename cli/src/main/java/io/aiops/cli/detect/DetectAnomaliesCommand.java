package io.aiops.cli.detect;

import io.aiops.cli.UsageException;
import io.aiops.detection.anomaly.PointScore;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
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
          + " export's timestamp,rss_bytes[,limit_bytes]); timestamp in epoch seconds. The daily"
          + " pattern is learnt over the first 4 days; before that points are judged against the"
          + " recent level and the first day's profile.",
    },
    footer = {
      "",
      "Examples:",
      "  aiops detect anomalies --input exports/ --format json",
      "  aiops detect anomalies --input checkout-7f9c.csv --min-score 0.75",
      "",
      "Exit status: 0 when every file was scored; 2 for bad usage, an unreadable path or a"
          + " malformed file (the other files are still scored).",
    })
public final class DetectAnomaliesCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(
      names = "--input",
      required = true,
      paramLabel = "PATH",
      description = "A CSV file or a directory of CSV files.")
  Path input;

  @Option(
      names = "--format",
      paramLabel = "FMT",
      defaultValue = "text",
      description =
          "text (a table and a summary per file) or json (one JSON object per anomalous point).")
  String format;

  @Option(
      names = "--min-score",
      paramLabel = "S",
      defaultValue = "" + PointScore.ANOMALOUS,
      description = "Report points scoring at least S, in (0, 1]; default ${DEFAULT-VALUE}.")
  double minScore;

  @Override
  public Integer call() {
    if (!format.equals("text") && !format.equals("json")) {
      throw new UsageException("--format must be text or json, was '" + format + "'");
    }
    if (!(minScore > 0 && minScore <= 1)) {
      throw new UsageException("--min-score must be in (0, 1], was " + minScore);
    }
    PrintWriter out = spec.commandLine().getOut();
    OfflineAnomalyScoring scoring = new OfflineAnomalyScoring(minScore);
    int malformed =
        SeriesFiles.analyseEach(
            SeriesFiles.csvFiles(input),
            MemorySeriesCsv::readValues,
            series -> print(scoring.score(series), out),
            out,
            spec.commandLine().getErr());
    return malformed == 0 ? CommandLine.ExitCode.OK : CommandLine.ExitCode.USAGE;
  }

  private void print(OfflineAnomalyScoring.Result result, PrintWriter out) {
    if (format.equals("json")) {
      for (PointScore point : result.reported()) {
        out.println(AnomalyReportJson.line(result.series().name(), point));
      }
    } else {
      out.println(AnomalyReportText.report(result));
    }
  }
}
