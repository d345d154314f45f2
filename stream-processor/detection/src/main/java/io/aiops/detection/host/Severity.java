package io.aiops.detection.host;

/** How urgent a host finding is; the same symbols as the schemas' {@code Severity}. */
public enum Severity {
  INFO,
  WARNING,
  CRITICAL;

  public boolean atLeast(Severity other) {
    return compareTo(other) >= 0;
  }
}
