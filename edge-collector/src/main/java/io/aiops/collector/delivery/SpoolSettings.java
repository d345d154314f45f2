package io.aiops.collector.delivery;

import io.aiops.collector.delivery.spool.SpoolFsync;
import io.aiops.collector.delivery.spool.SpoolLimits;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * How the collector's spool is kept on disk and replayed to Kafka; validated at construction.
 *
 * @param directory where the segment files live; one collector per directory
 * @param maxBytes the most the spool may occupy; when full the oldest records are dropped
 * @param segmentBytes the size of one segment file, the unit of dropping and deleting
 * @param fsync when appended records are forced to the device
 * @param compress whether values are deflated in the spool (2.5 to 4 times smaller for real hosts)
 * @param maxInFlightRecords records handed to the producer and not yet acknowledged, at most
 * @param maxInFlightBytes bytes of values handed to the producer and not yet acknowledged, about
 * @param initialBackoff the first pause after a failed send; doubled per failure
 * @param maxBackoff the longest pause between attempts
 * @param closeTimeout how long close waits for the broker to acknowledge what is spooled; the rest
 *     stays in the spool for the next start
 */
public record SpoolSettings(
    Path directory,
    long maxBytes,
    long segmentBytes,
    SpoolFsync fsync,
    boolean compress,
    int maxInFlightRecords,
    long maxInFlightBytes,
    Duration initialBackoff,
    Duration maxBackoff,
    Duration closeTimeout) {
  private static final long MIB = 1024L * 1024;
  public static final long DEFAULT_MAX_BYTES = 256 * MIB;
  // 16 segments per spool: a full spool drops a sixteenth of its history at a time.
  private static final long SEGMENTS_PER_SPOOL = 16;
  private static final long MAX_DEFAULT_SEGMENT_BYTES = 16 * MIB;
  // Enough to keep five 256 KiB producer batches busy during a replay, and to bound the memory a
  // stalled producer holds.
  public static final int DEFAULT_MAX_IN_FLIGHT_RECORDS = 1_000;
  public static final long DEFAULT_MAX_IN_FLIGHT_BYTES = 4 * MIB;

  public SpoolSettings {
    Objects.requireNonNull(directory, "spool directory");
    Objects.requireNonNull(fsync, "spool fsync");
    new SpoolLimits(maxBytes, segmentBytes);
    if (maxInFlightRecords < 1) {
      throw new IllegalArgumentException(
          "spool maxInFlightRecords must be at least 1, not " + maxInFlightRecords);
    }
    if (maxInFlightBytes < 1) {
      throw new IllegalArgumentException(
          "spool maxInFlightBytes must be at least 1, not " + maxInFlightBytes);
    }
    requirePositive("initialBackoff", initialBackoff);
    requirePositive("maxBackoff", maxBackoff);
    if (maxBackoff.compareTo(initialBackoff) < 0) {
      throw new IllegalArgumentException(
          "spool maxBackoff must not be shorter than initialBackoff ("
              + initialBackoff
              + "), not "
              + maxBackoff);
    }
    Objects.requireNonNull(closeTimeout, "spool closeTimeout");
    if (closeTimeout.isNegative()) {
      throw new IllegalArgumentException(
          "spool closeTimeout must not be negative: " + closeTimeout);
    }
  }

  /** 256 MiB in 16 MiB segments, forced per record, compressed, backing off 1 s to 30 s. */
  public static SpoolSettings defaults(Path directory) {
    return new SpoolSettings(
        directory,
        DEFAULT_MAX_BYTES,
        defaultSegmentBytes(DEFAULT_MAX_BYTES),
        SpoolFsync.EVERY_RECORD,
        true,
        DEFAULT_MAX_IN_FLIGHT_RECORDS,
        DEFAULT_MAX_IN_FLIGHT_BYTES,
        Duration.ofSeconds(1),
        Duration.ofSeconds(30),
        Duration.ofSeconds(10));
  }

  /** The same, capped at {@code bytes}, with segments a sixteenth of that (at most 16 MiB). */
  public SpoolSettings withMaxBytes(long bytes) {
    return new SpoolSettings(
        directory,
        bytes,
        defaultSegmentBytes(bytes),
        fsync,
        compress,
        maxInFlightRecords,
        maxInFlightBytes,
        initialBackoff,
        maxBackoff,
        closeTimeout);
  }

  public SpoolSettings withFsync(SpoolFsync policy) {
    return new SpoolSettings(
        directory,
        maxBytes,
        segmentBytes,
        policy,
        compress,
        maxInFlightRecords,
        maxInFlightBytes,
        initialBackoff,
        maxBackoff,
        closeTimeout);
  }

  public SpoolSettings withCompression(boolean enabled) {
    return new SpoolSettings(
        directory,
        maxBytes,
        segmentBytes,
        fsync,
        enabled,
        maxInFlightRecords,
        maxInFlightBytes,
        initialBackoff,
        maxBackoff,
        closeTimeout);
  }

  public SpoolSettings withBackoff(Duration initial, Duration max) {
    return new SpoolSettings(
        directory,
        maxBytes,
        segmentBytes,
        fsync,
        compress,
        maxInFlightRecords,
        maxInFlightBytes,
        initial,
        max,
        closeTimeout);
  }

  public SpoolSettings withCloseTimeout(Duration timeout) {
    return new SpoolSettings(
        directory,
        maxBytes,
        segmentBytes,
        fsync,
        compress,
        maxInFlightRecords,
        maxInFlightBytes,
        initialBackoff,
        maxBackoff,
        timeout);
  }

  public SpoolLimits limits() {
    return new SpoolLimits(maxBytes, segmentBytes);
  }

  private static long defaultSegmentBytes(long maxBytes) {
    return Math.max(
        SpoolLimits.MIN_SEGMENT_BYTES,
        Math.min(MAX_DEFAULT_SEGMENT_BYTES, maxBytes / SEGMENTS_PER_SPOOL));
  }

  private static void requirePositive(String name, Duration value) {
    Objects.requireNonNull(value, "spool " + name);
    if (value.isZero() || value.isNegative()) {
      throw new IllegalArgumentException("spool " + name + " must be positive, not " + value);
    }
  }
}
