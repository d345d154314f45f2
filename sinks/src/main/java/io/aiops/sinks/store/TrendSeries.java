package io.aiops.sinks.store;

import io.aiops.schemas.memory.MemoryTrend;

/**
 * One series of the trend store: when its kept points begin, and its latest point (which carries
 * its host, pid, name, service, last figures, slope and OOM ETA).
 *
 * @param firstWindowStartMs start of the oldest window still kept
 */
public record TrendSeries(long firstWindowStartMs, MemoryTrend latest) {

  public String seriesId() {
    return latest.getSeriesId();
  }

  public long lastWindowEndMs() {
    return latest.getWindowEndMs();
  }
}
