package io.aiops.detection.stl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class StlSettingsTest {

  static Stream<StlFixture> fixturesWithRDefaults() {
    return StlFixture.fromR().stream().filter(StlFixture::rDefaults);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("fixturesWithRDefaults")
  void derivesEveryDefaultAsRDoes(StlFixture fixture) {
    int period = fixture.settings().periodPoints();
    StlSettings derived =
        fixture.settings().periodic()
            ? StlSettings.periodic(period)
            : StlSettings.of(period, fixture.seasonalWindowCycles());

    assertEquals(fixture.settings(), derived);
  }

  @Test
  void derivesTheTrendWindowFromThePeriodAndSeasonalWindow() {
    // nextodd(ceiling(1.5 * 12 / (1 - 1.5 / 7))) = nextodd(23) and, for period 6, nextodd(12).
    assertEquals(23, StlSettings.of(12, 7).trendWindowPoints());
    assertEquals(13, StlSettings.of(6, 7).trendWindowPoints());
    // Periodic: 9 / (1 - tiny) rounds up to 10, then to the next odd.
    assertEquals(11, StlSettings.periodic(6).trendWindowPoints());
  }

  @Test
  void fixesAPeriodicSeasonalWindowPerSeriesAsRDoes() {
    StlSettings periodic = StlSettings.periodic(12);

    assertEquals(10 * 240 + 1, periodic.seasonalWindowCyclesFor(240));
    assertEquals(241, periodic.seasonalJumpCyclesFor(240));
    assertEquals(7, StlSettings.of(12, 7).seasonalWindowCyclesFor(240));
  }

  @Test
  void robustMeansOneInnerAndFifteenOuterPasses() {
    StlSettings robust = StlSettings.of(48, 7).robust();

    assertEquals(1, robust.innerIterations());
    assertEquals(15, robust.outerIterations());
  }

  @Test
  void roundsLikeRsNextOdd() {
    assertEquals(13, StlSettings.nextOdd(12));
    assertEquals(13, StlSettings.nextOdd(13));
    assertEquals(13, StlSettings.nextOdd(12.5)); // R rounds half to even: 12, then up to 13.
    assertEquals(15, StlSettings.nextOdd(13.5));
  }

  @Test
  void rejectsWhatStlCannotUse() {
    assertRejected(() -> StlSettings.of(1, 7), "periodPoints");
    assertRejected(() -> StlSettings.of(12, 8), "seasonalWindowCycles must be odd");
    assertRejected(() -> StlSettings.of(12, 1), "seasonalWindowCycles must be odd");
    assertRejected(() -> StlSettings.of(12, 7).withDegrees(2, 1, 1), "seasonalDegree");
    assertRejected(() -> StlSettings.of(12, 7).withJumps(1, 0, 1), "trendJumpPoints");
    assertRejected(() -> StlSettings.of(12, 7).withIterations(0, 0), "innerIterations");
    assertRejected(() -> StlSettings.periodic(12).withDegrees(1, 1, 1), "periodic seasonalDegree");
    assertRejected(() -> StlSettings.periodic(12).withJumps(1, 1, 1), "periodic seasonalJump");
  }

  private static void assertRejected(Runnable build, String expected) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, build::run);
    assertTrue(e.getMessage().contains(expected), e.getMessage());
  }
}
