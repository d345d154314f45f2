package io.aiops.cli.detect;

import io.aiops.streams.topology.DetectionSettings;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code aiops detect memory-leak --input PATH}: the leak verdict of exported series. */
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
      "",
      "--engine streams replays every file through an embedded Kafka broker and the stream"
          + " processor's topology (a few seconds more) and prints the same answers.",
    },
    footer = {
      "",
      "Examples:",
      "  aiops detect memory-leak --input exports/ --format json",
      "  aiops detect memory-leak --input checkout-7f9c.csv",
      "  aiops detect memory-leak --input exports/ --format json --engine streams",
      "",
      "Exit status: 0 when every file was analysed; 2 for bad usage, an unreadable path or a"
          + " malformed file (the other files are still analysed).",
    })
public final class DetectMemoryLeakCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Mixin DetectOptions options;

  @Override
  public Integer call() {
    DetectOptions.Engine engine = options.validate();
    List<Path> files = SeriesFiles.csvFiles(options.input);
    PrintWriter out = spec.commandLine().getOut();
    int unjudged;
    try (DetectionEngine running = options.start(engine, DetectionSettings.defaults())) {
      unjudged =
          SeriesFiles.judgeEach(
              files,
              MemorySeriesCsv::read,
              running,
              judged ->
                  out.println(
                      options.json() ? LeakReportJson.line(judged) : LeakReportText.report(judged)),
              out,
              spec.commandLine().getErr());
    }
    return unjudged == 0 ? CommandLine.ExitCode.OK : CommandLine.ExitCode.USAGE;
  }
}
