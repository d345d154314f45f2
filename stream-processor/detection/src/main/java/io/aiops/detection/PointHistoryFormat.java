package io.aiops.detection;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Binary form of a {@link PointHistory}, version 1.
 *
 * <pre>
 * byte   format (1)
 * long   bucketMs
 * int    capacity
 * int    size
 * size x (long timestampMs, double value), oldest first
 * int    openCount
 * if openCount &gt; 0: long openStartMs, long openOffsetSumMs, double openValueSum
 * </pre>
 *
 * <p>96 points take about 1.6 KB.
 */
final class PointHistoryFormat {
  static final byte VERSION_1 = 1;

  // A garbage header must not make us allocate gigabytes; a real history holds a few hundred.
  static final int MAX_CAPACITY = 1 << 20;

  private PointHistoryFormat() {}

  static byte[] write(PointHistory history) {
    ByteArrayOutputStream buffer = new ByteArrayOutputStream(32 + 16 * history.size());
    try (DataOutputStream out = new DataOutputStream(buffer)) {
      out.writeByte(VERSION_1);
      out.writeLong(history.bucketMs());
      out.writeInt(history.capacity());
      out.writeInt(history.size());
      for (int i = 0; i < history.size(); i++) {
        out.writeLong(history.timestampMsAt(i));
        out.writeDouble(history.valueAt(i));
      }
      out.writeInt(history.openCount());
      if (history.openCount() > 0) {
        out.writeLong(history.openStartMs());
        out.writeLong(history.openOffsetSumMs());
        out.writeDouble(history.openValueSum());
      }
    } catch (IOException e) {
      throw new UncheckedIOException("writing to memory cannot fail", e);
    }
    return buffer.toByteArray();
  }

  static PointHistory read(byte[] bytes) {
    if (bytes == null || bytes.length == 0) {
      throw new IllegalArgumentException("empty point history");
    }
    ByteArrayInputStream buffer = new ByteArrayInputStream(bytes);
    try (DataInputStream in = new DataInputStream(buffer)) {
      byte format = in.readByte();
      check(format == VERSION_1, "unknown point history format " + format);
      long bucketMs = in.readLong();
      int capacity = in.readInt();
      int size = in.readInt();
      check(bucketMs > 0, "bucketMs must be positive");
      check(capacity > 0 && capacity <= MAX_CAPACITY, "capacity out of range");
      check(size >= 0 && size <= capacity, "size out of range");
      PointHistory history = new PointHistory(bucketMs, capacity);
      long previousMs = Long.MIN_VALUE;
      for (int i = 0; i < size; i++) {
        long timestampMs = in.readLong();
        double value = in.readDouble();
        check(i == 0 || timestampMs > previousMs, "timestamps not increasing");
        check(Double.isFinite(value), "non-finite value");
        history.appendPoint(timestampMs, value);
        previousMs = timestampMs;
      }
      readOpenBucket(in, history, size > 0 ? previousMs : Long.MIN_VALUE);
      check(buffer.available() == 0, "trailing bytes");
      return history;
    } catch (IOException e) {
      throw new IllegalArgumentException("truncated point history", e);
    }
  }

  private static void readOpenBucket(DataInputStream in, PointHistory history, long newestMs)
      throws IOException {
    int count = in.readInt();
    check(count >= 0, "negative open sample count");
    if (count == 0) {
      return;
    }
    long startMs = in.readLong();
    long offsetSumMs = in.readLong();
    double valueSum = in.readDouble();
    check(Math.floorMod(startMs, history.bucketMs()) == 0, "open bucket not aligned");
    check(startMs > newestMs, "open bucket older than the newest point");
    check(offsetSumMs >= 0 && offsetSumMs / count < history.bucketMs(), "open offsets corrupt");
    check(Double.isFinite(valueSum), "non-finite open sum");
    history.restoreOpenBucket(startMs, count, offsetSumMs, valueSum);
  }

  private static void check(boolean condition, String problem) {
    if (!condition) {
      throw new IllegalArgumentException("invalid point history: " + problem);
    }
  }
}
