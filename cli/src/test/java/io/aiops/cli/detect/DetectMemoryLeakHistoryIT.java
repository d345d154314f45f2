package io.aiops.cli.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.aiops.cli.CapturedConsole;
import io.aiops.collector.procfs.ProcessReader;
import io.aiops.collector.procfs.ProcessReading;
import io.aiops.collector.procfs.ReadErrors;
import io.aiops.schemas.memory.MemoryTrend;
import io.aiops.sinks.http.QueryApiServer;
import io.aiops.sinks.store.QueryStore;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code aiops detect memory-leak --pid P --history D}: the history of a live process of this
 * machine read from a real query API over a real store, and the live watch it falls back to.
 */
@ExtendWith(CapturedConsole.class)
class DetectMemoryLeakHistoryIT {
  // A wrong turn into a live watch of --history 24h must fail the test, not hang it for a day.
  private static final Duration AT_ONCE = Duration.ofSeconds(60);

  @TempDir Path dir;
  private Process child;

  @AfterEach
  void stopChild() {
    if (child != null) {
      child.destroy();
    }
  }

  @Test
  void judgesTheProcessOnItsStoredHistoryAtOnceAndReportsAsForAnExport(CapturedConsole console)
      throws Exception {
    child = new ProcessBuilder("sleep", "600").start();
    ProcessReading process = reading(child.pid());
    String seriesId = StoredTrends.seriesIdOf(process);
    long nowMs = System.currentTimeMillis();
    List<MemoryTrend> leak = StoredTrends.leakingWindows(seriesId, process, nowMs, 36);
    // An earlier process had the same pid: its (flat) series must not be mixed in.
    String earlier =
        StoredTrends.seriesIdOf(process).replaceAll("/\\d+$", "/" + (process.startTimeTicks() - 1));
    List<MemoryTrend> flat = StoredTrends.flatWindows(earlier, process, nowMs, 36);

    try (QueryStore store = QueryStore.open(dir.resolve("store"));
        QueryApiServer api = new QueryApiServer(store, "127.0.0.1", 0)) {
      leak.forEach(store.trends()::put);
      flat.forEach(store.trends()::put);
      api.start();

      long startNanos = System.nanoTime();
      ExportedSeries.Run run =
          assertTimeoutPreemptively(
              AT_ONCE,
              () ->
                  ExportedSeries.run(
                      console,
                      "detect",
                      "memory-leak",
                      "--pid",
                      Long.toString(process.pid()),
                      "--history",
                      "24h",
                      "--query-url",
                      api.url(),
                      "--format",
                      "json"));
      Duration took = Duration.ofNanos(System.nanoTime() - startNanos);

      assertEquals(0, run.exitStatus(), run.stderr());
      JsonNode report = new ObjectMapper().readTree(run.stdout().strip());
      assertEquals("pid:" + process.pid(), report.get("input").asText());
      assertEquals("linear_leak", report.get("classification").asText(), run.stdout());
      assertTrue(report.get("leak").asBoolean());
      int samples = report.get("samples").asInt();
      // 24 h and the detector's 30-minute bucket were needed; 30 minutes more were asked for.
      assertTrue(samples >= 299 && samples <= 301, samples + " windows of the last 25 h");
      assertEquals(StoredTrends.LIMIT_BYTES, report.get("limit_bytes").asLong());
      assertEquals(
          List.of(
              "aiops: pid "
                  + process.pid()
                  + " (sleep): "
                  + run.stderr().replaceAll("(?s).*\\(sleep\\): (.*?) of history.*", "$1")
                  + " of history from the query store at "
                  + api.url()
                  + " ("
                  + samples
                  + " trend points), not watched"),
          run.stderr().lines().toList());
      assertTrue(took.compareTo(Duration.ofSeconds(20)) < 0, "no watch: " + took);

      // The same windows exported as a CSV (middle of each window, its mean) get the same verdict.
      Path csv = StoredTrends.exported(leak.subList(leak.size() - samples, leak.size()), dir);
      ExportedSeries.Run fromFile =
          ExportedSeries.run(
              console, "detect", "memory-leak", "--input", csv.toString(), "--format", "json");
      assertEquals(withoutInput(run.stdout()), withoutInput(fromFile.stdout()));
    }
  }

