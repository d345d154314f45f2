package io.aiops.detection.stl;

/**
 * The decomposition of one streamed point, from the state before it: {@code value = seasonal +
 * trend + remainder}, and the robust scale of recent remainders to judge this one by.
 *
 * @param remainderScale a robust standard deviation of recent remainders (same unit as the value)
 */
public record OnlineStlPoint(
    double value, double seasonal, double trend, double remainder, double remainderScale) {

  /** The remainder in robust standard deviations; 0 when the recent remainders were all zero. */
  public double robustZ() {
    return remainderScale > 0 ? remainder / remainderScale : 0;
  }
}
