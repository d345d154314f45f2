package io.aiops.collector;

/**
 * A reference figure read just before and just after the figure under test: memory moves while
 * other processes run, so the figure must fall within the two, or within a tolerance of them.
 */
public record Bracket(long before, long after) {

  /** Relative distance of a figure from the range the two readings span (0 inside it). */
  public double deviation(long ours) {
    long low = Math.min(before, after);
    long high = Math.max(before, after);
    if (ours >= low && ours <= high) {
      return 0;
    }
    long nearest = ours < low ? low : high;
    if (nearest == 0) {
      return Double.POSITIVE_INFINITY;
    }
    return Math.abs(ours - nearest) / (double) nearest;
  }

  /** Relative difference from whichever reading is closer. */
  public double toNearer(long ours) {
    long nearer = Math.abs(ours - before) <= Math.abs(ours - after) ? before : after;
    if (nearer == 0) {
      return ours == 0 ? 0 : Double.POSITIVE_INFINITY;
    }
    return Math.abs(ours - nearer) / (double) nearer;
  }

  @Override
  public String toString() {
    return before == after ? Long.toString(before) : before + ".." + after;
  }
}
