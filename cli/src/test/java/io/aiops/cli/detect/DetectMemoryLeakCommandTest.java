package io.aiops.cli.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.aiops.cli.AiopsCommand;
import io.aiops.cli.CapturedConsole;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

@ExtendWith(CapturedConsole.class)
class DetectMemoryLeakCommandTest {
  private static final long START_SEC = 1_767_225_600L;
  private static final double MB = 1e6;

  @TempDir Path dir;

  /** 36 h at 60 s steps: a daily swing of ±swing around base, plus growth after the onset. */
  private Path series(String name, double base, double swing, double growthPerHour, boolean limit)
      throws IOException {
    Random noise = new Random(name.hashCode());
    StringBuilder csv =
        new StringBuilder(limit ? "timestamp,rss_bytes,limit_bytes\n" : "timestamp,rss_bytes\n");
    for (int s = 0; s < 36 * 3600; s += 60) {
      double hours = s / 3600.0;
      double rss =
          base * (1 + swing * Math.sin(2 * Math.PI * hours / 24))
              + Math.max(0, hours - 5) * growthPerHour
              + noise.nextGaussian() * 5 * MB;
      csv.append(START_SEC + s).append(',').append((long) rss);
      csv.append(limit ? ",4294967296\n" : "\n");
    }
    Path file = dir.resolve(name);
    Files.writeString(file, csv);
    return file;
  }

  private static List<JsonNode> jsonLines(CapturedConsole console) throws IOException {
    List<JsonNode> lines = new ArrayList<>();
    for (String line : console.stdout().split("\n")) {
      if (!line.isBlank()) {
        lines.add(new ObjectMapper().readTree(line));
      }
    }
    return lines;
  }

  @Test
  void printsOneJsonLinePerCsvWithTheContractFields(CapturedConsole console) throws IOException {
    series("a-leaky.csv", 1000 * MB, 0.08, 20 * MB, true);
    series("b-stable.csv", 800 * MB, 0.12, 0, false);

    assertEquals(
        0,
        AiopsCommand.run("detect", "memory-leak", "--input", dir.toString(), "--format", "json"));

    List<JsonNode> lines = jsonLines(console);
    assertEquals(2, lines.size());
    JsonNode leaky = lines.get(0);
    assertEquals("a-leaky.csv", leaky.get("input").asText());
    assertTrue(leaky.get("leak").asBoolean());
    assertEquals("linear_leak", leaky.get("classification").asText());
    double confidence = leaky.get("confidence").asDouble();
    assertTrue(confidence > 0.5 && confidence <= 1, "confidence " + confidence);
    double rate = leaky.get("growth_bytes_per_hour").asDouble();
    assertEquals(20 * MB, rate, 2 * MB);
    assertTrue(leaky.get("oom_eta_seconds").isNumber(), "a 4 GiB limit is in sight");
    long onset = leaky.get("onset_timestamp").asLong();
    assertEquals(START_SEC + 5 * 3600, onset, 3600);

    JsonNode stable = lines.get(1);
    assertEquals("b-stable.csv", stable.get("input").asText());
    assertFalse(stable.get("leak").asBoolean());
    assertTrue(stable.get("oom_eta_seconds").isNull());
    assertTrue(stable.get("onset_timestamp").isNull());
  }

  @Test
  void malformedFileGetsOneErrorLineWhileTheOthersAreStillAnalysed(CapturedConsole console)
      throws IOException {
    series("good.csv", 1000 * MB, 0.05, 0, false);
    Files.writeString(
        dir.resolve("bad.csv"), "timestamp,rss_bytes\n1767225600,100\n1767225660,abc\n");

    int status =
        AiopsCommand.run("detect", "memory-leak", "--input", dir.toString(), "--format", "json");

    assertEquals(2, status);
    assertEquals(1, jsonLines(console).size(), "good.csv still analysed");
    String errors = console.stderr().trim();
    assertEquals(1, errors.lines().count(), errors);
    assertTrue(errors.contains("bad.csv:3") && errors.contains("'abc'"), errors);
  }

  @Test
  void rejectsAWrongHeaderAndAMissingPathWithExitTwo(CapturedConsole console) throws IOException {
    Files.writeString(dir.resolve("header.csv"), "time,rss\n1,2\n");
    assertEquals(
        2,
        AiopsCommand.run("detect", "memory-leak", "--input", dir.resolve("header.csv").toString()));
    assertTrue(console.stderr().contains("header must be"));
    assertEquals(
        2, AiopsCommand.run("detect", "memory-leak", "--input", dir.resolve("missing").toString()));
    assertTrue(console.stderr().contains("no such file or directory"));
  }

  @Test
  void shortSeriesGetsNoVerdictAndSaysWhatIsNeeded(CapturedConsole console) throws IOException {
    StringBuilder csv = new StringBuilder("timestamp,rss_bytes\n");
    for (int s = 0; s < 6 * 3600; s += 60) {
      csv.append(START_SEC + s).append(',').append(100_000_000L + s * 1000L).append('\n');
    }
    Files.writeString(dir.resolve("short.csv"), csv);
    assertEquals(
        0,
        AiopsCommand.run("detect", "memory-leak", "--input", dir.resolve("short.csv").toString()));
    String report = console.stdout();
    assertTrue(report.contains("insufficient_history"), report);
    assertTrue(report.contains("at least 24 h"), report);
  }

  @Test
  void saysTheTrendIsNotMeasuredBeforeTheFirstBucketCloses(CapturedConsole console)
      throws IOException {
    StringBuilder csv = new StringBuilder("timestamp,rss_bytes\n");
    for (int s = 0; s < 600; s += 60) {
      csv.append(START_SEC + s).append(',').append(50_000_000L).append('\n');
    }
    Files.writeString(dir.resolve("ten-minutes.csv"), csv);

    AiopsCommand.run("detect", "memory-leak", "--input", dir.resolve("ten-minutes.csv").toString());

    String report = console.stdout();
    assertTrue(report.contains("not measured yet"), report);
    assertFalse(report.contains("0 B now"), report);
  }
}
