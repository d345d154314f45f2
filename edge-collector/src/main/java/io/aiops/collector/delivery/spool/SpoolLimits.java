package io.aiops.collector.delivery.spool;

/**
 * How big the spool may grow and how it is cut into files.
 *
 * @param maxBytes the most the segment files may occupy together; beyond it the oldest segment is
 *     dropped
 * @param segmentBytes the size at which a segment is closed and a new one started; the unit of both
 *     dropping (when full) and deleting (when acknowledged)
 */
public record SpoolLimits(long maxBytes, long segmentBytes) {
  /** Small enough to append and delete a segment quickly, large enough to keep few files. */
  public static final long MIN_SEGMENT_BYTES = 4 * 1024;

  public SpoolLimits {
    if (segmentBytes < MIN_SEGMENT_BYTES) {
      throw new IllegalArgumentException(
          "spool segmentBytes must be at least " + MIN_SEGMENT_BYTES + ", not " + segmentBytes);
    }
    // Dropping the oldest segment must leave room while the newest one keeps taking records.
    if (maxBytes < 2 * segmentBytes) {
      throw new IllegalArgumentException(
          "spool maxBytes must be at least twice segmentBytes ("
              + segmentBytes
              + "), not "
              + maxBytes);
    }
  }
}
