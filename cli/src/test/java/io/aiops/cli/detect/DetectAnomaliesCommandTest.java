package io.aiops.cli.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
class DetectAnomaliesCommandTest {
  private static final long START_SEC = 1_767_571_200L; // 2026-01-05T00:00:00Z, a Monday
  private static final long DAY_SEC = 86_400;
  private static final double MB = 1e6;
  // Online STL judges from day 4 and 16 points on; the anomalies come after that.
  private static final long SPIKE_SEC = START_SEC + 5 * DAY_SEC + 3 * 3600;
  private static final long SHIFT_SEC = START_SEC + 5 * DAY_SEC + 15 * 3600;

  @TempDir Path dir;

  /**
   * Six days of RSS every {@code stepSec}: 1 GB with a ±15 % daily swing and 4 MB of noise, and,
   * when {@code anomalies}, a +150 MB spike of one sample and a +120 MB lasting shift on day 6.
   */
  private Path series(String name, String header, long stepSec, boolean anomalies)
      throws IOException {
    Random noise = new Random(name.hashCode());
    StringBuilder csv = new StringBuilder(header).append('\n');
    for (long t = START_SEC; t < START_SEC + 6 * DAY_SEC; t += stepSec) {
      double hours = (t - START_SEC) / 3600.0;
      double rss = 1000 * MB * (1 + 0.15 * Math.sin(2 * Math.PI * hours / 24));
      rss += noise.nextGaussian() * 4 * MB;
      if (anomalies && t == SPIKE_SEC) {
        rss += 150 * MB;
      }
      if (anomalies && t >= SHIFT_SEC) {
        rss += 120 * MB;
      }
      csv.append(t).append(',').append(Math.round(rss));
      csv.append(header.endsWith("limit_bytes") ? ",4294967296\n" : "\n");
    }
    Path file = dir.resolve(name);
    Files.writeString(file, csv);
    return file;
  }

  private static List<JsonNode> jsonLines(String stdout) throws IOException {
    List<JsonNode> lines = new ArrayList<>();
    for (String line : stdout.split("\n")) {
      if (!line.isBlank()) {
        lines.add(new ObjectMapper().readTree(line));
      }
    }
    return lines;
  }

  @Test
  void printsOneJsonLinePerAnomalousPointWithTheContractFields(CapturedConsole console)
      throws IOException {
    series("a-values.csv", "timestamp,value", 300, true);
    series("b-clean.csv", "timestamp,value", 300, false);

    assertEquals(
        0, AiopsCommand.run("detect", "anomalies", "--input", dir.toString(), "--format", "json"));

    List<JsonNode> lines = jsonLines(console.stdout());
    assertTrue(
        lines.stream().allMatch(line -> line.get("input").asText().equals("a-values.csv")),
        "nothing anomalous in the clean series: " + lines);
    JsonNode spike = lines.get(0);
    assertEquals(SPIKE_SEC, spike.get("timestamp").asLong());
    assertEquals("spike", spike.get("kind").asText());
    double score = spike.get("score").asDouble();
    assertTrue(score >= 0.5 && score <= 1, "score " + score);
    assertEquals(
        150 * MB, spike.get("value").asDouble() - spike.get("expected").asDouble(), 15 * MB);
    assertTrue(spike.get("onset_timestamp").isNull());
    JsonNode shift = firstOfKind(lines, "level_shift");
    assertEquals(SHIFT_SEC, shift.get("onset_timestamp").asLong());
    assertTrue(shift.get("timestamp").asLong() <= SHIFT_SEC + 3 * 300, "confirmed within 3 points");
    // Before it is confirmed, the shift's first points are spikes; once absorbed, silence.
    assertTrue(
        lines.subList(1, lines.size()).stream()
            .allMatch(line -> line.get("timestamp").asLong() >= SHIFT_SEC),
        "no false alarm: " + lines);
    assertTrue(lines.size() <= 1 + 12, "the shift is absorbed within an hour: " + lines);
  }

  private static JsonNode firstOfKind(List<JsonNode> lines, String kind) {
    return lines.stream()
        .filter(line -> line.get("kind").asText().equals(kind))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no " + kind + " in " + lines));
  }

  @Test
  void scoresAMemoryExportOfMinuteSamplesInFiveMinuteBuckets(CapturedConsole console)
      throws IOException {
    Path export = series("leak-export.csv", "timestamp,rss_bytes,limit_bytes", 60, true);

    assertEquals(
        0,
        AiopsCommand.run("detect", "anomalies", "--input", export.toString(), "--format", "json"));

    List<JsonNode> lines = jsonLines(console.stdout());
    JsonNode spike = lines.get(0);
    assertEquals("spike", spike.get("kind").asText());
    // The bucket of the spike: its five samples' mean time, 2 minutes into it.
    assertEquals(SPIKE_SEC + 120, spike.get("timestamp").asLong());
    assertEquals(
        SHIFT_SEC + 120, firstOfKind(lines, "level_shift").get("onset_timestamp").asLong());
  }

