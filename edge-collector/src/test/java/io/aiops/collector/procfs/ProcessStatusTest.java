package io.aiops.collector.procfs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProcessStatusTest {
  private static final String STATUS_5_15 =
      "Name:\tjava\nUmask:\t0022\nState:\tS (sleeping)\nTgid:\t4242\nPid:\t4242\n"
          + "Uid:\t1000\t1000\t1000\t1000\nVmPeak:\t 3149824 kB\nVmSize:\t 3145728 kB\n"
          + "VmHWM:\t  622592 kB\nVmRSS:\t  622592 kB\nRssAnon:\t  589824 kB\n"
          + "RssFile:\t   32768 kB\nRssShmem:\t       0 kB\nVmData:\t 2400000 kB\n"
          + "VmSwap:\t    1024 kB\nTHP_enabled:\t1\nThreads:\t48\n"
          + "Cpus_allowed_list:\t0-3\nSpeculation_Store_Bypass:\tthread vulnerable\n";

  private final ReadErrors errors = new ReadErrors();

  private ProcessStatus parse(String text) {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    return new ProcessStatus.Parser().parse(bytes, bytes.length, errors);
  }

  @Test
  void readsMemoryFiguresInBytesAndTheThreadCount() {
    ProcessStatus status = parse(STATUS_5_15);
    assertEquals(622592L * 1024, status.rssBytes());
    assertEquals(589824L * 1024, status.rssAnonBytes());
    assertEquals(32768L * 1024, status.rssFileBytes());
    assertEquals(0L, status.rssShmemBytes());
    assertEquals(1024L * 1024, status.swapBytes());
    assertEquals(3145728L * 1024, status.vmSizeBytes());
    assertEquals(2400000L * 1024, status.vmDataBytes());
    assertEquals(48, status.threads());
    assertEquals(Map.of(), errors.snapshot(), "text lines it does not want are not errors");
  }

  @Test
  void leavesRssBreakdownNullOnKernelsBefore4_5() {
    ProcessStatus status =
        parse("Name:\tapp\nVmSize:\t 2048 kB\nVmRSS:\t 1024 kB\nVmData:\t 512 kB\nThreads:\t1\n");
    assertEquals(1024L * 1024, status.rssBytes());
    assertNull(status.rssAnonBytes());
    assertNull(status.rssShmemBytes());
    assertEquals(0, status.swapBytes(), "no VmSwap line: nothing swapped");
  }

  @Test
  void hasNoStatusForAZombieWhichOwnsNoMemory() {
    assertNull(parse("Name:\tdefunct\nState:\tZ (zombie)\nThreads:\t1\n"));
    assertEquals(Map.of(), errors.snapshot());
  }

  @Test
  void skipsStatusCutShortInTheMiddleOfAFigure() {
    int cut = STATUS_5_15.indexOf("VmSwap:") + "VmSwap:\t    10".length();
    assertNull(parse(STATUS_5_15.substring(0, cut)), "1024 kB cut to '10' must not pass");
    assertEquals(Map.of(ReadErrors.MALFORMED, 1L), errors.snapshot());
  }

  @Test
  void skipsStatusWhoseFigureIsNotANumber() {
    assertNull(parse(STATUS_5_15.replace("VmSwap:\t    1024 kB", "VmSwap:\t   ?? kB")));
    assertNull(parse(STATUS_5_15.replace("1024 kB", "1024 MB")));
    assertNull(parse(STATUS_5_15.replace("622592 kB", "99999999999999999999 kB")));
    assertEquals(Map.of(ReadErrors.MALFORMED, 3L), errors.snapshot());
  }
}
