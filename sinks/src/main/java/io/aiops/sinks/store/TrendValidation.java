package io.aiops.sinks.store;

import io.aiops.schemas.memory.MemoryTrend;
import java.util.Optional;

/** Why a decoded trend cannot be stored: what the key needs and what a window must be. */
public final class TrendValidation {
  private TrendValidation() {}

  /** The reason {@code trend} is malformed, or empty when it can be stored. */
  public static Optional<String> problem(MemoryTrend trend) {
    if (trend.getHostId().isEmpty()) {
      return Optional.of("host_id is empty");
    }
    if (trend.getSeriesId().isEmpty()) {
      return Optional.of("series_id is empty");
    }
    if (trend.getHostId().indexOf('\0') >= 0 || trend.getSeriesId().indexOf('\0') >= 0) {
      return Optional.of("host_id or series_id holds a NUL character");
    }
    if (trend.getWindowEndMs() <= trend.getWindowStartMs()) {
      return Optional.of(
          "window_end_ms "
              + trend.getWindowEndMs()
              + " is not after window_start_ms "
              + trend.getWindowStartMs());
    }
    if (trend.getSampleCount() < 1) {
      return Optional.of("sample_count is " + trend.getSampleCount() + ", not at least 1");
    }
    if (trend.getRssMinBytes() < 0 || trend.getRssMinBytes() > trend.getRssMaxBytes()) {
      return Optional.of(
          "rss_min_bytes "
              + trend.getRssMinBytes()
              + " is negative or above rss_max_bytes "
              + trend.getRssMaxBytes());
    }
    return Optional.empty();
  }
}
