package io.aiops.detection.stl;

/**
 * Runs of consecutive same-sign outliers on independent tracks, telling {@link OnlineStl} when a
 * deviation persists long enough to be a shift rather than spikes: one track for the level (runs of
 * points), one per phase for the seasonal (runs of cycles). O(tracks) state.
 */
final class OutlierRuns {
  private final int runToShift;
  private final int[] lengths;
  private final double[] sums;

  OutlierRuns(int tracks, int runToShift) {
    this.runToShift = runToShift;
    this.lengths = new int[tracks];
    this.sums = new double[tracks];
  }

  /**
   * Records a remainder on a track; returns the shift to apply, the run's mean, when this outlier
   * completes a run of {@code runToShift} of one sign, else 0. Within {@code limit}, or of the
   * other sign, it ends the current run.
   */
  double observe(int track, double remainder, double limit) {
    boolean outlier = Math.abs(remainder) > limit;
    if (!outlier || (lengths[track] > 0 && Math.signum(sums[track]) != Math.signum(remainder))) {
      lengths[track] = 0;
      sums[track] = 0;
    }
    if (!outlier) {
      return 0;
    }
    lengths[track]++;
    sums[track] += remainder;
    if (lengths[track] < runToShift) {
      return 0;
    }
    double shift = sums[track] / lengths[track];
    lengths[track] = 0;
    sums[track] = 0;
    return shift;
  }

  int tracks() {
    return lengths.length;
  }

  int length(int track) {
    return lengths[track];
  }

  double sum(int track) {
    return sums[track];
  }

  /** Restores a track from its serialised form; a complete run cannot be pending. */
  void restore(int track, int length, double sum) {
    if (length < 0 || length >= runToShift || !Double.isFinite(sum)) {
      throw new IllegalArgumentException("outlier run out of range: " + length + ", " + sum);
    }
    lengths[track] = length;
    sums[track] = sum;
  }
}
