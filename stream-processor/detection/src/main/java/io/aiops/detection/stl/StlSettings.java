package io.aiops.detection.stl;

/**
 * Parameters of an STL decomposition, with R's {@code stats::stl} names and defaults (Cleveland et
 * al. 1990, section 3.5 and table of section 4).
 *
 * <p>The seasonal window and jump count cycles (one point per cycle in a cycle-subseries); the
 * trend and low-pass windows count points. With {@link #periodic}, the seasonal window and jump are
 * fixed per series as R does ({@code 10 n + 1} and {@code n + 1}) and held here as 0.
 *
 * @param periodPoints n_p, points per seasonal cycle (R's {@code frequency})
 * @param periodic R's {@code s.window = "periodic"}: the seasonal is averaged to repeat exactly
 * @param seasonalWindowCycles n_s ({@code s.window}), odd
 * @param seasonalDegree {@code s.degree}, 0 or 1
 * @param seasonalJumpCycles {@code s.jump}
 * @param trendWindowPoints n_t ({@code t.window}), odd
 * @param trendDegree {@code t.degree}, 0 or 1
 * @param trendJumpPoints {@code t.jump}
 * @param lowPassWindowPoints n_l ({@code l.window}), odd
 * @param lowPassDegree {@code l.degree}, 0 or 1
 * @param lowPassJumpPoints {@code l.jump}
 * @param innerIterations n_i ({@code inner})
 * @param outerIterations n_o ({@code outer}), robustness iterations
 */
