package io.aiops.collector.host;

import io.aiops.collector.procfs.ProcessReading;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.ToLongFunction;

/**
 * Which processes a sample carries: every process at or above an RSS floor, plus the top N by RSS,
 * so that a small host still reports its biggest processes and a big one stays bounded.
 */
public record ProcessSelection(long rssFloorBytes, int topN) {
  public static final long DEFAULT_RSS_FLOOR_BYTES = 16L * 1024 * 1024;
  public static final int DEFAULT_TOP_N = 50;

  public ProcessSelection {
    if (rssFloorBytes < 0 || topN < 0) {
      throw new IllegalArgumentException("RSS floor and top N must not be negative");
    }
  }

  public static ProcessSelection defaults() {
    return new ProcessSelection(DEFAULT_RSS_FLOOR_BYTES, DEFAULT_TOP_N);
  }

  /** The selected processes, largest RSS first. */
  public List<ProcessReading> select(List<ProcessReading> all) {
    return select(all, ProcessReading::rssBytes);
  }

  /** The selected elements by their RSS, largest first. */
  public <T> List<T> select(List<T> all, ToLongFunction<T> rssBytes) {
    List<T> sorted = new ArrayList<>(all);
    sorted.sort(Comparator.comparingLong(rssBytes).reversed());
    List<T> selected = new ArrayList<>();
    for (int i = 0; i < sorted.size(); i++) {
      T process = sorted.get(i);
      if (keeps(i, rssBytes.applyAsLong(process))) {
        selected.add(process);
      }
    }
    return selected;
  }

  /** Whether the process at this rank by RSS (0 = the largest) with this RSS is selected. */
  public boolean keeps(int rankByRss, long rssBytes) {
    return rankByRss < topN || rssBytes >= rssFloorBytes;
  }
}
