package io.aiops.sinks.store;

import java.nio.ByteBuffer;

/** An instant as 8 key bytes whose byte order is time order. */
final class TimeKey {
  static final int BYTES = Long.BYTES;

  private TimeKey() {}

  // The sign bit is flipped so that byte order is numeric order for times before 1970 too.
  static byte[] of(long epochMs) {
    return ByteBuffer.allocate(BYTES).putLong(epochMs ^ Long.MIN_VALUE).array();
  }

  /** The instant in the 8 bytes at {@code offset} of {@code key}. */
  static long read(byte[] key, int offset) {
    return ByteBuffer.wrap(key, offset, BYTES).getLong() ^ Long.MIN_VALUE;
  }
}
