package io.aiops.detection.stl;

/** Error measures shared by the STL tests. */
final class StlErrors {
  private StlErrors() {}

  /** {@code max |actual - expected| / max |expected|}. */
  static double maxRelativeError(double[] actual, double[] expected) {
    if (actual.length != expected.length) {
      throw new AssertionError("lengths differ: " + actual.length + " vs " + expected.length);
    }
    double scale = 0;
    double worst = 0;
    for (int i = 0; i < expected.length; i++) {
      scale = Math.max(scale, Math.abs(expected[i]));
      worst = Math.max(worst, Math.abs(actual[i] - expected[i]));
    }
    if (scale == 0) {
      throw new AssertionError("reference component is all zeros");
    }
    return worst / scale;
  }
}
