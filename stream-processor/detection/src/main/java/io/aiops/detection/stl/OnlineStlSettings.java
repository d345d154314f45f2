package io.aiops.detection.stl;

/**
 * Parameters of {@link OnlineStl}: the batch STL that initialises it and the per-point smoothing
 * factors that replace STL's LOESS windows afterwards.
 *
 * @param batch the batch STL run once on the warm-up points
 * @param warmUpPeriods whole periods buffered before the first decomposition (at least 3: STL needs
 *     more than two)
 * @param levelSmoothing weight of a new point in the trend level (Holt's alpha)
 * @param slopeSmoothing weight of a new level change in the trend slope (Holt's beta)
 * @param seasonalSmoothing weight of a new detrended point in its phase's seasonal (gamma)
 * @param seasonalSlopeSmoothing weight of a seasonal update in that phase's change per cycle, so a
 *     swing that grows or shrinks is followed without lag
 * @param scaleSmoothing weight of a new absolute remainder in the remainder scale
 * @param clipScales remainders beyond this many scales update the state as if they were this large
 *     (Huber's clipping), so a spike barely moves the trend and seasonal
 * @param shiftRunPoints this many consecutive clipped remainders of one sign are a level shift, not
 *     spikes: the level jumps by their mean
 * @param shiftRunCycles this many consecutive cycles with a clipped remainder of one sign at the
 *     same phase are a change of the seasonal: that phase's seasonal jumps by their mean
 */
public record OnlineStlSettings(
    StlSettings batch,
    int warmUpPeriods,
    double levelSmoothing,
    double slopeSmoothing,
    double seasonalSmoothing,
    double seasonalSlopeSmoothing,
    double scaleSmoothing,
    double clipScales,
    int shiftRunPoints,
    int shiftRunCycles) {

  public OnlineStlSettings {
    if (warmUpPeriods < 3) {
      throw new IllegalArgumentException("warmUpPeriods must be at least 3: " + warmUpPeriods);
    }
    requireFraction("levelSmoothing", levelSmoothing);
    requireFraction("slopeSmoothing", slopeSmoothing);
    requireFraction("seasonalSmoothing", seasonalSmoothing);
    if (!(seasonalSlopeSmoothing >= 0 && seasonalSlopeSmoothing <= 1)) {
      throw new IllegalArgumentException(
          "seasonalSlopeSmoothing must be in [0, 1]: " + seasonalSlopeSmoothing);
    }
    requireFraction("scaleSmoothing", scaleSmoothing);
    if (!(clipScales > 0)) {
      throw new IllegalArgumentException("clipScales must be positive: " + clipScales);
    }
    if (shiftRunPoints < 1 || shiftRunPoints > batch.periodPoints()) {
      throw new IllegalArgumentException(
          "shiftRunPoints must be in [1, period]: " + shiftRunPoints);
    }
    if (shiftRunCycles < 1) {
      throw new IllegalArgumentException("shiftRunCycles must be positive: " + shiftRunCycles);
    }
  }

  /**
   * Factors matched to a batch STL's windows. Exponential smoothing with weight {@code 2 / (N + 1)}
   * has the mean age of an N-point moving average; a centred LOESS window reaches half its width
   * into the past, so N is half the window: {@code n_t / 2} points for the trend level, {@code (n_s
   * + 1) / 2} cycles for each phase's seasonal. The slopes and the rest were tuned on the memory
   * fixtures and a generated swing growing 20 % in three weeks (see StlOnlineTest). Warm-up is
   * robust batch STL over {@code warmUpPeriods}; 4 or more, as with 3 the subseries have too few
   * points for robustness weights to single out a spike.
   */
  public static OnlineStlSettings matching(StlSettings batch, int warmUpPeriods) {
    int period = batch.periodPoints();
    double level = 2.0 / (batch.trendWindowPoints() / 2.0 + 1);
    // A periodic seasonal is meant not to change: remember about 20 cycles.
    int seasonalCycles = batch.periodic() ? 39 : batch.seasonalWindowCycles();
    return new OnlineStlSettings(
        batch.outerIterations() > 0 ? batch : batch.robust(),
        warmUpPeriods,
        level,
        // Slower than the level, as usual for Holt; 1/4 to 1 made little difference on fixtures.
        level / 4,
        2.0 / ((seasonalCycles + 1) / 2.0 + 1),
        // Follows a growing swing (RMS gap to batch about 1.1 -> 0.9 batch remainder SDs) at a
        // small
        // cost on a steady one (0.75 -> 0.81).
        0.15,
        // The remainder scale follows about one period.
        1.0 / period,
        3,
        // A shift is believed after about an hour of a daily period, 3 points at least.
        Math.min(period, Math.max(3, (period + 23) / 24)),
        3);
  }

  public int periodPoints() {
    return batch.periodPoints();
  }

  public int warmUpPoints() {
    return warmUpPeriods * batch.periodPoints();
  }

  private static void requireFraction(String name, double value) {
    if (!(value > 0 && value <= 1)) {
      throw new IllegalArgumentException(name + " must be in (0, 1]: " + value);
    }
  }
}
