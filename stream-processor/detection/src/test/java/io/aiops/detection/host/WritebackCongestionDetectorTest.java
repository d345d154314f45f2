package io.aiops.detection.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class WritebackCongestionDetectorTest extends HostFixtures {
  // Dirtyable memory: 6 GiB free + 2 GiB active + 2 GiB inactive file = 10 GiB.
  private static final long FIFTEEN_PERCENT = 1536 * MIB;
  private static final long TWENTY_PERCENT = 2 * GIB;

  private static ReadingBuilder hostWithDirty(long dirtyAndWriteback, int step) {
    return idleHost()
        .at(START_MS + step * STEP_MS)
        .memory(16 * GIB, 6 * GIB, 10 * GIB)
        .fileCache(2 * GIB, 2 * GIB, 0)
        .dirty(dirtyAndWriteback - 512 * MIB, 512 * MIB);
  }

  @Test
  void warnsWhenDirtyPagesStayAtTheFreerunCeilingForTwoMinutes() {
    WritebackCongestionDetector detector = new WritebackCongestionDetector();

    Optional<HostFinding> afterNinetySeconds = observe(detector, FIFTEEN_PERCENT, 0, 4);
    HostFinding finding = observe(detector, FIFTEEN_PERCENT, 4, 1).orElseThrow();

    assertTrue(afterNinetySeconds.isEmpty());
    assertEquals(HostFindingKind.WRITEBACK_CONGESTION, finding.kind());
    assertEquals(Severity.WARNING, finding.severity());
    assertEquals(0.5, finding.score(), 1e-9);
    assertEquals(0.15, finding.evidence().get("dirty_share_ratio"), 1e-12);
    assertEquals(10.0 * GIB, finding.evidence().get("dirtyable_bytes"));
    assertEquals(512.0 * MIB, finding.evidence().get("writeback_bytes"));
    assertEquals(120, finding.evidence().get("sustained_seconds"));
  }

  @Test
  void staysQuietJustBelowTheCeiling() {
    assertTrue(
        observe(new WritebackCongestionDetector(), FIFTEEN_PERCENT - PAGE_BYTES, 0, 20).isEmpty());
  }

  @Test
  void turnsCriticalAtTheDirtyRatioHeldTwoMinutes() {
    HostFinding finding =
        observe(new WritebackCongestionDetector(), TWENTY_PERCENT, 0, 5).orElseThrow();

    assertEquals(Severity.CRITICAL, finding.severity());
    assertEquals(1.0, finding.score(), 1e-9);
  }

  @Test
  void startsOverAfterAGapOfMoreThanFiveMinutes() {
    WritebackCongestionDetector detector = new WritebackCongestionDetector();
    observe(detector, FIFTEEN_PERCENT, 0, 4);

    // Next reading 11 steps (5.5 min) after the last.
    assertTrue(observe(detector, FIFTEEN_PERCENT, 14, 4).isEmpty());
    assertTrue(observe(detector, FIFTEEN_PERCENT, 18, 1).isPresent());
  }

  @Test
  void startsOverWhenTheDirtyShareDipsBelowTheCeiling() {
    WritebackCongestionDetector detector = new WritebackCongestionDetector();
    observe(detector, FIFTEEN_PERCENT, 0, 4);
    observe(detector, FIFTEEN_PERCENT / 2, 4, 1);

    assertTrue(observe(detector, FIFTEEN_PERCENT, 5, 4).isEmpty());
  }

  @Test
  void resumesFromASavedState() {
    WritebackCongestionDetector before = new WritebackCongestionDetector();
    observe(before, FIFTEEN_PERCENT, 0, 4);

    assertTrue(
        observe(new WritebackCongestionDetector(before.state()), FIFTEEN_PERCENT, 4, 1)
            .isPresent());
  }

  private static Optional<HostFinding> observe(
      WritebackCongestionDetector detector, long dirtyAndWriteback, int firstStep, int readings) {
    Optional<HostFinding> last = Optional.empty();
    for (int step = firstStep; step < firstStep + readings; step++) {
      last = detector.observe(hostWithDirty(dirtyAndWriteback, step).build());
    }
    return last;
  }
}
