package io.aiops.cli.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.aiops.cli.AiopsCommand;
import io.aiops.cli.CapturedConsole;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.function.DoubleUnaryOperator;

/**
 * A directory of exported series as a person would bring them to {@code aiops detect}: a leak under
 * a limit, a stable seasonal process, a warm-up, a series with spikes and a level shift at 5-minute
 * steps over six days, and a malformed file. Values are whole bytes, as exports are.
 */
final class ExportedSeries {
  static final long START_SEC = 1_767_225_600L; // 2026-01-01T00:00:00Z
  private static final double MB = 1e6;

  private ExportedSeries() {}

  static Path writeTo(Path dir) throws IOException {
    Random noise = new Random(20261122);
    write(
        dir.resolve("a-leak.csv"),
        2.5,
        60,
        4L << 30,
        h -> 1000 * MB * (1 + 0.1 * daily(h)) + Math.max(0, h - 4) * 15 * MB,
        noise,
        4 * MB);
    write(
        dir.resolve("b-stable.csv"),
        2.5,
        60,
        -1,
        h -> 800 * MB * (1 + 0.12 * daily(h)),
        noise,
        4 * MB);
    write(
        dir.resolve("c-warm-up.csv"),
        2.5,
        60,
        -1,
        h -> 500 * MB + 600 * MB * (1 - Math.exp(-h / 5)),
        noise,
        3 * MB);
    write(
        dir.resolve("d-spikes.csv"),
        6,
        300,
        -1,
        h ->
            700 * MB * (1 + 0.1 * daily(h))
                + (Math.floorMod((long) (h * 12), 397) == 0 ? 300 * MB : 0)
                + (h > 125 ? 200 * MB : 0),
        noise,
        2 * MB);
    Files.writeString(dir.resolve("e-malformed.csv"), "timestamp,rss_bytes\n1767225600,12\nx,13\n");
    return dir;
  }

  /** Runs {@code aiops args} and returns its exit status with what it printed. */
  record Run(int exitStatus, String stdout, String stderr) {
    /**
     * The command's own lines on stderr; the test logging shows the broker's warnings there too.
     */
    List<String> commandLines() {
      return stderr.lines().filter(line -> line.startsWith("aiops: ")).toList();
    }
  }

  static Run run(CapturedConsole console, String... args) {
    int before = console.stdout().length();
    int beforeErr = console.stderr().length();
    int status = AiopsCommand.run(args);
    return new Run(
        status, console.stdout().substring(before), console.stderr().substring(beforeErr));
  }

  /**
   * Runs {@code aiops detect COMMAND --input INPUT --format json} with the offline engine and with
   * {@code --engine streams}, checks that both print the same stdout, the same command lines on
   * stderr and the same exit status, and returns the offline run.
   */
  static Run offlineEqualsStreams(CapturedConsole console, String command, String input) {
    Run offline = run(console, "detect", command, "--input", input, "--format", "json");
    Run streams =
        run(
            console,
            "detect",
            command,
            "--input",
            input,
            "--format",
            "json",
            "--engine",
            "streams");
    assertEquals(offline.stdout(), streams.stdout());
    assertEquals(
        offline.commandLines(), streams.commandLines(), "the same one line for the malformed file");
    assertEquals(offline.exitStatus(), streams.exitStatus());
    return offline;
  }

  private static double daily(double hours) {
    return Math.sin(2 * Math.PI * hours / 24);
  }

  private static void write(
      Path file,
      double days,
      int stepSec,
      long limitBytes,
      DoubleUnaryOperator bytesAtHour,
      Random noise,
      double noiseBytes)
      throws IOException {
    StringBuilder csv =
        new StringBuilder(
            limitBytes > 0 ? "timestamp,rss_bytes,limit_bytes\n" : "timestamp,rss_bytes\n");
    for (long s = 0; s < days * 86_400; s += stepSec) {
      long bytes =
          Math.round(bytesAtHour.applyAsDouble(s / 3600.0) + noise.nextGaussian() * noiseBytes);
      csv.append(START_SEC + s).append(',').append(bytes);
      csv.append(limitBytes > 0 ? "," + limitBytes + "\n" : "\n");
    }
    Files.writeString(file, csv);
  }
}
