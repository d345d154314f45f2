package io.aiops.detection.stl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Batch STL agrees with the reference implementations on every checked-in fixture.
 *
 * <p>Error measure: for each component, {@code max_i |java_i - reference_i| / max_i |reference_i|},
 * the largest error relative to that component's own scale (stricter for the small seasonal and
 * remainder than dividing by the series' level would be).
 *
 * <ul>
 *   <li>Non-robust fixtures from R's {@code stats::stl}: 1e-6 relative (measured: 0, the same bits,
 *       on all 11).
 *   <li>Robust fixtures: 1e-6 relative against statsmodels, whose robustness weights use the exact
 *       median, as ours do (measured at most 1.8e-10). R's robust output is checked too, but only
 *       to {@value #ROBUST_R_TOLERANCE} (measured 0 on co2, up to 1.2e-3 on memory48): R's partial
 *       sort ({@code psort}) sometimes picks a slightly wrong median of the absolute residuals,
 *       which shifts every robustness weight a little.
 * </ul>
 */
class StlReferenceTest {
  private static final double TOLERANCE = 1e-6;
  private static final double ROBUST_R_TOLERANCE = 5e-3;

  static Stream<StlFixture> nonRobustFromR() {
    return StlFixture.fromR().stream().filter(fixture -> !fixture.robust());
  }

  static Stream<StlFixture> robustFromStatsmodels() {
    return StlFixture.fromStatsmodels().stream();
  }

  static Stream<StlFixture> robustFromR() {
    return StlFixture.fromR().stream().filter(StlFixture::robust);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("nonRobustFromR")
  void matchesRWithoutRobustness(StlFixture fixture) {
    assertAgrees(fixture, TOLERANCE);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("robustFromStatsmodels")
  void matchesStatsmodelsWithRobustness(StlFixture fixture) {
    assertAgrees(fixture, TOLERANCE);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("robustFromR")
  void staysCloseToRsInexactMedianWithRobustness(StlFixture fixture) {
    assertAgrees(fixture, ROBUST_R_TOLERANCE);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("nonRobustFromR")
  void usesTheWindowsAndJumpsRReported(StlFixture fixture) {
    int n = fixture.x().length;
    assertEquals(fixture.seasonalWindowCycles(), fixture.settings().seasonalWindowCyclesFor(n));
    assertEquals(fixture.seasonalJumpCycles(), fixture.settings().seasonalJumpCyclesFor(n));
  }

  static void assertAgrees(StlFixture fixture, double tolerance) {
    StlResult result = new StlDecomposition(fixture.settings()).decompose(fixture.x());

    assertEquals(StlResult.Kind.SEASONAL_TREND, result.kind());
    List<String> failures =
        Stream.of(
                check("seasonal", result.seasonal(), fixture.seasonal(), tolerance),
                check("trend", result.trend(), fixture.trend(), tolerance),
                check("remainder", result.remainder(), fixture.remainder(), tolerance))
            .filter(failure -> !failure.isEmpty())
            .toList();
    assertTrue(failures.isEmpty(), fixture + ": " + failures);
  }

  /** Empty when within tolerance, else a description of the worst point. */
  private static String check(String component, double[] actual, double[] expected, double tol) {
    double error = StlErrors.maxRelativeError(actual, expected);
    return error <= tol ? "" : component + " max relative error " + error;
  }
}
