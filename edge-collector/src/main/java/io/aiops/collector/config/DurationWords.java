package io.aiops.collector.config;

import java.time.Duration;

/** A duration as an operator writes it back: 100ms, 10s, 5m, 1h. */
final class DurationWords {
  private DurationWords() {}

  static String of(Duration d) {
    long ms = d.toMillis();
    if (ms == 0) {
      return "0s";
    }
    if (ms % 3_600_000 == 0) {
      return ms / 3_600_000 + "h";
    }
    if (ms % 60_000 == 0) {
      return ms / 60_000 + "m";
    }
    if (ms % 1_000 == 0) {
      return ms / 1_000 + "s";
    }
    return ms + "ms";
  }
}
