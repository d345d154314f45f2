package io.aiops.collector.procfs;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class MeminfoTest {

  @Test
  void convertsKilobytesToBytesAndKeepsCountsAsTheyAre() {
    Meminfo meminfo =
        new Meminfo(
            KeyValueFile.parseBytes(
                "MemTotal:       16000 kB\nHugePages_Total:       4\nMemAvailable: 8000 kB\n"));
    assertEquals(16000L * 1024, meminfo.bytes("MemTotal"));
    assertEquals(4, meminfo.bytes("HugePages_Total"));
    assertEquals(8000L * 1024, meminfo.availableBytes());
  }

  @Test
  void estimatesAvailableOnKernelsWithoutMemAvailable() {
    Meminfo meminfo =
        new Meminfo(
            KeyValueFile.parseBytes(
                "MemFree: 100 kB\nCached: 50 kB\nBuffers: 10 kB\nSReclaimable: 5 kB\n"));
    assertEquals(165L * 1024, meminfo.availableBytes());
  }

  @Test
  void skipsTruncatedAndNonNumericLines() {
    var values = KeyValueFile.parseBytes("MemTotal: 1 kB\nName:\tjava\nMemFr");
    assertEquals(1, values.size());
  }
}
