package io.aiops.detection.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MemoryPressureDetectorTest extends HostFixtures {

  @ParameterizedTest(name = "some {0}/{1} full {2}/{3} -> {4}")
  @CsvSource({
    // some avg10, some avg60, full avg10, full avg60, expected
    "19.9, 19.9, 0,   0,   none",
    "20,   10,   0,   0,   WARNING",
    "35,   30,   4,   4,   WARNING",
    "20,   9.9,  0,   0,   none", // a burst: avg60 has not caught up
    "39.9, 39.9, 9.9, 9.9, WARNING",
    "40,   20,   0,   0,   CRITICAL",
    "40,   19.9, 0,   0,   WARNING", // persistent at warning level only
    "12,   12,   10,  5,   CRITICAL", // full stalls alone are critical
    "12,   12,   10,  4.9, none",
    "5,    30,   0,   0,   none", // avg10 fell: the pressure is over
  })
  void judgesPsiByTheTenSecondAverageWithTheMinuteAverageForPersistence(
      double some10, double some60, double full10, double full60, String expected) {
    HostMemoryReading reading = idleHost().psi(some10, some60, full10, full60).build();

    Optional<HostFinding> finding = new MemoryPressureDetector().observe(reading, Optional.empty());

    assertEquals(expected, finding.map(f -> f.severity().name()).orElse("none"));
  }

  @Test
  void reportsThePsiFiguresAndScoresHalfOnTheWarningLine() {
    HostMemoryReading reading = idleHost().psi(20, 15, 1, 0.5).build();

    HostFinding finding =
        new MemoryPressureDetector().observe(reading, Optional.empty()).orElseThrow();

    assertEquals(HostFindingKind.MEMORY_PRESSURE, finding.kind());
    assertEquals(0.5, finding.score(), 1e-9);
    assertEquals(1.0, finding.evidence().get("psi_available"));
    assertEquals(20, finding.evidence().get("psi_some_avg10_pct"));
    assertEquals(15, finding.evidence().get("psi_some_avg60_pct"));
    assertEquals(0.5, finding.evidence().get("psi_full_avg60_pct"));
  }

  @Test
  void scoresOneAtTheCriticalLine() {
    HostMemoryReading reading = idleHost().psi(40, 30, 2, 1).build();

    assertEquals(
        1.0,
        new MemoryPressureDetector().observe(reading, Optional.empty()).orElseThrow().score(),
        1e-9);
  }

  @Test
  void withoutPsiWarnsOnDirectReclaimStallsHeldAMinuteAndSaysSo() {
    MemoryPressureDetector detector = new MemoryPressureDetector();
    // 10 stalls/s, direct reclaim freeing 60 % of what it scans.
    Optional<HostFinding> afterThirtySeconds = reclaim(detector, 0, 1, 10, 1000, 600);
    HostFinding finding = reclaim(detector, 1, 1, 10, 1000, 600).orElseThrow();

    assertTrue(afterThirtySeconds.isEmpty());
    assertEquals(Severity.WARNING, finding.severity());
    assertEquals(0.0, finding.evidence().get("psi_available"));
    assertEquals(10, finding.evidence().get("allocstalls_per_second"));
    assertEquals(0.6, finding.evidence().get("reclaim_efficiency_ratio"), 1e-9);
    assertEquals(1000, finding.evidence().get("direct_scan_pages_per_second"));
    assertEquals(60, finding.evidence().get("sustained_seconds"));
    assertTrue(finding.summary().contains("no PSI on this kernel"), finding.summary());
  }

  @Test
  void withoutPsiStaysQuietBelowTenStallsASecond() {
    assertTrue(reclaim(new MemoryPressureDetector(), 0, 20, 9.9, 1000, 100).isEmpty());
  }

  @Test
  void withoutPsiTurnsCriticalWhenReclaimFreesLittleOfWhatItScans() {
    MemoryPressureDetector detector = new MemoryPressureDetector();

    HostFinding wasteful = reclaim(detector, 0, 2, 10, 1000, 299).orElseThrow();
    HostFinding efficientEnough =
        reclaim(new MemoryPressureDetector(), 0, 2, 10, 1000, 300).orElseThrow();

    assertEquals(Severity.CRITICAL, wasteful.severity());
    assertEquals(1.0, wasteful.score());
    assertEquals(Severity.WARNING, efficientEnough.severity());
  }

  @Test
  void withoutPsiOrVmstatGivesNoVerdict() {
    MemoryPressureDetector detector = new MemoryPressureDetector();
    HostMemoryReading reading = idleHost().noPsi().vmstat(null).build();
    HostRates unknown = ratesOver(START_MS, START_MS + MINUTE_MS).build();

    assertTrue(detector.observe(reading, Optional.of(unknown)).isEmpty());
    assertTrue(detector.observe(reading, Optional.empty()).isEmpty());
  }

  @Test
  void withoutPsiStartsOverWhenRatesAreMissing() {
    MemoryPressureDetector detector = new MemoryPressureDetector();
    reclaim(detector, 0, 1, 50, 1000, 600);
    detector.observe(idleHost().noPsi().build(), Optional.empty());

    assertTrue(reclaim(detector, 2, 1, 50, 1000, 600).isEmpty());
    assertTrue(reclaim(detector, 3, 1, 50, 1000, 600).isPresent());
  }

  @Test
  void withoutPsiResumesFromASavedState() {
    MemoryPressureDetector before = new MemoryPressureDetector();
    reclaim(before, 0, 1, 10, 1000, 600);

    MemoryPressureDetector after = new MemoryPressureDetector(before.state());

    assertTrue(reclaim(after, 1, 1, 10, 1000, 600).isPresent());
    assertFalse(before.state().equals(SustainedSeverity.NONE));
  }

  /** {@code steps} contiguous 30 s intervals of direct reclaim on a host without PSI. */
  private static Optional<HostFinding> reclaim(
      MemoryPressureDetector detector,
      int firstStep,
      int steps,
      double stalls,
      double scanned,
      double stolen) {
    Optional<HostFinding> last = Optional.empty();
    for (int step = firstStep; step < firstStep + steps; step++) {
      long to = START_MS + (step + 1) * STEP_MS;
      HostRates rates = ratesOver(to - STEP_MS, to).directReclaim(stalls, scanned, stolen).build();
      last = detector.observe(idleHost().noPsi().at(to).build(), Optional.of(rates));
    }
    return last;
  }
}
