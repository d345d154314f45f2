package io.aiops.sinks.store;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The key layout of trends: {@code host_id 0x00 series_id 0x00 window_end_ms} (time as {@link
 * TimeKey}), so a host's series are one contiguous range and a series' points one range in time
 * order. The series index is keyed by the same {@code host_id 0x00 series_id 0x00} prefix. Neither
 * id may hold a NUL byte (validated before a point is stored).
 */
final class TrendKeys {
  private TrendKeys() {}

  /** The prefix of every key of {@code hostId}. */
  static byte[] host(String hostId) {
    byte[] host = utf8(hostId);
    return Arrays.copyOf(host, host.length + 1);
  }

  /** The prefix of every point of one series, and its key in the series index. */
  static byte[] series(String hostId, String seriesId) {
    byte[] host = utf8(hostId);
    byte[] series = utf8(seriesId);
    return ByteBuffer.allocate(host.length + 1 + series.length + 1)
        .put(host)
        .put((byte) 0)
        .put(series)
        .put((byte) 0)
        .array();
  }

  /** The key of the point of series {@code prefix} whose window ends at {@code windowEndMs}. */
  static byte[] point(byte[] prefix, long windowEndMs) {
    return ByteBuffer.allocate(prefix.length + TimeKey.BYTES)
        .put(prefix)
        .put(TimeKey.of(windowEndMs))
        .array();
  }

  /** The first key after every key that starts with {@code prefix} (which ends with 0x00). */
  static byte[] after(byte[] prefix) {
    byte[] end = prefix.clone();
    end[end.length - 1] = 1;
    return end;
  }

  static boolean startsWith(byte[] key, byte[] prefix) {
    return key.length >= prefix.length
        && Arrays.equals(key, 0, prefix.length, prefix, 0, prefix.length);
  }

  private static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