public record StlSettings(
    int periodPoints,
    boolean periodic,
    int seasonalWindowCycles,
    int seasonalDegree,
    int seasonalJumpCycles,
    int trendWindowPoints,
    int trendDegree,
    int trendJumpPoints,
    int lowPassWindowPoints,
    int lowPassDegree,
    int lowPassJumpPoints,
    int innerIterations,
    int outerIterations) {

  public StlSettings {
    require(periodPoints >= 2, "periodPoints must be at least 2", periodPoints);
    if (periodic) {
      require(seasonalWindowCycles == 0, "periodic seasonalWindowCycles is set per series", 0);
      require(seasonalJumpCycles == 0, "periodic seasonalJumpCycles is set per series", 0);
      require(seasonalDegree == 0, "periodic seasonalDegree must be 0", seasonalDegree);
    } else {
      requireOddWindow("seasonalWindowCycles", seasonalWindowCycles);
      require(seasonalJumpCycles >= 1, "seasonalJumpCycles must be positive", seasonalJumpCycles);
    }
    requireOddWindow("trendWindowPoints", trendWindowPoints);
    requireOddWindow("lowPassWindowPoints", lowPassWindowPoints);
    require(trendJumpPoints >= 1, "trendJumpPoints must be positive", trendJumpPoints);
    require(lowPassJumpPoints >= 1, "lowPassJumpPoints must be positive", lowPassJumpPoints);
    requireDegree("seasonalDegree", seasonalDegree);
    requireDegree("trendDegree", trendDegree);
    requireDegree("lowPassDegree", lowPassDegree);
    require(innerIterations >= 1, "innerIterations must be positive", innerIterations);
    require(outerIterations >= 0, "outerIterations must not be negative", outerIterations);
  }

  /** R's {@code stl(x, s.window = seasonalWindowCycles)}: every other parameter its default. */
  public static StlSettings of(int periodPoints, int seasonalWindowCycles) {
    requireOddWindow("seasonalWindowCycles", seasonalWindowCycles);
    return withRDefaults(periodPoints, false, seasonalWindowCycles, seasonalWindowCycles);
  }

  /** R's {@code stl(x, s.window = "periodic")}. */
  public static StlSettings periodic(int periodPoints) {
    require(periodPoints >= 2, "periodPoints must be at least 2", periodPoints);
    // R derives t.window from s.window = 10 n + 1; for every admissible n (> 2 periods) that
    // gives the same value, so the shortest admissible series stands in for all.
    int shortestSeries = 2 * periodPoints + 1;
    return withRDefaults(periodPoints, true, 0, 10 * shortestSeries + 1);
  }

  private static StlSettings withRDefaults(
      int periodPoints, boolean periodic, int seasonalWindowCycles, int windowForTrend) {
    int trendWindow = nextOdd(Math.ceil(1.5 * periodPoints / (1 - 1.5 / windowForTrend)));
    int lowPassWindow = nextOdd(periodPoints);
    return new StlSettings(
        periodPoints,
        periodic,
        seasonalWindowCycles,
        0,
        periodic ? 0 : tenthRoundedUp(seasonalWindowCycles),
        trendWindow,
        1,
        tenthRoundedUp(trendWindow),
        lowPassWindow,
        1,
        tenthRoundedUp(lowPassWindow),
        2,
        0);
  }

  /** R's {@code robust = TRUE}: one inner pass per robustness pass, 15 robustness passes. */
  public StlSettings robust() {
    return withIterations(1, 15);
  }

  public StlSettings withIterations(int inner, int outer) {
    return new StlSettings(
        periodPoints,
        periodic,
        seasonalWindowCycles,
        seasonalDegree,
        seasonalJumpCycles,
        trendWindowPoints,
        trendDegree,
        trendJumpPoints,
        lowPassWindowPoints,
        lowPassDegree,
        lowPassJumpPoints,
        inner,
        outer);
  }

  /** Local degrees; R's default low-pass degree is the trend degree. */
  public StlSettings withDegrees(int seasonal, int trend, int lowPass) {
    return new StlSettings(
        periodPoints,
        periodic,
        seasonalWindowCycles,
        seasonal,
        seasonalJumpCycles,
        trendWindowPoints,
        trend,
        trendJumpPoints,
        lowPassWindowPoints,
        lowPass,
        lowPassJumpPoints,
        innerIterations,
        outerIterations);
  }

  /**
   * Jumps; 1 everywhere fits every point (slowest, no interpolation). A periodic seasonal's jump is
   * set per series, so pass 0 for it.
   */
  public StlSettings withJumps(int seasonalCycles, int trendPoints, int lowPassPoints) {
    return new StlSettings(
        periodPoints,
        periodic,
        seasonalWindowCycles,
        seasonalDegree,
        seasonalCycles,
        trendWindowPoints,
        trendDegree,
        trendPoints,
        lowPassWindowPoints,
        lowPassDegree,
        lowPassPoints,
        innerIterations,
        outerIterations);
  }

  /** R refuses series of two periods or less: the subseries would have two points. */
  public int minimumSeriesLength() {
    return 2 * periodPoints + 1;
  }

  /** The seasonal window used on a series of {@code n} points. */
  public int seasonalWindowCyclesFor(int n) {
    return periodic ? 10 * n + 1 : seasonalWindowCycles;
  }

  /** The seasonal jump used on a series of {@code n} points (R's lazy ceiling(s.window / 10)). */
  public int seasonalJumpCyclesFor(int n) {
    return periodic ? tenthRoundedUp(10 * n + 1) : seasonalJumpCycles;
  }

  /** R's {@code nextodd}: round, then up to the next odd number when even. */
  static int nextOdd(double x) {
    long rounded = (long) Math.rint(x);
    return (int) (rounded % 2 == 0 ? rounded + 1 : rounded);
  }

  private static int tenthRoundedUp(int window) {
    return (int) Math.ceil(window / 10.0);
  }

  private static void requireOddWindow(String name, int window) {
    require(window >= 3 && window % 2 == 1, name + " must be odd and at least 3", window);
  }

  private static void requireDegree(String name, int degree) {
    require(degree == 0 || degree == 1, name + " must be 0 or 1", degree);
  }

  private static void require(boolean condition, String rule, int value) {
    if (!condition) {
      throw new IllegalArgumentException("invalid STL settings: " + rule + ": " + value);
    }
  }
}
