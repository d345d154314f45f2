package io.aiops.collector.procfs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.aiops.collector.RecordedHosts;
import java.io.IOException;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SmapsRollupTest {
  private final ReadErrors errors = new ReadErrors();
  private final ProcFileBuffer buffer = new ProcFileBuffer();

  private SmapsRollup recorded(String tree, int pid) throws IOException {
    buffer.read(RecordedHosts.proc(tree).resolve(pid + "/smaps_rollup"));
    return new SmapsRollup.Parser().parse(buffer.bytes(), buffer.length(), errors);
  }

  private SmapsRollup parse(String text) {
    byte[] bytes = text.getBytes();
    return new SmapsRollup.Parser().parse(bytes, bytes.length, errors);
  }

  @Test
  void readsPssSplitByPageTypeOnKernels5_8AndLater() throws IOException {
    SmapsRollup rollup = recorded(RecordedHosts.KERNEL_6_1_HYBRID, 4242);
    assertEquals(510976L * 1024, rollup.pssBytes());
    assertEquals(491520L * 1024, rollup.pssAnonBytes());
    assertEquals(19456L * 1024, rollup.pssFileBytes());
    assertEquals(0L, rollup.pssShmemBytes());
    assertEquals(2048L * 1024, rollup.swapBytes());
    assertEquals(2048L * 1024, rollup.swapPssBytes());
    assertEquals(489472L * 1024, rollup.privateDirtyBytes(), "not Pss_Dirty, which 6.0 added");
  }

  @Test
  void leavesPssSplitNullOnKernels4_14To5_7() throws IOException {
    SmapsRollup rollup = recorded(RecordedHosts.KERNEL_4_18_ARM64_NO_PSI, 3300);
    assertEquals(2600000L * 1024, rollup.pssBytes());
    assertNull(rollup.pssAnonBytes());
    assertNull(rollup.pssFileBytes());
    assertEquals(1024L * 1024, rollup.swapBytes());
    assertEquals(Map.of(), errors.snapshot());
  }

  @Test
  void hasNoRollupWhenTheProcessLostItsMemoryBetweenOpenAndRead() {
    assertNull(parse(""));
    assertEquals(Map.of(), errors.snapshot());
  }

  @Test
  void countsRollupCutShortAsMalformed() {
    assertNull(parse("00-ff ---p 00000000 00:00 0   [rollup]\nRss:   100 kB\nPss:    5"));
    assertEquals(Map.of(ReadErrors.MALFORMED, 1L), errors.snapshot());
  }
}
