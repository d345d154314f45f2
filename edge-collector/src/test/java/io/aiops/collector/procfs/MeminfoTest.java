package io.aiops.collector.procfs;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.aiops.collector.RecordedHosts;
import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MeminfoTest {
  private final ReadErrors errors = new ReadErrors();

  @Test
  void convertsKilobytesToBytesAndKeepsCountsAsTheyAre() {
    Meminfo meminfo =
        Meminfo.parse(
            "MemTotal:       16000 kB\nHugePages_Total:       4\nMemAvailable: 8000 kB\n", errors);
    assertEquals(16000L * 1024, meminfo.bytes("MemTotal"));
    assertEquals(4, meminfo.bytes("HugePages_Total"));
    assertEquals(8000L * 1024, meminfo.availableBytes());
  }

  @Test
  void keepsEveryLineOfARecordedHostInFileOrder() throws IOException {
    String text =
        Files.readString(RecordedHosts.proc(RecordedHosts.KERNEL_6_1_HYBRID).resolve("meminfo"));
    Meminfo meminfo = Meminfo.parse(text, errors);
    assertEquals(text.split("\n").length, meminfo.bytesByField().size());
    assertEquals(
        List.of("MemTotal", "MemFree", "MemAvailable"),
        meminfo.bytesByField().keySet().stream().limit(3).toList());
    assertEquals(512L, meminfo.bytes("HugePages_Total"), "a count of pages, not kB");
    assertEquals(2048L * 1024, meminfo.bytes("Hugepagesize"));
    assertEquals(34359738367L * 1024, meminfo.bytes("VmallocTotal"));
    assertEquals(Map.of(), errors.snapshot());
  }

  @Test
  void estimatesAvailableOnKernelsWithoutMemAvailable() {
    Meminfo meminfo =
        Meminfo.parse(
            "MemFree: 100 kB\nCached: 50 kB\nBuffers: 10 kB\nSReclaimable: 5 kB\n", errors);
    assertEquals(165L * 1024, meminfo.availableBytes());
  }

  @Test
  void skipsAndCountsTruncatedAndNonNumericLines() {
    Meminfo meminfo = Meminfo.parse("MemTotal: 1 kB\nName:\tjava\nMemFree: 12 MB\nMemFr", errors);
    assertEquals(Map.of("MemTotal", 1024L), meminfo.bytesByField());
    assertEquals(Map.of(ReadErrors.MALFORMED, 3L), errors.snapshot());
  }
}
