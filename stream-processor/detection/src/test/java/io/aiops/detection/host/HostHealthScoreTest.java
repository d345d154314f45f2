package io.aiops.detection.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HostHealthScoreTest extends HostFixtures {
  private static final long RAM = 16 * GIB;
  private static final double SWAP_WARNING = 0.0001 * RAM;
  private static final double SWAP_CRITICAL = 0.001 * RAM;

  private static HostRates quietRates() {
    return ratesOver(START_MS - STEP_MS, START_MS)
        .swapBytesPerSecond(0, 0)
        .fileRefaultBytesPerSecond(0)
        .directReclaim(0, 0, 0)
        .build();
  }

  @Test
  void scoresAnIdleHostAtLeastNinety() {
    HostHealthScore health = HostHealthScore.of(idleHost().build(), Optional.of(quietRates()));

    assertTrue(health.score() >= 90, health.toString());
    assertEquals(RiskLevel.OK, health.risk());
  }

  @Test
  void scoresAStallingSwappingHostCriticalWithPressureOnTop() {
    HostMemoryReading reading =
        idleHost().memory(RAM, 300 * MIB, 1300 * MIB).psi(50, 40, 8, 6).build();
    HostRates rates =
        ratesOver(START_MS - STEP_MS, START_MS)
            .swapBytesPerSecond(6 * MIB, 4 * MIB)
            .fileRefaultBytesPerSecond(2 * MIB)
            .build();

    HostHealthScore health = HostHealthScore.of(reading, Optional.of(rates));

    assertTrue(health.score() <= 40, health.toString());
    assertEquals(RiskLevel.CRITICAL, health.risk());
    assertEquals(HealthFactorKind.PRESSURE, health.topFactor().orElseThrow().kind());
    assertTrue(kinds(health).containsAll(List.of(HealthFactorKind.SWAP, HealthFactorKind.USAGE)));
  }

  @Test
  void scoresAStallingHostCriticalEvenBeforeItSwaps() {
    HostMemoryReading reading = idleHost().psi(50, 40, 0, 0).build();

    HostHealthScore health = HostHealthScore.of(reading, Optional.of(quietRates()));

    assertEquals(RiskLevel.CRITICAL, health.risk());
  }

  @Test
  void putsAFragmentedHostWithPlentyFreeInTheWarningBandWithCompactionAdvice() {
    HostMemoryReading reading =
        idleHost()
            .buddyinfo(
                zone(0, "DMA32", 900, 700, 500, 300, 200, 120, 80, 40, 20, 10, 200),
                zoneWithAllFreeAtOrder("Normal", 6 * GIB, 3))
            .build();

    HostHealthScore health = HostHealthScore.of(reading, Optional.of(quietRates()));

    assertEquals(RiskLevel.WARNING, health.risk());
    assertEquals(55, health.score());
    HealthFactor top = health.topFactor().orElseThrow();
    assertEquals(HealthFactorKind.FRAGMENTATION, top.kind());
    assertEquals(45, top.penaltyPoints());
    assertTrue(top.advice().contains("echo 1 > /proc/sys/vm/compact_memory"), top.advice());
    assertEquals(
        Severity.WARNING, FragmentationDetector.evaluate(reading).orElseThrow().severity());
  }

  @ParameterizedTest(name = "{0} at {1}")
  @CsvSource({
    "usage at 90 % used,            WARNING",
    "PSI some at 20 %,              WARNING",
    "PSI full at 5 %,               WARNING",
    "no PSI at 10 allocstalls/s,    WARNING",
    "swap storm warning rate,       WARNING",
    "no order-4 block,              WARNING",
    "usage at 97 % used,            CRITICAL",
    "PSI some at 40 %,              CRITICAL",
    "PSI full at 10 %,              CRITICAL",
    "no PSI at 100 allocstalls/s,   CRITICAL",
    "swap storm critical rate,      CRITICAL",
    "no order-3 block,              CRITICAL",
  })
  void putsOneFactorAtItsDetectorsLineInTheBandOfTheSameName(String line, RiskLevel expected) {
    HostHealthScore health = HostHealthScore.of(onlyAt(line));

    assertEquals(expected, health.risk(), health.toString());
    assertEquals(expected == RiskLevel.WARNING ? 55 : 35, health.score());
    assertEquals(1, health.factors().size());
  }

  @Test
  void putsWritebackAtTheFreerunCeilingOnWatchOnly() {
    HostHealthScore atCeiling = HostHealthScore.of(signals(0.5, 0, 0, 0, 0, 0, 0, 0, 0, 0.15));

    assertEquals(RiskLevel.WATCH, atCeiling.risk());
    assertEquals(HealthFactorKind.WRITEBACK, atCeiling.topFactor().orElseThrow().kind());
  }

  @Test
  void leavesFragmentationUnjudgedWhenNoZoneHasPlentyFree() {
    // 40 MiB free in order-0 pages only: exhaustion, which usage counts, not fragmentation.
    HostMemoryReading reading =
        idleHost().buddyinfo(zoneWithAllFreeAtOrder("Normal", 40 * MIB, 0)).build();

    HostHealthSignals signals = HostHealthSignals.from(reading, Optional.of(quietRates()));
    HealthFactor fragmentation =
        HostHealthScore.everyFactor(signals).get(HealthFactorKind.FRAGMENTATION.ordinal());

    assertTrue(Double.isNaN(signals.unusableFreeIndexOrder4()));
    assertEquals(0, fragmentation.penaltyPoints());
    assertTrue(fragmentation.observation().startsWith("not judged"), fragmentation.observation());
  }

  @Test
  void costsNothingForWhatIsNotKnownYet() {
    HostHealthScore firstReading =
        HostHealthScore.of(idleHost().noPsi().buddyinfo().build(), Optional.empty());

    assertEquals(100, firstReading.score());
    assertEquals(List.of(), firstReading.factors());
  }

  @Test
  void ranksFactorsWorstFirstAndTiesInFactorOrder() {
    // Usage 0.8 and PSI some 10 % both cost 25; refaults of 0.55 % of RAM a second cost 35.
    HostHealthScore health =
        HostHealthScore.of(signals(0.8, 10, 0, 0, 0, 0, 0, 0, 0.0055 * RAM, 0));

    assertEquals(
        List.of(HealthFactorKind.CACHE_REFAULTS, HealthFactorKind.USAGE, HealthFactorKind.PRESSURE),
        kinds(health));
    assertEquals(35, health.factors().get(0).penaltyPoints(), 1e-9);
    assertEquals(100 - 35 - 25 - 25, health.score());
  }

  @Test
  void listsEveryFactorInFactorOrderWithTheSamePenaltiesAsTheScore() {
    HostHealthSignals signals = signals(0.8, 10, 0, 0, 0, 0, 0, 0, 0.0055 * RAM, 0);

    List<HealthFactor> every = HostHealthScore.everyFactor(signals);

    assertEquals(
        List.of(HealthFactorKind.values()), every.stream().map(HealthFactor::kind).toList());
    assertEquals(
        HostHealthScore.of(signals).factors().stream()
            .mapToDouble(HealthFactor::penaltyPoints)
            .sum(),
        every.stream().mapToDouble(HealthFactor::penaltyPoints).sum(),
        1e-9);
    assertEquals(0, every.get(HealthFactorKind.SWAP.ordinal()).penaltyPoints());
  }

  @Test
  void givesEachFactorTheBandItWouldPutTheHostInAlone() {
    List<HealthFactor> every =
        HostHealthScore.everyFactor(
            signals(0.8, 20, 0, 0, SWAP_CRITICAL, SWAP_CRITICAL, 0, 0, 0, 0));

    assertEquals(RiskLevel.WATCH, every.get(HealthFactorKind.USAGE.ordinal()).risk());
    assertEquals(RiskLevel.WARNING, every.get(HealthFactorKind.PRESSURE.ordinal()).risk());
    assertEquals(RiskLevel.CRITICAL, every.get(HealthFactorKind.SWAP.ordinal()).risk());
    assertEquals(RiskLevel.OK, every.get(HealthFactorKind.WRITEBACK.ordinal()).risk());
  }

  @Test
  void floorsTheScoreAtZero() {
    HostHealthScore worst = HostHealthScore.of(signals(1, 100, 100, 0, 1e10, 1e10, 1, 1, 1e10, 1));

    assertEquals(0, worst.score());
    assertEquals(RiskLevel.CRITICAL, worst.risk());
    assertEquals(6, worst.factors().size());
  }

  private static HostHealthSignals onlyAt(String line) {
    return switch (line) {
      case "usage at 90 % used" -> signals(0.9, 0, 0, 0, 0, 0, 0, 0, 0, 0);
      case "usage at 97 % used" -> signals(0.97, 0, 0, 0, 0, 0, 0, 0, 0, 0);
      case "PSI some at 20 %" -> signals(0.5, 20, 0, 0, 0, 0, 0, 0, 0, 0);
      case "PSI some at 40 %" -> signals(0.5, 40, 0, 0, 0, 0, 0, 0, 0, 0);
      case "PSI full at 5 %" -> signals(0.5, 5, 5, 0, 0, 0, 0, 0, 0, 0);
      case "PSI full at 10 %" -> signals(0.5, 10, 10, 0, 0, 0, 0, 0, 0, 0);
      case "no PSI at 10 allocstalls/s" ->
          signals(0.5, Double.NaN, Double.NaN, 10, 0, 0, 0, 0, 0, 0);
      case "no PSI at 100 allocstalls/s" ->
          signals(0.5, Double.NaN, Double.NaN, 100, 0, 0, 0, 0, 0, 0);
      case "swap storm warning rate" ->
          signals(0.5, 0, 0, 0, SWAP_WARNING, SWAP_WARNING, 0, 0, 0, 0);
      case "swap storm critical rate" ->
          signals(0.5, 0, 0, 0, SWAP_CRITICAL, SWAP_CRITICAL, 0, 0, 0, 0);
      case "no order-4 block" -> signals(0.5, 0, 0, 0, 0, 0, 1, 0.4, 0, 0);
      case "no order-3 block" -> signals(0.5, 0, 0, 0, 0, 0, 1, 1, 0, 0);
      default -> throw new IllegalArgumentException(line);
    };
  }

  static HostHealthSignals signals(
      double used,
      double psiSome,
      double psiFull,
      double allocStalls,
      double swapIn,
      double swapOut,
      double unusable4,
      double unusable3,
      double refaultBytes,
      double dirtyShare) {
    return new HostHealthSignals(
        RAM,
        used,
        psiSome,
        psiFull,
        allocStalls,
        swapIn,
        swapOut,
        unusable4,
        unusable3,
        refaultBytes,
        dirtyShare);
  }

  private static List<HealthFactorKind> kinds(HostHealthScore health) {
    return health.factors().stream().map(HealthFactor::kind).toList();
  }
}
