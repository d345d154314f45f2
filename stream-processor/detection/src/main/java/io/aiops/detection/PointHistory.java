package io.aiops.detection;

import java.util.Objects;

/**
 * Bounded history of one series: raw samples averaged into fixed time buckets (downsampling).
 *
 * <p>Buckets are aligned to multiples of {@code bucketMs} since the epoch, so every engine that
 * replays the same samples closes the same buckets. Not thread-safe: one instance per series, as
 * kept in a keyed state store.
 */
public final class PointHistory {
  private final long bucketMs;
  private final int capacity;
  private final long[] timestampsMs;
  private final double[] values;
  private int oldest;
  private int size;

  // The open bucket: samples not yet averaged into a point. Offsets from the bucket start stay
  // below bucketMs, so their sum cannot overflow a long for any realistic sample count.
  private long openStartMs;
  private int openCount;
  private long openOffsetSumMs;
  private double openValueSum;

  public PointHistory(long bucketMs, int capacity) {
    if (bucketMs <= 0) {
      throw new IllegalArgumentException("bucketMs must be positive: " + bucketMs);
    }
    if (capacity <= 0) {
      throw new IllegalArgumentException("capacity must be positive: " + capacity);
    }
    this.bucketMs = bucketMs;
    this.capacity = capacity;
    this.timestampsMs = new long[capacity];
    this.values = new double[capacity];
  }

  /**
   * Adds a raw sample; returns true when this call closed a bucket (so the caller re-evaluates).
   * Samples older than the open bucket's start are ignored (return false), as are non-finite
   * values. Empty buckets of a gap are simply absent; a bucket's point is the (mean timestamp, mean
   * value) of its samples, so irregular intervals are handled. When more than {@code capacity}
   * closed points exist, the oldest is dropped.
   */
  public boolean add(long timestampMs, double value) {
    if (!Double.isFinite(value)) {
      return false;
    }
    long bucketStartMs = Math.floorDiv(timestampMs, bucketMs) * bucketMs;
    if (openCount == 0) {
      if (size > 0 && bucketStartMs <= timestampMsAt(size - 1)) {
        return false;
      }
      restoreOpenBucket(bucketStartMs, 0, 0, 0);
      accumulate(timestampMs, value);
      return false;
    }
    if (timestampMs < openStartMs) {
      return false;
    }
    boolean closed = bucketStartMs != openStartMs;
    if (closed) {
      appendPoint(openStartMs + openOffsetSumMs / openCount, openValueSum / openCount);
      restoreOpenBucket(bucketStartMs, 0, 0, 0);
    }
    accumulate(timestampMs, value);
    return closed;
  }

  /**
   * Closes the open bucket now, as the end of an input does; returns true when it held samples.
   * Later samples of that bucket are ignored, like any sample not newer than the newest point.
   */
  public boolean closeOpenBucket() {
    if (openCount == 0) {
      return false;
    }
    appendPoint(openStartMs + openOffsetSumMs / openCount, openValueSum / openCount);
    restoreOpenBucket(0, 0, 0, 0);
    return true;
  }

  /** Number of closed points. */
  public int size() {
    return size;
  }

  /** Mean timestamp of closed point {@code i}, 0 being the oldest. */
  public long timestampMsAt(int i) {
    return timestampsMs[ring(i)];
  }

  /** Mean value of closed point {@code i}, 0 being the oldest. */
  public double valueAt(int i) {
    return values[ring(i)];
  }

  public long bucketMs() {
    return bucketMs;
  }

  public int capacity() {
    return capacity;
  }

  /** Compact, versioned binary form, including the open bucket's accumulators. */
  public byte[] toBytes() {
    return PointHistoryFormat.write(this);
  }

  /** Reads {@link #toBytes()} output; throws IllegalArgumentException on anything else. */
  public static PointHistory fromBytes(byte[] bytes) {
    return PointHistoryFormat.read(bytes);
  }

  long openStartMs() {
    return openStartMs;
  }

  int openCount() {
    return openCount;
  }

  long openOffsetSumMs() {
    return openOffsetSumMs;
  }

  double openValueSum() {
    return openValueSum;
  }

  void restoreOpenBucket(long startMs, int count, long offsetSumMs, double valueSum) {
    openStartMs = startMs;
    openCount = count;
    openOffsetSumMs = offsetSumMs;
    openValueSum = valueSum;
  }

  void appendPoint(long timestampMs, double value) {
    int slot;
    if (size < capacity) {
      slot = (oldest + size) % capacity;
      size++;
    } else {
      slot = oldest;
      oldest = (oldest + 1) % capacity;
    }
    timestampsMs[slot] = timestampMs;
    values[slot] = value;
  }

  private int ring(int i) {
    Objects.checkIndex(i, size);
    return (oldest + i) % capacity;
  }

  private void accumulate(long timestampMs, double value) {
    openCount++;
    openOffsetSumMs += timestampMs - openStartMs;
    openValueSum += value;
  }
}
