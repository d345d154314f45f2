package io.aiops.detection.stl;

/**
 * LOESS smoothing of an equally spaced series with the tri-cube kernel, local degree 0 or 1 and
 * optional robustness weights: R's {@code stless} and {@code stlest} (Cleveland et al. 1990,
 * section 2), including their "jump" shortcut of fitting every {@code jump}-th point and
 * interpolating linearly between fits.
 *
 * <p>Positions are 1-based in the arithmetic, exactly as in the Fortran, so the floating-point
 * operations (and so the results, to the last few bits) are R's.
 */
final class Loess {
  // stl.f writes these thresholds as single-precision literals (.999, .001); their double values
  // are what R compares against.
  private static final double NEAR_EDGE = 0.999f;
  private static final double NEAR_CENTRE = 0.001f;
  private static final double FLAT_SPREAD = 0.001f;

  private final int windowPoints;
  private final int degree;
  private final int jumpPoints;

  Loess(int windowPoints, int degree, int jumpPoints) {
    this.windowPoints = windowPoints;
    this.degree = degree;
    this.jumpPoints = jumpPoints;
  }

  /**
   * Smooths {@code y[0, n)} into {@code out[offset, offset + n)} ({@code stless}); {@code
   * robustness} is null for none. {@code kernel} is scratch of at least {@code n} entries.
   */
  void smooth(double[] y, int n, double[] robustness, double[] out, int offset, double[] kernel) {
    if (n < 2) {
      out[offset] = y[0];
      return;
    }
    int jump = Math.min(jumpPoints, n - 1);
    int half = (windowPoints + 1) / 2;
    int left = 1;
    int right = n;
    if (windowPoints >= n) {
      for (int i = 1; i <= n; i += jump) {
        out[offset + i - 1] = fitOrKeep(y, n, i, left, right, robustness, kernel);
      }
    } else if (jump == 1) {
      right = windowPoints;
      for (int i = 1; i <= n; i++) {
        if (i > half && right != n) {
          left++;
          right++;
        }
        out[offset + i - 1] = fitOrKeep(y, n, i, left, right, robustness, kernel);
      }
    } else {
      for (int i = 1; i <= n; i += jump) {
        if (i < half) {
          left = 1;
          right = windowPoints;
        } else if (i >= n - half + 1) {
          left = n - windowPoints + 1;
          right = n;
        } else {
          left = i - half + 1;
          right = windowPoints + i - half;
        }
        out[offset + i - 1] = fitOrKeep(y, n, i, left, right, robustness, kernel);
      }
    }
    if (jump != 1) {
      interpolateBetweenFits(y, n, jump, left, right, robustness, out, offset, kernel);
    }
  }

  /**
   * The fitted value at position {@code xs} (1-based, may lie outside [1, n]) from the points
   * {@code left..right} ({@code stlest}); NaN when every weight is zero.
   */
  double fitAt(
      double[] y, int n, double xs, int left, int right, double[] robustness, double[] kernel) {
    double range = (double) n - 1.0;
    double h = Math.max(xs - left, right - xs);
    if (windowPoints > n) {
      // A window longer than the series widens the kernel by the half excess (integer division,
      // as in Fortran), so a long window keeps the weights close to uniform.
      h += (windowPoints - n) / 2;
    }
    double h9 = NEAR_EDGE * h;
    double h1 = NEAR_CENTRE * h;
    double sum = 0;
    for (int j = left; j <= right; j++) {
      double r = Math.abs(j - xs);
      double w = 0;
      if (r <= h9) {
        if (r <= h1) {
          w = 1;
        } else {
          double q = r / h;
          double t = 1 - q * q * q;
          w = t * t * t;
        }
        if (robustness != null) {
          w = robustness[j - 1] * w;
        }
        sum += w;
      }
      kernel[j - 1] = w;
    }
    if (sum <= 0) {
      return Double.NaN;
    }
    for (int j = left; j <= right; j++) {
      kernel[j - 1] /= sum;
    }
    if (h > 0 && degree > 0) {
      tiltTowardsLocalSlope(n, xs, left, right, range, kernel);
    }
    double fit = 0;
    for (int j = left; j <= right; j++) {
      fit += kernel[j - 1] * y[j - 1];
    }
    return fit;
  }

  /**
   * Turns the normalised kernel into the weights of a weighted local linear fit evaluated at xs,
   * unless the weighted positions are too concentrated for a slope to be estimable.
   */
  private static void tiltTowardsLocalSlope(
      int n, double xs, int left, int right, double range, double[] kernel) {
    double mean = 0;
    for (int j = left; j <= right; j++) {
      mean += kernel[j - 1] * j;
    }
    double b = xs - mean;
    double c = 0;
    for (int j = left; j <= right; j++) {
      double d = j - mean;
      c += kernel[j - 1] * (d * d);
    }
    if (Math.sqrt(c) > FLAT_SPREAD * range) {
      b /= c;
      for (int j = left; j <= right; j++) {
        kernel[j - 1] *= b * (j - mean) + 1.0;
      }
    }
  }

  /**
   * Fills the points skipped by the jump linearly; the last point gets its own fit, from the last
   * window used (R's behaviour, even when that window is not the one ending at n).
   */
  private void interpolateBetweenFits(
      double[] y,
      int n,
      int jump,
      int left,
      int right,
      double[] robustness,
      double[] out,
      int offset,
      double[] kernel) {
    for (int i = 1; i <= n - jump; i += jump) {
      double delta = (out[offset + i + jump - 1] - out[offset + i - 1]) / jump;
      for (int j = i + 1; j <= i + jump - 1; j++) {
        out[offset + j - 1] = out[offset + i - 1] + delta * (j - i);
      }
    }
    int k = ((n - 1) / jump) * jump + 1;
    if (k != n) {
      out[offset + n - 1] = fitOrKeep(y, n, n, left, right, robustness, kernel);
      if (k != n - 1) {
        double delta = (out[offset + n - 1] - out[offset + k - 1]) / (n - k);
        for (int j = k + 1; j <= n - 1; j++) {
          out[offset + j - 1] = out[offset + k - 1] + delta * (j - k);
        }
      }
    }
  }

  private double fitOrKeep(
      double[] y, int n, int i, int left, int right, double[] robustness, double[] kernel) {
    double fit = fitAt(y, n, i, left, right, robustness, kernel);
    return Double.isNaN(fit) ? y[i - 1] : fit;
  }
}
