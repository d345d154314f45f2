package io.aiops.cli.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.aiops.cli.CapturedConsole;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** {@code aiops detect memory-leak --pid}: watching live processes of this machine. */
@ExtendWith(CapturedConsole.class)
class DetectMemoryLeakPidIT {
  private Process child;

  @AfterEach
  void stopChild() {
    if (child != null) {
      child.destroy();
    }
  }

  @Test
  void watchesALiveProcessAndReportsItAsAnExportWouldBe(CapturedConsole console) throws Exception {
    child = new ProcessBuilder("sleep", "60").start();
    String pid = Long.toString(child.pid());

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
            "none",
            "--format",
            "json");

    assertEquals(0, run.exitStatus(), run.stderr());
    assertEquals("", run.stderr(), "no progress line when stderr is not a terminal");
    JsonNode report = new ObjectMapper().readTree(run.stdout().strip());
    assertEquals("pid:" + pid, report.get("input").asText());
    assertEquals("insufficient_history", report.get("classification").asText());
    assertTrue(report.get("samples").asInt() >= 3 && report.get("samples").asInt() <= 4);
    // Seconds of samples close no 30-minute bucket: no trend yet, but the limit was read.
    assertTrue(
        report.get("limit_bytes").asLong() > rssBytes(child.pid()),
        "cgroup limit, or RSS + MemAvailable");
  }

  @Test
  void judgesWhatWasGatheredWhenTheProcessExitsAndSaysSo(CapturedConsole console) throws Exception {
    child = new ProcessBuilder("sleep", "60").start();
    String pid = Long.toString(child.pid());

    ExportedSeries.Run run;
    try (ScheduledKill kill = ScheduledKill.after(child, Duration.ofSeconds(4))) {
      run =
          ExportedSeries.run(
              console,
              "detect",
              "memory-leak",
              "--pid",
              pid,
              "--history",
              "20s",
              "--interval",
              "1s",
              "--query-url",
              "none",
              "--format",
              "json");
    }

    assertEquals(0, run.exitStatus(), run.stderr());
    assertTrue(run.stderr().startsWith("aiops: pid " + pid + " exited after "), run.stderr());
    assertEquals(1, run.stderr().lines().count());
    JsonNode report = new ObjectMapper().readTree(run.stdout().strip());
    assertEquals("pid:" + pid, report.get("input").asText());
    int samples = report.get("samples").asInt();
    assertTrue(samples >= 1 && samples <= 6, samples + " samples in about 4 s");
  }

  @Test
  void refusesAPidWithNoProcessInOneLine(CapturedConsole console) throws Exception {
    long pidMax = Long.parseLong(Files.readString(Path.of("/proc/sys/kernel/pid_max")).strip());
    ExportedSeries.Run run =
        ExportedSeries.run(console, "detect", "memory-leak", "--pid", Long.toString(pidMax + 1));
    assertEquals(2, run.exitStatus());
    assertEquals(
        "aiops: --pid " + (pidMax + 1) + ": no such process (or not readable)",
        run.stderr().strip());
  }

  @Test
  void advisesWatchingForADayWhenTheWatchWasShorter(CapturedConsole console) throws Exception {
    child = new ProcessBuilder("sleep", "60").start();

    ExportedSeries.Run run =
        ExportedSeries.run(
            console,
            "detect",
            "memory-leak",
            "--pid",
            Long.toString(child.pid()),
            "--history",
            "2s",
            "--interval",
            "1s",
            "--query-url",
            "none");

    assertEquals(0, run.exitStatus(), run.stderr());
    assertTrue(
        run.stdout()
            .contains(
                "next           watch at least 24 h (--history 24h): less cannot tell a leak"
                    + " from the daily load swing"),
        run.stdout());
  }

  private static long rssBytes(long pid) throws Exception {
    for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
      if (line.startsWith("VmRSS:")) {
        return Long.parseLong(line.replaceAll("\\D", "")) * 1024;
      }
    }
    throw new AssertionError("no VmRSS");
  }
}
