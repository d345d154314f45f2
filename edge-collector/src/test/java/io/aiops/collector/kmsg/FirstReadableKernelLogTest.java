package io.aiops.collector.kmsg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FirstReadableKernelLogTest {
  @TempDir Path dir;

  private static boolean dmesgWorks() {
    try {
      Process dmesg = new ProcessBuilder("dmesg").redirectErrorStream(true).start();
      dmesg.getInputStream().transferTo(java.io.OutputStream.nullOutputStream());
      return dmesg.waitFor(10, TimeUnit.SECONDS) && dmesg.exitValue() == 0;
    } catch (Exception e) {
      return false;
    }
  }

  @Test
  void fallsBackToDmesgWhenDevKmsgIsMissingAndSaysWhy() throws Exception {
    assumeTrue(dmesgWorks(), "dmesg can read the kernel log here");
    KernelClock clock = KernelClock.thisHost(Path.of("/proc/uptime"));
    FirstReadableKernelLog log =
        new FirstReadableKernelLog(
            List.of(
                DevKmsgSource.dump(dir.resolve("kmsg"), clock, Duration.ofMillis(250)),
                new CommandKernelLogSource(List.of("dmesg"), clock)));
    List<KernelLogLine> lines = new ArrayList<>();

    log.read(lines::add);

    assertFalse(lines.isEmpty());
    assertEquals("dmesg", log.description());
    assertEquals(List.of(dir.resolve("kmsg") + ": does not exist"), log.unavailable());
  }

  @Test
  void userOutsideDmesgRestrictIsRefusedWithTheKernelsReason() throws Exception {
    assumeTrue(
        "root".equals(System.getProperty("user.name"))
            && java.nio.file.Files.isExecutable(Path.of("/usr/sbin/runuser"))
            && "1"
                .equals(
                    java.nio.file.Files.readString(Path.of("/proc/sys/kernel/dmesg_restrict"))
                        .trim()),
        "root here, with runuser to become nobody, and dmesg_restrict on");
    CommandKernelLogSource asNobody =
        new CommandKernelLogSource(
            List.of("/usr/sbin/runuser", "-u", "nobody", "--", "dmesg"), OomKillCorpusTest.CLOCK);

    KernelLogUnavailableException e =
        assertThrows(KernelLogUnavailableException.class, () -> asNobody.read(line -> {}));

    assertTrue(e.getMessage().contains("Operation not permitted"), e.getMessage());
  }

  @Test
  void programPrintingAKernelLogIsReadLikeAFile() throws Exception {
    Path journal = OomKillCorpusTest.corpus().resolve("ubuntu2204-5.15-journalctl-k.log");
    List<KernelLogLine> lines = new ArrayList<>();

    new CommandKernelLogSource(List.of("cat", journal.toString()), OomKillCorpusTest.CLOCK)
        .read(lines::add);

    assertEquals(6624, OomKillLog.parse(lines).get(0).pid());
  }

  @Test
  void namesEveryReasonWhenNoSourceCanBeRead() {
    FirstReadableKernelLog log =
        new FirstReadableKernelLog(
            List.of(
                DevKmsgSource.dump(dir.resolve("kmsg"), OomKillCorpusTest.CLOCK, Duration.ZERO),
                new CommandKernelLogSource(
                    List.of(dir.resolve("dmesg").toString()), OomKillCorpusTest.CLOCK),
                new CommandKernelLogSource(
                    List.of(
                        "sh",
                        "-c",
                        "echo 'No journal files were opened due to insufficient permissions.' >&2"),
                    OomKillCorpusTest.CLOCK)));

    KernelLogUnavailableException e =
        assertThrows(KernelLogUnavailableException.class, () -> log.read(line -> {}));

    String message = e.getMessage();
    assertTrue(message.startsWith("cannot read the kernel log: "), message);
    assertTrue(message.contains("kmsg: does not exist"), message);
    assertTrue(message.contains("dmesg: cannot run"), message);
    assertTrue(message.contains("insufficient permissions"), message);
    assertEquals(1, message.lines().count());
  }
}
