package io.aiops.cli.detect;

import java.time.Duration;
import java.util.List;

/**
 * What the query store holds of one process over the period asked, oldest first, and whether that
 * is enough to judge it on.
 */
record StoredHistory(List<TrendPoint> points) {
  StoredHistory {
    points = List.copyOf(points);
  }

  /** From the start of the first window to the end of the last. */
  Duration covered() {
    return points.isEmpty()
        ? Duration.ZERO
        : Duration.ofMillis(last().windowEndMs() - points.get(0).windowStartMs());
  }

  boolean covers(Duration wanted) {
    return !points.isEmpty() && covered().compareTo(wanted) >= 0;
  }

  /**
   * The points as an exported series: each window's mean RSS (rounded to whole bytes, as a sample
   * is) at its middle, and the last limit given. The detector averages 30-minute buckets of them,
   * as it averages the raw samples the windows were made of.
   */
  MemorySeries series(String name) {
    long[] timesSec = new long[points.size()];
    double[] rssBytes = new double[points.size()];
    long limitBytes = -1;
    for (int i = 0; i < points.size(); i++) {
      TrendPoint p = points.get(i);
      timesSec[i] =
          Math.floorDiv(p.windowStartMs() + (p.windowEndMs() - p.windowStartMs()) / 2, 1000);
      rssBytes[i] = Math.round(p.rssMeanBytes());
      limitBytes = p.limitBytes() > 0 ? p.limitBytes() : limitBytes;
    }
    return new MemorySeries(name, timesSec, rssBytes, limitBytes);
  }

  private TrendPoint last() {
    return points.get(points.size() - 1);
  }
}
