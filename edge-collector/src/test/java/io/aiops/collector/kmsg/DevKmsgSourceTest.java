package io.aiops.collector.kmsg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DevKmsgSourceTest {
  private static final Duration QUIET = Duration.ofMillis(250);

  @TempDir Path dir;

  static Path fifo(Path dir, String name) throws Exception {
    Path fifo = dir.resolve(name);
    Process mkfifo = new ProcessBuilder("mkfifo", fifo.toString()).start();
    assumeTrue(mkfifo.waitFor(5, TimeUnit.SECONDS) && mkfifo.exitValue() == 0, "mkfifo works");
    return fifo;
  }

  static boolean devKmsgReadable() {
    try {
      DevKmsgSource.open(DevKmsgSource.DEVICE).close();
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  @Test
  void readsRecordsOfAFileToItsEndAndFindsTheKill() throws Exception {
    Path records = OomKillCorpusTest.corpus().resolve("fedora41-6.11-raw-kmsg.log");
    List<KernelLogLine> lines = new CopyOnWriteArrayList<>();

    DevKmsgSource.dump(records, OomKillCorpusTest.CLOCK, QUIET).read(lines::add);

    List<OomKill> kills = OomKillLog.parse(lines);
    assertEquals(1, kills.size());
    assertEquals(1873L, kills.get(0).sequence());
  }

  @Test
  void followerReadsRecordsAsTheyArriveThroughAFifoUntilTheWriterCloses() throws Exception {
    Path fifo = fifo(dir, "kmsg");
    List<String> records =
        Files.readAllLines(OomKillCorpusTest.corpus().resolve("fedora41-6.11-raw-kmsg.log"));
    List<KernelLogLine> lines = new CopyOnWriteArrayList<>();
    DevKmsgSource source = DevKmsgSource.follow(fifo, OomKillCorpusTest.CLOCK);
    Thread follower =
        new Thread(
            () -> {
              try {
                source.read(lines::add);
              } catch (IOException e) {
                throw new IllegalStateException(e);
              }
            });
    follower.start();
    try (OutputStream writer = Files.newOutputStream(fifo)) {
      for (String record : records) {
        writer.write((record + "\n").getBytes(StandardCharsets.UTF_8));
        writer.flush();
      }
    }
    follower.join(5000);

    assertFalse(follower.isAlive(), "the follower ends where the FIFO does");
    assertEquals(1, OomKillLog.parse(lines).size());
  }

  @Test
  void readsTheRunningKernelsBufferWhenThisUserMay() throws Exception {
    assumeTrue(devKmsgReadable(), "/dev/kmsg is readable here");
    List<KernelLogLine> lines = new CopyOnWriteArrayList<>();
    long start = System.nanoTime();

    DevKmsgSource.dump(DevKmsgSource.DEVICE, KernelClock.thisHost(Path.of("/proc/uptime")), QUIET)
        .read(lines::add);

    assertFalse(lines.isEmpty());
    assertTrue(Duration.ofNanos(System.nanoTime() - start).toSeconds() < 10, "a dump ends");
    KernelLogLine first = lines.get(0);
    assertNotNull(first.sequence());
    assertNotNull(first.wallClockMs(), "microseconds since boot plus the boot time");
  }

  @Test
  void closeWakesAFollowerBlockedOnTheDevice() throws Exception {
    assumeTrue(devKmsgReadable(), "/dev/kmsg is readable here");
    DevKmsgSource source =
        DevKmsgSource.follow(DevKmsgSource.DEVICE, KernelClock.thisHost(Path.of("/proc/uptime")));
    Thread follower =
        new Thread(
            () -> {
              try {
                source.read(line -> {});
              } catch (IOException e) {
                throw new IllegalStateException(e);
              }
            });
    follower.start();
    Thread.sleep(300);

    source.close();
    follower.join(3000);

    assertFalse(follower.isAlive());
  }

  @Test
  void missingDeviceIsUnavailableWithItsName() {
    Path missing = dir.resolve("kmsg");
    KernelLogUnavailableException e =
        assertThrows(
            KernelLogUnavailableException.class,
            () -> DevKmsgSource.dump(missing, OomKillCorpusTest.CLOCK, QUIET).read(line -> {}));
    assertEquals(missing + ": does not exist", e.getMessage());
  }
}
