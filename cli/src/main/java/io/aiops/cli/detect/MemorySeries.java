package io.aiops.cli.detect;

/**
 * One exported series: times in epoch seconds, values (RSS in bytes for a memory export) and
 * (optionally) the limit in bytes, in time order.
 *
 * @param rssBytes the value column: {@code rss_bytes}, or {@code value} for a series of any kind
 * @param limitBytes the limit given with the newest row that has one, or -1 when none has
 * @param rowsWithoutValue rows skipped because their value was empty, NaN or null (a gap, as
 *     dashboards and exporters write one)
 */
public record MemorySeries(
    String name, long[] timestampsSec, double[] rssBytes, long limitBytes, int rowsWithoutValue) {

  public MemorySeries(String name, long[] timestampsSec, double[] rssBytes, long limitBytes) {
    this(name, timestampsSec, rssBytes, limitBytes, 0);
  }

  public int size() {
    return timestampsSec.length;
  }

  /** The value column, whatever its name. */
  public double[] values() {
    return rssBytes;
  }
}
