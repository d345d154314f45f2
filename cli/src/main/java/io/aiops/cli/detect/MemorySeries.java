package io.aiops.cli.detect;

/**
 * One exported series: times in epoch seconds, values (RSS in bytes for a memory export) and
 * (optionally) the limit in bytes, in file order.
 *
 * @param rssBytes the value column: {@code rss_bytes}, or {@code value} for a series of any kind
 * @param limitBytes the last limit given in the file, or -1 when it has no limit column
 */
public record MemorySeries(String name, long[] timestampsSec, double[] rssBytes, long limitBytes) {

  public int size() {
    return timestampsSec.length;
  }

  /** The value column, whatever its name. */
  public double[] values() {
    return rssBytes;
  }
}
