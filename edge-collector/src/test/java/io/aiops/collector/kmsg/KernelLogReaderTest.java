package io.aiops.collector.kmsg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class KernelLogReaderTest {
  private static final Instant BOOT = Instant.parse("2025-11-03T08:00:00Z");
  private static final KernelClock CLOCK =
      new KernelClock(BOOT, ZoneOffset.UTC, Instant.parse("2025-12-01T00:00:00Z"));

  private static List<KernelLogLine> read(String... lines) {
    KernelLogReader reader = new KernelLogReader(CLOCK);
    return java.util.Arrays.stream(lines).flatMap(l -> reader.read(l).stream()).toList();
  }

  private static KernelLogLine only(String line) {
    List<KernelLogLine> read = read(line);
    assertEquals(1, read.size(), line);
    return read.get(0);
  }

  private static long ms(String instant) {
    return Instant.parse(instant).toEpochMilli();
  }

  @Test
  void devKmsgRecordGivesSequenceMicrosecondsAndWallClockFromBootTime() {
    KernelLogLine line = only("6,1234,5678901,-;Out of memory: Killed process 1 (x)");
    assertEquals("Out of memory: Killed process 1 (x)", line.message());
    assertEquals("5678901", line.printedTimestamp());
    assertEquals(5.678901, line.uptimeSeconds());
    assertEquals(1234L, line.sequence());
    assertEquals(BOOT.toEpochMilli() + 5679, line.wallClockMs());
  }

  @Test
  void devKmsgSplitsEscapedNewlinesAndDropsDictionaryAndUserSpaceRecords() {
    List<KernelLogLine> lines =
        read(
            "4,20,100,-,caller=T7;active_anon:1 inactive_anon:2\\x0a active_file:3 path=C:\\x5cx",
            " SUBSYSTEM=pci",
            " DEVICE=+pci:0000:00:19.0",
            "30,21,200,-;systemd[1]: foo.service: A process of this unit has been killed by the OOM"
                + " killer.");
    assertEquals(2, lines.size());
    assertEquals("active_anon:1 inactive_anon:2", lines.get(0).message());
    assertEquals(" active_file:3 path=C:\\x", lines.get(1).message());
    assertEquals(20L, lines.get(1).sequence());
  }

  @Test
  void dmesgUptimeStampNeedsBootTimeForWallClock() {
    KernelLogLine line = only("[ 1234.567890]  active_file:3");
    assertEquals(" active_file:3", line.message());
    assertEquals("[ 1234.567890]", line.printedTimestamp());
    assertEquals(1234.56789, line.uptimeSeconds());
    assertEquals(BOOT.toEpochMilli() + 1_234_568, line.wallClockMs());

    KernelLogLine withoutBoot =
        new KernelLogReader(new KernelClock(null, ZoneOffset.UTC, Instant.now()))
            .read("[ 1234.567890] msg")
            .get(0);
    assertNull(withoutBoot.wallClockMs());
    assertEquals(1234.56789, withoutBoot.uptimeSeconds());
  }

  @Test
  void dmesgHumanIsoRawAndDecodedPrefixes() {
    KernelLogLine human = only("[Mon Nov  3 10:22:33 2025] msg");
    assertEquals("[Mon Nov  3 10:22:33 2025]", human.printedTimestamp());
    assertEquals(ms("2025-11-03T10:22:33Z"), human.wallClockMs());
    assertNull(human.uptimeSeconds());

    KernelLogLine iso = only("2025-11-03T10:22:33,123456+01:00 msg");
    assertEquals("msg", iso.message());
    assertEquals(ms("2025-11-03T09:22:33.123Z"), iso.wallClockMs());

    assertEquals("msg", only("<6>[   12.500000] msg").message());
    assertEquals(List.of(), read("<30>[   12.500000] systemd[1]: msg"));
    assertEquals(12.5, only("kern  :info  : [   12.500000] msg").uptimeSeconds());
    assertEquals(List.of(), read("user  :notice: [   13.000000] logger: msg"));
  }

  @Test
  void journalctlAndSyslogKeepOnlyKernelLines() {
    KernelLogLine journal = only("Nov 03 10:22:33 host kernel: msg");
    assertEquals("msg", journal.message());
    assertEquals("Nov 03 10:22:33", journal.printedTimestamp());
    assertEquals(ms("2025-11-03T10:22:33Z"), journal.wallClockMs());

    KernelLogLine shortIso = only("2025-11-03T10:22:33+0000 host kernel: msg");
    assertEquals(ms("2025-11-03T10:22:33Z"), shortIso.wallClockMs());

    KernelLogLine syslog = only("Nov  3 10:22:33 host kernel: [1234.567] msg");
    assertEquals("msg", syslog.message());
    assertEquals(1234.567, syslog.uptimeSeconds());
    assertEquals(ms("2025-11-03T10:22:33Z"), syslog.wallClockMs(), "the printed date wins");

    KernelLogLine rfc3339 = only("2025-11-03T10:22:33.123456+00:00 host kernel: msg");
    assertEquals(ms("2025-11-03T10:22:33.123Z"), rfc3339.wallClockMs());

    assertEquals(
        List.of(),
        read(
            "-- Journal begins at Mon 2025-10-27 09:14:02 UTC, ends at Mon 2025-11-03 16:02:11 UTC."
                + " --",
            "Nov  3 10:22:33 host systemd[1]: foo.service: Failed with result 'oom-kill'.",
            "         indented rest of the systemd message",
            "2025-11-03T10:22:33+0000 host kubelet[1342]: OOMKilled"));
  }

  @Test
  void rsyslogOctalNewlinesSplitOneRecordIntoLines() {
    List<KernelLogLine> lines =
        read("Nov  3 02:15:07 h kernel: active_anon:1 isolated_anon:0#012 active_file:27");
    assertEquals(2, lines.size());
    assertEquals(" active_file:27", lines.get(1).message());
    assertEquals(lines.get(0).wallClockMs(), lines.get(1).wallClockMs());
  }

  @Test
  void indentedLineWithoutPrefixContinuesThePreviousRecord() {
    List<KernelLogLine> lines =
        read("[  10.000000] active_anon:1 isolated_anon:0", "               active_file:2");
    assertEquals(" active_file:2", lines.get(1).message());
    assertEquals(10.0, lines.get(1).uptimeSeconds());
  }

  @Test
  void pastedIndentedLinesStillHaveTheirPrefixes() {
    KernelLogLine line = only("    [   10.000000] Killed process 1 (x)");
    assertEquals("Killed process 1 (x)", line.message());
    assertEquals(10.0, line.uptimeSeconds());
  }

  @Test
  void lineWithoutPrefixIsTheMessageAlone() {
    KernelLogLine line = only("Out of memory: Killed process 1 (x)");
    assertEquals("Out of memory: Killed process 1 (x)", line.message());
    assertNull(line.printedTimestamp());
    assertNull(line.wallClockMs());
    assertNull(line.uptimeSeconds());
  }

  @Test
  void decemberLineReadInJanuaryBelongsToTheYearBefore() {
    KernelClock january =
        new KernelClock(null, ZoneOffset.UTC, Instant.parse("2026-01-02T00:00:00Z"));
    KernelLogLine line = new KernelLogReader(january).read("Dec 31 23:59:59 h kernel: m").get(0);
    assertEquals(ms("2025-12-31T23:59:59Z"), line.wallClockMs());
    KernelLogLine recent = new KernelLogReader(january).read("Jan  1 00:00:01 h kernel: m").get(0);
    assertEquals(ms("2026-01-01T00:00:01Z"), recent.wallClockMs());
  }
}
