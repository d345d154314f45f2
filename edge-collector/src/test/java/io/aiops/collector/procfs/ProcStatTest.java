package io.aiops.collector.procfs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ProcStatTest {
  private static final String TAIL =
      " S 1 4242 4242 0 -1 %d 18718 971522 0 27 9 12 11010 500 20 0 1 0 3731 5439488 1057"
          + " 18446744073709551615 0 0 0 0 0 0 65536 4 0 1 0 0 17 0 0 0 0 0 0\n";

  @Test
  void readsCommContainingSpacesAndParentheses() {
    ProcStat stat = ProcStat.parse("4242 (my (odd) app)" + String.format(TAIL, 4194560));
    assertEquals("my (odd) app", stat.comm());
    assertEquals(3731, stat.startTimeTicks());
    assertFalse(stat.kernelThread());
  }

  @Test
  void readsCommThatLooksLikeTheFieldsAfterIt() {
    ProcStat stat = ProcStat.parse("77 (x) S 1 2 3)" + String.format(TAIL, 4194560));
    assertEquals("x) S 1 2 3", stat.comm());
    assertEquals(3731, stat.startTimeTicks());
  }

  @Test
  void readsResidentPages() {
    assertEquals(1057, ProcStat.parse("4242 (app)" + String.format(TAIL, 4194560)).rssPages());
  }

  @Test
  void leavesResidentPagesUnknownWhenTheLineEndsBeforeThem() {
    ProcStat stat =
        ProcStat.parse(
            "4242 (app) S 1 4242 4242 0 -1 4194560 1 2 0 0 9 12 0 0 20 0 1 0 3731 5439\n");
    assertEquals(3731, stat.startTimeTicks());
    assertEquals(-1, stat.rssPages());
  }

  @Test
  void recognisesKernelThreadsByTheirFlag() {
    ProcStat stat = ProcStat.parse("2 (kthreadd)" + String.format(TAIL, 0x00208040));
    assertTrue(stat.kernelThread());
  }

  @Test
  void rejectsLineEndingBeforeTheStartTime() {
    assertThrows(IllegalArgumentException.class, () -> ProcStat.parse("4242 (app) S 1 2 3"));
  }

  @Test
  void rejectsLineCutShortInsideTheStartTime() {
    String full = "4242 (app)" + String.format(TAIL, 4194560);
    String cut = full.substring(0, full.indexOf(" 3731 ") + 3);
    assertThrows(IllegalArgumentException.class, () -> ProcStat.parse(cut));
  }

  @Test
  void rejectsLineWithoutComm() {
    assertThrows(IllegalArgumentException.class, () -> ProcStat.parse(""));
    assertThrows(IllegalArgumentException.class, () -> ProcStat.parse("4242 app S 1"));
  }

  @Test
  void rejectsFlagsThatAreNotANumber() {
    assertThrows(
        IllegalArgumentException.class,
        () -> ProcStat.parse("4242 (app)" + TAIL.replace("%d", "0x400")));
  }
}
