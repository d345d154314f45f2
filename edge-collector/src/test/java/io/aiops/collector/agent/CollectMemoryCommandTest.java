package io.aiops.collector.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;

class CollectMemoryCommandTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void durationZeroPrintsOneJsonSampleOfThisHostWithTheContractFields() throws Exception {
    CommandRun run = CommandRun.of("memory", "--duration", "0", "--format", "json");

    assertEquals(0, run.exitCode(), run.stderr());
    List<String> lines = run.stdout().lines().toList();
    assertEquals(1, lines.size());
    JsonNode sample = JSON.readTree(lines.get(0));
    for (String field :
        List.of(
            "host_id",
            "boot_id",
            "timestamp_ms",
            "mem_total_bytes",
            "mem_free_bytes",
            "mem_available_bytes",
            "swap_total_bytes",
            "swap_free_bytes",
            "processes")) {
      assertTrue(sample.has(field), field);
    }
    assertTrue(sample.get("mem_total_bytes").asLong() > 0);
    JsonNode process = sample.get("processes").get(0);
    for (String field : List.of("pid", "start_time_ticks", "comm", "rss_bytes", "swap_bytes")) {
      assertTrue(process.has(field), field);
    }
  }

  @Test
  void countTakesThatManySamplesAtTheInterval() throws Exception {
    long start = System.nanoTime();
    CommandRun run =
        CommandRun.of("memory", "--count", "3", "--interval", "200ms", "--format", "json");
    long elapsedMs = (System.nanoTime() - start) / 1_000_000;

    assertEquals(0, run.exitCode(), run.stderr());
    List<String> lines = run.stdout().lines().toList();
    assertEquals(3, lines.size());
    long first = JSON.readTree(lines.get(0)).get("timestamp_ms").asLong();
    long last = JSON.readTree(lines.get(2)).get("timestamp_ms").asLong();
    assertTrue(
        last - first >= 350 && last - first < 2_000, "two intervals apart: " + (last - first));
    assertTrue(elapsedMs >= 400, "waited between samples: " + elapsedMs);
  }

  @Test
  void durationOverIntervalSamplesCoverTheDuration() {
    CommandRun run =
        CommandRun.of("memory", "--duration", "600ms", "--interval", "200ms", "--format", "json");

    assertEquals(0, run.exitCode(), run.stderr());
    assertEquals(3, run.stdout().lines().count());
  }

  @Test
  void textIsATablePerSample() {
    CommandRun run = CommandRun.of("memory", "--count", "1", "--top", "3", "--rss-floor", "1TiB");

    assertEquals(0, run.exitCode(), run.stderr());
    assertTrue(run.stdout().contains("  memory  "), run.stdout());
    assertTrue(run.stdout().contains("PID  COMM"), run.stdout());
    long processRows = run.stdout().lines().filter(l -> l.matches("\\s+\\d+\\s+\\S.*")).count();
    assertEquals(
        3, processRows, "--top 3 with a floor nobody reaches keeps three: " + run.stdout());
  }

  @Test
  void aBadValueIsOneLineNamingTheOptionAndExitTwo() {
    for (String[] args :
        List.of(
            new String[] {"memory", "--interval", "soon"},
            new String[] {"memory", "--interval", "1ms"},
            new String[] {"memory", "--count", "0"},
            new String[] {"memory", "--rss-floor", "lots"},
            new String[] {"memory", "--format", "yaml"},
            new String[] {"memory", "--proc-root", "/nonexistent"})) {
      CommandRun run = CommandRun.of(args);
      assertEquals(2, run.exitCode(), String.join(" ", args));
      assertEquals("", run.stdout());
      assertEquals(1, run.stderr().lines().count(), run.stderr());
      assertTrue(run.stderr().startsWith("aiops-collector: " + args[1]), run.stderr());
      assertTrue(run.stderr().contains("(see 'aiops-collector memory --help')"), run.stderr());
      assertFalse(run.stderr().contains("\tat "));
    }
  }

  @Test
  void helpNamesTheFormatsAndSharedOptions() {
    CommandRun run = CommandRun.of("memory", "--help");

    assertEquals(0, run.exitCode());
    for (String option :
        List.of(
            "--duration",
            "--interval",
            "--count",
            "--format",
            "--rss-floor",
            "--top",
            "--proc-root")) {
      assertTrue(run.stdout().contains(option), option);
    }
  }
}
