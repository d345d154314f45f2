package io.aiops.detection.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class SwapStormDetectorTest extends HostFixtures {
  private static final long RAM_16_GIB = 16 * GIB;
  // 0.01 % and 0.1 % of 16 GiB per second, above the 1 and 10 MiB/s floors.
  private static final double WARNING_16_GIB = 0.0001 * RAM_16_GIB;
  private static final double CRITICAL_16_GIB = 0.001 * RAM_16_GIB;

  @Test
  void warnsOnceSwappingBothWaysAtTheThresholdHeldTwoMinutes() {
    SwapStormDetector detector = new SwapStormDetector();

    Optional<HostFinding> afterNinetySeconds = swap(detector, 0, 3, WARNING_16_GIB, WARNING_16_GIB);
    HostFinding finding = swap(detector, 3, 1, WARNING_16_GIB, WARNING_16_GIB).orElseThrow();

    assertTrue(afterNinetySeconds.isEmpty());
    assertEquals(HostFindingKind.SWAP_STORM, finding.kind());
    assertEquals(Severity.WARNING, finding.severity());
    assertEquals(0.5, finding.score(), 1e-9);
    assertEquals(120, finding.evidence().get("sustained_seconds"));
    assertEquals(WARNING_16_GIB, finding.evidence().get("warning_threshold_bytes_per_second"), 1);
    assertEquals(
        WARNING_16_GIB / PAGE_BYTES, finding.evidence().get("swap_in_pages_per_second"), 1e-6);
    assertTrue(
        finding.summary().startsWith("swap storm: 1.6 MiB/s in and 1.6 MiB/s out"),
        finding.summary());
  }

  @Test
  void staysQuietJustBelowTheThreshold() {
    SwapStormDetector detector = new SwapStormDetector();

    assertTrue(swap(detector, 0, 20, 0.99 * WARNING_16_GIB, 0.99 * WARNING_16_GIB).isEmpty());
  }

  @Test
  void staysQuietWhenPagesOnlyGoOutOrOnlyComeBack() {
    // kswapd parking cold anon pages, and pages faulting back after an earlier squeeze.
    assertTrue(swap(new SwapStormDetector(), 0, 20, 0, 50 * MIB).isEmpty());
    assertTrue(swap(new SwapStormDetector(), 0, 20, 50 * MIB, 0).isEmpty());
  }

  @Test
  void turnsCriticalWhenTheCriticalRateItselfHeldTwoMinutes() {
    SwapStormDetector detector = new SwapStormDetector();
    swap(detector, 0, 4, WARNING_16_GIB, WARNING_16_GIB);

    HostFinding warming = swap(detector, 4, 3, CRITICAL_16_GIB, CRITICAL_16_GIB).orElseThrow();
    HostFinding critical =
        observe(
                detector,
                ratesOver(at(7), at(8))
                    .swapBytesPerSecond(CRITICAL_16_GIB, 2 * CRITICAL_16_GIB)
                    .majorFaultsPerSecond(3500))
            .orElseThrow();

    assertEquals(Severity.WARNING, warming.severity());
    assertEquals(Severity.CRITICAL, critical.severity());
    assertEquals(1.0, critical.score(), 1e-9);
    assertEquals(120, critical.evidence().get("sustained_seconds"));
    assertEquals(3500, critical.evidence().get("major_faults_per_second"));
    assertTrue(critical.summary().endsWith("; 3500 major faults/s"), critical.summary());
  }

  @Test
  void scalesTheThresholdWithRamAboveTheOneMebibyteFloor() {
    double fiveMibPerSecond = 5 * MIB;

    // 0.01 % of 256 GiB is 26.8 MiB/s; of 512 MiB it is 52 KiB/s, so the 1 MiB/s floor applies.
    assertTrue(
        swap(new SwapStormDetector(), 0, 8, fiveMibPerSecond, fiveMibPerSecond, 256 * GIB)
            .isEmpty());
    assertTrue(
        swap(new SwapStormDetector(), 0, 8, fiveMibPerSecond, fiveMibPerSecond, RAM_16_GIB)
            .isPresent());
    assertTrue(swap(new SwapStormDetector(), 0, 8, MIB, MIB, 512 * MIB).isPresent());
    assertTrue(swap(new SwapStormDetector(), 0, 8, MIB - 1, MIB - 1, 512 * MIB).isEmpty());
  }

  @Test
  void startsCountingAgainAfterAMissingInterval() {
    SwapStormDetector detector = new SwapStormDetector();
    swap(detector, 0, 3, WARNING_16_GIB, WARNING_16_GIB);

    // The interval from step 3 to 4 was refused (a gap in the samples): steps 4..7 are 90 s only.
    assertTrue(swap(detector, 4, 3, WARNING_16_GIB, WARNING_16_GIB).isEmpty());
    assertTrue(swap(detector, 7, 1, WARNING_16_GIB, WARNING_16_GIB).isPresent());
  }

  @Test
  void resumesFromASavedState() {
    SwapStormDetector before = new SwapStormDetector();
    swap(before, 0, 3, WARNING_16_GIB, WARNING_16_GIB);

    SwapStormDetector after = new SwapStormDetector(before.state());

    assertTrue(swap(after, 3, 1, WARNING_16_GIB, WARNING_16_GIB).isPresent());
  }

  @Test
  void staysQuietWithoutSwapCounters() {
    SwapStormDetector detector = new SwapStormDetector();
    Optional<HostFinding> last = Optional.empty();
    for (int step = 0; step < 10; step++) {
      last = observe(detector, ratesOver(at(step), at(step + 1)).majorFaultsPerSecond(5000));
    }

    assertTrue(last.isEmpty());
  }

  private static long at(int step) {
    return START_MS + step * STEP_MS;
  }

  /** {@code steps} contiguous 30 s intervals from {@code firstStep}; the last interval's result. */
  private static Optional<HostFinding> swap(
      SwapStormDetector detector, int firstStep, int steps, double in, double out) {
    return swap(detector, firstStep, steps, in, out, RAM_16_GIB);
  }

  private static Optional<HostFinding> swap(
      SwapStormDetector detector, int firstStep, int steps, double in, double out, long ram) {
    Optional<HostFinding> last = Optional.empty();
    for (int step = firstStep; step < firstStep + steps; step++) {
      last =
          detector.observe(
              ratesOver(at(step), at(step + 1)).swapBytesPerSecond(in, out).build(), ram);
    }
    return last;
  }

  private static Optional<HostFinding> observe(SwapStormDetector detector, RatesBuilder rates) {
    return detector.observe(rates.build(), RAM_16_GIB);
  }
}
