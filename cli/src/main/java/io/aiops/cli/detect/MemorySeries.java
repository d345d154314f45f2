package io.aiops.cli.detect;

/**
 * One exported memory series: times in epoch seconds, RSS and (optionally) the limit in bytes, in
 * file order.
 *
 * @param limitBytes the last limit given in the file, or -1 when it has no limit column
 */
public record MemorySeries(String name, long[] timestampsSec, double[] rssBytes, long limitBytes) {

  public int size() {
    return timestampsSec.length;
  }
}