  @Test
  void watchesLiveInsteadWhenTheStoreCannotBeReachedAndSaysSoInOneLine(CapturedConsole console)
      throws Exception {
    child = new ProcessBuilder("sleep", "60").start();
    String pid = Long.toString(child.pid());
    String nobody = "http://127.0.0.1:" + closedPort();

    long startNanos = System.nanoTime();
    ExportedSeries.Run run =
        ExportedSeries.run(
            console,
            "detect",
            "memory-leak",
            "--pid",
            pid,
            "--history",
            "3s",
            "--interval",
            "1s",
            "--query-url",
            nobody,
            "--format",
            "json");
    Duration took = Duration.ofNanos(System.nanoTime() - startNanos);

    assertEquals(0, run.exitStatus(), run.stderr());
    assertEquals(
        List.of(
            "aiops: the query store at "
                + nobody
                + " cannot be asked (connection refused); watching pid "
                + pid
                + " (sleep) live"),
        run.stderr().lines().toList());
    JsonNode report = new ObjectMapper().readTree(run.stdout().strip());
    assertEquals("pid:" + pid, report.get("input").asText());
    assertTrue(report.get("samples").asInt() >= 3 && report.get("samples").asInt() <= 4);
    assertTrue(took.compareTo(Duration.ofSeconds(8)) < 0, "3 s of watching, not more: " + took);
  }

  @Test
  void watchesLiveWhenTheStoreHoldsLessThanAskedAndSaysHowMuchItHas(CapturedConsole console)
      throws Exception {
    child = new ProcessBuilder("sleep", "60").start();
    ProcessReading process = reading(child.pid());
    try (QueryStore store = QueryStore.open(dir.resolve("store"));
        QueryApiServer api = new QueryApiServer(store, "127.0.0.1", 0)) {
      StoredTrends.leakingWindows(
              StoredTrends.seriesIdOf(process), process, System.currentTimeMillis(), 1)
          .forEach(store.trends()::put);
      api.start();

      ExportedSeries.Run run;
      try (ScheduledKill kill = ScheduledKill.after(child, Duration.ofSeconds(4))) {
        run =
            assertTimeoutPreemptively(
                AT_ONCE,
                () ->
                    ExportedSeries.run(
                        console,
                        "detect",
                        "memory-leak",
                        "--pid",
                        Long.toString(process.pid()),
                        "--query-url",
                        api.url(),
                        "--interval",
                        "1s",
                        "--format",
                        "json"));
      }

      assertEquals(0, run.exitStatus(), run.stderr());
      List<String> lines = run.stderr().lines().toList();
      assertEquals(
          "aiops: the query store at "
              + api.url()
              + " has 1h 0m of pid "
              + process.pid()
              + " (sleep)'s history, less than the 1d 0h asked and the detector's 30m bucket;"
              + " watching it live",
          lines.get(0));
      assertTrue(lines.get(1).startsWith("aiops: pid " + process.pid() + " exited after "));
      assertEquals(2, lines.size());
    }
  }

  @Test
  void advisesAskingForADayWhenTheStoredHistoryAskedForIsShorter(CapturedConsole console)
      throws Exception {
    child = new ProcessBuilder("sleep", "600").start();
    ProcessReading process = reading(child.pid());
    try (QueryStore store = QueryStore.open(dir.resolve("store"));
        QueryApiServer api = new QueryApiServer(store, "127.0.0.1", 0)) {
      StoredTrends.leakingWindows(
              StoredTrends.seriesIdOf(process), process, System.currentTimeMillis(), 3)
          .forEach(store.trends()::put);
      api.start();

      ExportedSeries.Run run =
          assertTimeoutPreemptively(
              AT_ONCE,
              () ->
                  ExportedSeries.run(
                      console,
                      "detect",
                      "memory-leak",
                      "--pid",
                      Long.toString(process.pid()),
                      "--history",
                      "2h",
                      "--query-url",
                      api.url()));

      assertEquals(0, run.exitStatus(), run.stderr());
      assertTrue(run.stdout().contains("insufficient_history"), run.stdout());
      assertTrue(
          run.stdout()
              .contains(
                  "next           ask for at least 24 h of history (--history 24h): less cannot"
                      + " tell a leak from the daily load swing"),
          run.stdout());
    }
  }

  private static ProcessReading reading(long pid) {
    return new ProcessReader(Path.of("/proc"), new ReadErrors())
        .read((int) pid)
        .orElseThrow(() -> new AssertionError("no process " + pid));
  }

  private static JsonNode withoutInput(String jsonLine) throws IOException {
    ObjectNode node = (ObjectNode) new ObjectMapper().readTree(jsonLine.strip());
    node.remove("input");
    return node;
  }

  private static int closedPort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
