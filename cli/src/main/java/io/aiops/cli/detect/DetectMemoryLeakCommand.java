package io.aiops.cli.detect;

import io.aiops.cli.UsageException;
import io.aiops.streams.topology.DetectionSettings;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code aiops detect memory-leak --input PATH}: the offline leak verdict of exported series. */
@Command(
    name = "memory-leak",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Judges exported memory series with the same detector as the stream processor.",
      "",
      "Input: a CSV file, or a directory of them, with header timestamp,rss_bytes and an optional"
          + " third column limit_bytes; timestamp in epoch seconds. At least 24 h of samples are"
          + " needed for a verdict.",
    },
    footer = {
      "",
      "Examples:",
      "  aiops detect memory-leak --input exports/ --format json",
      "  aiops detect memory-leak --input checkout-7f9c.csv",
      "",
      "Exit status: 0 when every file was analysed; 2 for bad usage, an unreadable path or a"
          + " malformed file (the other files are still analysed).",
    })
public final class DetectMemoryLeakCommand implements Callable<Integer> {
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
      description = "text (a report per file) or json (one JSON object per line).")
  String format;

  @Override
  public Integer call() {
    if (!format.equals("text") && !format.equals("json")) {
      throw new UsageException("--format must be text or json, was '" + format + "'");
    }
    List<Path> files = SeriesFiles.csvFiles(input);
    PrintWriter out = spec.commandLine().getOut();
    OfflineLeakAnalysis analysis = new OfflineLeakAnalysis(DetectionSettings.defaults());
    int malformed =
        SeriesFiles.analyseEach(
            files,
            MemorySeriesCsv::read,
            series -> {
              OfflineLeakAnalysis.Result result = analysis.analyze(series);
              out.println(
                  format.equals("json")
                      ? LeakReportJson.line(result)
                      : LeakReportText.report(result));
            },
            out,
            spec.commandLine().getErr());
    return malformed == 0 ? CommandLine.ExitCode.OK : CommandLine.ExitCode.USAGE;
  }
}
