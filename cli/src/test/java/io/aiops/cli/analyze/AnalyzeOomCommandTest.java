package io.aiops.cli.analyze;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.aiops.cli.AiopsCommand;
import io.aiops.cli.CapturedConsole;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The command over the edge collector's OOM corpus, read where it lives (one copy of the excerpts),
 * checked against the corpus's own expected kills.
 */
@ExtendWith(CapturedConsole.class)
class AnalyzeOomCommandTest {
  private static final Path CORPUS = Path.of("../edge-collector/src/test/resources/oom");

  /** The corpus's kernels booted then (see its README). */
  private static final String BOOT = "2025-11-03T08:00:00Z";

  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;

  private static String excerpt(String name) {
    return CORPUS.resolve(name + ".log").toString();
  }

  private static List<JsonNode> lines(String text) throws IOException {
    List<JsonNode> lines = new ArrayList<>();
    for (String line : text.split("\n")) {
      if (!line.isBlank()) {
        lines.add(JSON.readTree(line));
      }
    }
    return lines;
  }

  @Test
  void jsonLinesStateEveryExpectedFieldOfEachKill(CapturedConsole console) throws IOException {
    for (String name :
        List.of(
            "interleaved-two-kills",
            "debian12-6.1-kernlog-rsyslog-rfc3339",
            "ubuntu2404-6.8-rss-split-journal-short-iso")) {
      int before = console.stdout().length();
      assertEquals(
          0,
          AiopsCommand.run(
              "analyze", "oom", "--input", excerpt(name), "--format", "json", "--boot-time", BOOT));

      List<JsonNode> got = lines(console.stdout().substring(before));
      List<JsonNode> want = lines(Files.readString(CORPUS.resolve(name + ".expected.jsonl")));
      assertEquals(want.size(), got.size(), name);
      for (int i = 0; i < want.size(); i++) {
        for (Map.Entry<String, JsonNode> field : want.get(i).properties()) {
          JsonNode actual =
              field.getKey().equals("task_count")
                  ? JSON.getNodeFactory().numberNode(got.get(i).get("tasks").size())
                  : got.get(i).get(field.getKey());
          assertEquals(field.getValue(), actual, name + " kill " + (i + 1) + " " + field.getKey());
        }
      }
    }
  }

  @Test
  void contractFieldsArePresentAndNullWhenNotPrinted(CapturedConsole console) throws IOException {
    assertEquals(
        0,
        AiopsCommand.run(
            "analyze", "oom", "--input", excerpt("truncated-kill-line-only"), "--format", "json"));

    JsonNode kill = lines(console.stdout()).get(0);
    assertEquals("[ 9912.004117]", kill.get("timestamp").asText());
    assertEquals(3114, kill.get("pid").asInt());
    assertEquals("redis-server", kill.get("process").asText());
    assertEquals(8211404, kill.get("anon_rss_kb").asLong());
    for (String absent :
        List.of("oom_score_adj", "constraint", "memcg", "task_memcg", "uid", "timestamp_ms")) {
      assertTrue(kill.has(absent) && kill.get(absent).isNull(), absent);
    }
  }

  @Test
  void lastPrintsOnlyTheMostRecentKill(CapturedConsole console) throws IOException {
    assertEquals(
        0,
        AiopsCommand.run(
            "analyze",
            "oom",
            "--input",
            excerpt("interleaved-two-kills"),
            "--format",
            "json",
            "--last"));
    List<JsonNode> kills = lines(console.stdout());
    assertEquals(1, kills.size());
    assertEquals(22817, kills.get(0).get("pid").asInt());
  }