  @Test
  void aFileAndItsPrefixReportTheSamePointsUpToTheCut(CapturedConsole console) throws IOException {
    Path whole = series("whole.csv", "timestamp,value", 300, true);
    List<String> rows = Files.readAllLines(whole);
    long cutSec = SHIFT_SEC + 3600;
    List<String> prefix =
        rows.stream()
            .filter(
                row -> row.startsWith("timestamp") || Long.parseLong(row.split(",")[0]) < cutSec)
            .toList();
    Path part = Files.createDirectory(dir.resolve("part"));
    Files.write(part.resolve("whole.csv"), prefix);

    AiopsCommand.run("detect", "anomalies", "--input", whole.toString(), "--format", "json");
    String all = console.stdout();
    AiopsCommand.run("detect", "anomalies", "--input", part.toString(), "--format", "json");
    String both = console.stdout();

    List<JsonNode> wholeLines = jsonLines(all);
    List<JsonNode> prefixLines = jsonLines(both.substring(all.length()));
    List<JsonNode> wholeBeforeCut =
        wholeLines.stream().filter(line -> line.get("timestamp").asLong() < cutSec).toList();
    assertEquals(wholeBeforeCut, prefixLines);
    assertTrue(prefixLines.size() >= 2, "" + prefixLines);
  }

  @Test
  void printsATablePerFileAndAOneLineSummary(CapturedConsole console) throws IOException {
    series("a-values.csv", "timestamp,value", 300, true);
    series("b-clean.csv", "timestamp,value", 300, false);

    assertEquals(0, AiopsCommand.run("detect", "anomalies", "--input", dir.toString()));

    String report = console.stdout();
    assertTrue(report.contains("time (UTC)"), report);
    assertTrue(report.contains("2026-01-10T03:00:00Z"), "the spike's time, ISO-8601: " + report);
    assertTrue(report.contains("a-values.csv: 1728 points, "), report);
    assertTrue(report.contains("b-clean.csv: 1728 points, 0 anomalies"), report);
    assertTrue(report.contains("online STL over a day of 288 points"), report);
  }

  @Test
  void malformedFileGetsOneErrorLineWhileTheOthersAreStillScored(CapturedConsole console)
      throws IOException {
    series("good.csv", "timestamp,value", 300, true);
    Files.writeString(dir.resolve("bad.csv"), "timestamp,value\n1767225600,100\n1767225900,abc\n");

    int status =
        AiopsCommand.run("detect", "anomalies", "--input", dir.toString(), "--format", "json");

    assertEquals(2, status);
    assertTrue(jsonLines(console.stdout()).size() >= 2, "good.csv still scored");
    String errors = console.stderr().trim();
    assertEquals(1, errors.lines().count(), errors);
    assertTrue(errors.contains("bad.csv:3") && errors.contains("'abc'"), errors);
  }

  @Test
  void acceptsNegativeValuesButNotAWrongHeader(CapturedConsole console) throws IOException {
    Files.writeString(
        dir.resolve("signed.csv"), "timestamp,value\n1767225600,-3.5\n1767225900,-2\n");
    Files.writeString(dir.resolve("wrong.csv"), "time,rss\n1,2\n");

    assertEquals(
        0,
        AiopsCommand.run("detect", "anomalies", "--input", dir.resolve("signed.csv").toString()));
    assertEquals(
        2, AiopsCommand.run("detect", "anomalies", "--input", dir.resolve("wrong.csv").toString()));
    assertTrue(console.stderr().contains("header must be 'timestamp,value'"), console.stderr());
  }

  @Test
  void refusesBadOptionsAndAMissingPathWithExitTwo(CapturedConsole console) {
    assertEquals(
        2, AiopsCommand.run("detect", "anomalies", "--input", dir.toString(), "--format", "xml"));
    assertEquals(
        2, AiopsCommand.run("detect", "anomalies", "--input", dir.toString(), "--min-score", "0"));
    assertEquals(
        2, AiopsCommand.run("detect", "anomalies", "--input", dir.resolve("missing").toString()));
    String errors = console.stderr();
    assertEquals(3, errors.lines().count(), errors);
    assertTrue(errors.contains("--format must be text or json"), errors);
    assertTrue(errors.contains("--min-score must be in (0, 1]"), errors);
    assertTrue(errors.contains("no such file or directory"), errors);
  }
}
