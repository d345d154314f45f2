package io.aiops.detection;

/** Robust estimates of the standard deviation of normal noise, shared by every detector. */
public final class RobustScale {
  /** Median absolute deviation to standard deviation for normal noise: 1 / Φ⁻¹(3/4). */
  public static final double MAD_TO_SD = 1.482602218505602;

  private RobustScale() {}
}