  @Test
  void textReportSaysWhichLimitWasHitAndWhatToDo(CapturedConsole console) {
    assertEquals(
        0,
        AiopsCommand.run("analyze", "oom", "--input", excerpt("centos7-3.10-memcg-v1-messages")));

    String report = console.stdout();
    assertTrue(
        report.startsWith("OOM kill 1 of 1: java (pid 31861) hit its cgroup's memory limit"),
        report);
    assertTrue(
        report.contains(
            "CONSTRAINT_MEMCG: the limit of"
                + " /kubepods/burstable/pod7c1d2e4f-9a3b-11e9-8d2f-fa163e5b8c21 was hit (usage"
                + " 2048.0 MiB of 2048.0 MiB)"),
        report);
    assertTrue(report.contains("anon 2044.7 MiB"), report);
    assertTrue(report.contains("java             pid 31861    rss 2048.1 MiB"), report);
    assertTrue(report.contains("raise the limit"), report);
    assertTrue(report.contains("oom_score_adj 999 marked java as the first to go"), report);
    assertTrue(report.contains("-Xmx"), report);
  }

  @Test
  void textReportOfAGlobalOomShowsTheHostsMemory(CapturedConsole console) {
    assertEquals(
        0,
        AiopsCommand.run(
            "analyze", "oom", "--input", excerpt("debian12-6.1-dmesg-T"), "--boot-time", BOOT));
    String report = console.stdout();
    assertTrue(report.contains("CONSTRAINT_NONE: the host ran out of memory (global OOM)"), report);
    assertTrue(report.contains("host memory    free 83.3 MiB, anon 3506.6 MiB"), report);
    assertTrue(report.contains("invoked by     php-fpm8.2, gfp_mask"), report);
    assertTrue(report.contains("oom_score_adj -1000"), report);
  }

  @Test
  void readsStandardInput(CapturedConsole console) throws IOException {
    InputStream stdin = System.in;
    try {
      System.setIn(
          new ByteArrayInputStream(Files.readAllBytes(CORPUS.resolve("kill-then-reaper.log"))));
      assertEquals(0, AiopsCommand.run("analyze", "oom", "--input", "-", "--format", "json"));
    } finally {
      System.setIn(stdin);
    }
    assertEquals(4419, lines(console.stdout()).get(0).get("pid").asInt());
  }

  @Test
  void noKillIsSuccessAndSaysWhereItLooked(CapturedConsole console) {
    String file = excerpt("lookalike-java-outofmemoryerror");
    assertEquals(0, AiopsCommand.run("analyze", "oom", "--input", file));
    assertEquals("no OOM kill found in " + file, console.stdout().trim());

    assertEquals(0, AiopsCommand.run("analyze", "oom", "--input", file, "--format", "json"));
    assertEquals(
        "no OOM kill found in " + file, console.stdout().trim(), "stdout stays JSON Lines");
    assertTrue(console.stderr().contains("no OOM kill found in " + file));
  }

  @Test
  void missingOrDirectoryInputIsOneLineAndExitTwo(CapturedConsole console) {
    assertEquals(
        2, AiopsCommand.run("analyze", "oom", "--input", dir.resolve("nope.log").toString()));
    assertEquals(2, AiopsCommand.run("analyze", "oom", "--input", dir.toString()));
    assertEquals(
        2,
        AiopsCommand.run(
            "analyze", "oom", "--input", excerpt("kill-then-reaper"), "--format", "xml"));
    List<String> errors = console.stderr().lines().toList();
    assertEquals(3, errors.size(), console.stderr());
    assertTrue(errors.get(0).endsWith("nope.log: no such file"), errors.get(0));
    assertTrue(errors.get(1).contains("is a directory"), errors.get(1));
    assertTrue(errors.get(2).contains("--format must be text or json"), errors.get(2));
    assertFalse(console.stderr().contains("\tat "), "no stack trace for a user's mistake");
  }

  @Test
  void withoutInputReadsTheRunningKernelsLogOrSaysWhatPermissionIsMissing(CapturedConsole console) {
    int status = AiopsCommand.run("analyze", "oom");
    if (status == 0) {
      String out = console.stdout();
      assertTrue(out.startsWith("no OOM kill found in ") || out.startsWith("OOM kill 1 of "), out);
    } else {
      assertEquals(2, status);
      assertTrue(console.stderr().contains("cannot read the kernel log"), console.stderr());
    }
  }

  @Test
  void analyzeHelpListsOom(CapturedConsole console) {
    assertEquals(0, AiopsCommand.run("analyze", "--help"));
    assertTrue(console.stdout().contains("oom"), console.stdout());
  }
}
