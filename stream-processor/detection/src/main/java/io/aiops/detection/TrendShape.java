package io.aiops.detection;

/**
 * The trend shapes fitted together with the daily swing, each bending at one breakpoint. Fitting
 * the swing against a straight line alone would let a step or a warm-up leak into the swing and
 * come back, once the swing is removed, as a steady growth.
 */
enum TrendShape {
  /** Flat, then linear from the breakpoint: a leak with an onset (a line when it bends first). */
  RAMP {
    @Override
    double regressor(double time, double breakpoint, double end) {
      return Math.max(0, time - breakpoint);
    }
  },
  /** A one-off jump at the breakpoint: a deploy, a cache filled at once, a config change. */
  STEP {
    @Override
    double regressor(double time, double breakpoint, double end) {
      return time >= breakpoint ? 1 : 0;
    }
  },
  /** Linear up to the breakpoint, then flat: a warm-up that plateaus. */
  PLATEAU {
    @Override
    double regressor(double time, double breakpoint, double end) {
      return Math.min(time, breakpoint);
    }
  },
  /**
   * Flat, linear from the breakpoint to the end bend, then flat: a warm-up that starts inside the
   * window. Without it, a day and a bit of history lets the swing's harmonics bend such a rise and
   * plateau into a straight line.
   */
  RISE_THEN_PLATEAU {
    @Override
    double regressor(double time, double breakpoint, double end) {
      return Math.min(Math.max(0, time - breakpoint), end - breakpoint);
    }

    @Override
    boolean hasEndBend() {
      return true;
    }
  };

  // Each side of a bend needs two points, or the shape fits a single noisy sample.
  private static final int MIN_POINTS_PER_SIDE = 2;

  /**
   * The shape's value at {@code time}; its coefficient scales it. {@code end} is the second bend,
   * used only by shapes that {@link #hasEndBend()}.
   */
  abstract double regressor(double time, double breakpoint, double end);

  /** True for a shape that bends twice: at its breakpoint and at an end bend after it. */
  boolean hasEndBend() {
    return false;
  }

  /** First point index that may serve as this shape's breakpoint. */
  int firstBreakpoint() {
    return this == RAMP || this == RISE_THEN_PLATEAU ? 0 : MIN_POINTS_PER_SIDE;
  }

  /** Last point index that may serve as this shape's breakpoint among {@code n} points. */
  int lastBreakpoint(int n) {
    return switch (this) {
      case RAMP -> n - 1 - MIN_POINTS_PER_SIDE;
      case STEP -> n - MIN_POINTS_PER_SIDE;
      case PLATEAU -> n - 1;
      case RISE_THEN_PLATEAU -> n - 1 - 2 * MIN_POINTS_PER_SIDE;
    };
  }
}
