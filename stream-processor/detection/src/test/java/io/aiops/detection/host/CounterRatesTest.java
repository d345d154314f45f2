package io.aiops.detection.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CounterRatesTest extends HostFixtures {
  private static final VmCounters BEFORE =
      new VmCounters(1_000L, 2_000L, 300L, 5_000L, null, 10_000L, 1_000L, 9_000L, 500L, 20L);
  // 60 s later: +6,000 pages in, +12,000 out, +600 major faults, +1,200 refaults, kswapd scanned
  // 30,000 and reclaimed 24,000, direct reclaim scanned 6,000 and reclaimed 1,200 in 120 stalls.
  private static final VmCounters AFTER =
      new VmCounters(7_000L, 14_000L, 900L, 6_200L, null, 40_000L, 7_000L, 33_000L, 1_700L, 140L);

  private final CounterRates rates = new CounterRates();

  @Test
  void turnsCounterDeltasIntoPerSecondRates() {
    HostRates r =
        between(
                idleHost().at(START_MS).vmstat(BEFORE),
                idleHost().at(START_MS + MINUTE_MS).vmstat(AFTER))
            .orElseThrow();

    assertEquals(START_MS, r.fromMs());
    assertEquals(START_MS + MINUTE_MS, r.toMs());
    assertEquals(60, r.intervalSeconds());
    assertEquals(100, r.swapInPagesPerSecond().getAsDouble(), 1e-9);
    assertEquals(200, r.swapOutPagesPerSecond().getAsDouble(), 1e-9);
    assertEquals(100 * PAGE_BYTES, r.swapInBytesPerSecond().getAsDouble(), 1e-6);
    assertEquals(200 * PAGE_BYTES, r.swapOutBytesPerSecond().getAsDouble(), 1e-6);
    assertEquals(10, r.majorFaultsPerSecond().getAsDouble(), 1e-9);
    assertEquals(20, r.fileRefaultsPerSecond().getAsDouble(), 1e-9);
    assertEquals(20 * PAGE_BYTES, r.fileRefaultBytesPerSecond().getAsDouble(), 1e-6);
    assertEquals(500, r.scanKswapdPagesPerSecond().getAsDouble(), 1e-9);
    assertEquals(100, r.scanDirectPagesPerSecond().getAsDouble(), 1e-9);
    assertEquals(400, r.stealKswapdPagesPerSecond().getAsDouble(), 1e-9);
    assertEquals(20, r.stealDirectPagesPerSecond().getAsDouble(), 1e-9);
    assertEquals(2, r.allocStallsPerSecond().getAsDouble(), 1e-9);
    // (24,000 + 1,200) reclaimed / (30,000 + 6,000) scanned
    assertEquals(0.7, r.reclaimEfficiency().getAsDouble(), 1e-9);
  }

  @Test
  void givesNoRatesAcrossACounterReset() {
    // A reboot restarts the counters: everything is lower; a rate would be hugely negative.
    VmCounters afterReboot = new VmCounters(0L, 0L, 12L, 40L, null, 0L, 0L, 0L, 0L, 0L);

    assertTrue(
        between(idleHost().vmstat(BEFORE), idleHost().at(START_MS + STEP_MS).vmstat(afterReboot))
            .isEmpty());
  }

  @Test
  void givesNoRatesWhenOnlyOneCounterWentBack() {
    VmCounters oneLower =
        new VmCounters(7_000L, 14_000L, 900L, 6_200L, null, 40_000L, 7_000L, 33_000L, 1_700L, 19L);

    assertTrue(
        between(idleHost().vmstat(BEFORE), idleHost().at(START_MS + STEP_MS).vmstat(oneLower))
            .isEmpty());
  }

  @Test
  void givesNoRatesAcrossANewBootIdEvenWhenCountersGrew() {
    // Long enough after the reboot that every counter passed its old value again.
    assertTrue(
        between(
                idleHost().bootId("boot-1").vmstat(BEFORE),
                idleHost().bootId("boot-2").at(START_MS + STEP_MS).vmstat(AFTER))
            .isEmpty());
  }

  @Test
  void acceptsReadingsWithoutBootId() {
    assertTrue(
        between(
                idleHost().bootId(null).vmstat(BEFORE),
                idleHost().bootId(null).at(START_MS + STEP_MS).vmstat(AFTER))
            .isPresent());
  }

  @Test
  void givesRatesUpToTheMaximumIntervalAndNoneBeyond() {
    long fiveMinutes = Duration.ofMinutes(5).toMillis();

    assertTrue(
        between(idleHost().vmstat(BEFORE), idleHost().at(START_MS + fiveMinutes).vmstat(AFTER))
            .isPresent());
    assertTrue(
        between(idleHost().vmstat(BEFORE), idleHost().at(START_MS + fiveMinutes + 1).vmstat(AFTER))
            .isEmpty());
  }

  @Test
  void honoursAConfiguredMaximumInterval() {
    CounterRates strict = new CounterRates(Duration.ofSeconds(30));

    assertTrue(
        strict
            .between(
                idleHost().vmstat(BEFORE).build(),
                idleHost().at(START_MS + 30_000).vmstat(AFTER).build())
            .isPresent());
    assertTrue(
        strict
            .between(
                idleHost().vmstat(BEFORE).build(),
                idleHost().at(START_MS + 30_001).vmstat(AFTER).build())
            .isEmpty());
    assertThrows(IllegalArgumentException.class, () -> new CounterRates(Duration.ZERO));
  }

  @Test
  void givesNoRatesForADuplicateOrOutOfOrderReading() {
    assertTrue(
        between(idleHost().at(START_MS).vmstat(BEFORE), idleHost().at(START_MS).vmstat(AFTER))
            .isEmpty());
    assertTrue(
        between(
                idleHost().at(START_MS).vmstat(BEFORE),
                idleHost().at(START_MS - STEP_MS).vmstat(AFTER))
            .isEmpty());
  }

  @Test
  void leavesACounterTheKernelDoesNotPrintWithoutARate() {
    VmCounters noSwapCounters =
        new VmCounters(null, null, 300L, 5_000L, null, 10_000L, 1_000L, 9_000L, 500L, 20L);

    HostRates r =
        between(
                idleHost().vmstat(noSwapCounters),
                idleHost().at(START_MS + MINUTE_MS).vmstat(AFTER))
            .orElseThrow();

    assertTrue(r.swapInPagesPerSecond().isEmpty());
    assertTrue(r.swapOutBytesPerSecond().isEmpty());
    assertEquals(10, r.majorFaultsPerSecond().getAsDouble(), 1e-9);
  }

  @Test
  void readsFileRefaultsFromTheCombinedCounterBeforeLinux59() {
    VmCounters old = new VmCounters(0L, 0L, 0L, null, 1_000L, 0L, 0L, 0L, 0L, 0L);
    VmCounters later = new VmCounters(0L, 0L, 0L, null, 4_000L, 0L, 0L, 0L, 0L, 0L);

    HostRates r =
        between(idleHost().vmstat(old), idleHost().at(START_MS + MINUTE_MS).vmstat(later))
            .orElseThrow();

    assertEquals(50, r.fileRefaultsPerSecond().getAsDouble(), 1e-9);
  }

  @Test
  void hasNoReclaimEfficiencyWhenNothingWasScanned() {
    HostRates r =
        between(idleHost().vmstat(BEFORE), idleHost().at(START_MS + MINUTE_MS).vmstat(BEFORE))
            .orElseThrow();

    assertFalse(r.reclaimEfficiency().isPresent());
    assertEquals(0, r.swapInPagesPerSecond().getAsDouble());
  }

  @Test
  void givesRatesForAHostWithoutVmstat() {
    HostRates r =
        between(idleHost().vmstat(null), idleHost().at(START_MS + MINUTE_MS).vmstat(null))
            .orElseThrow();

    assertTrue(r.allocStallsPerSecond().isEmpty());
    assertTrue(r.reclaimEfficiency().isEmpty());
  }

  private Optional<HostRates> between(ReadingBuilder previous, ReadingBuilder current) {
    return rates.between(previous.build(), current.build());
  }
}
