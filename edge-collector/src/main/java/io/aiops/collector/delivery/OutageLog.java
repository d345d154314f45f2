package io.aiops.collector.delivery;

import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Says once that the broker became unreachable and once that it is back with the backlog replayed,
 * instead of once per record or per attempt.
 */
final class OutageLog {
  private static final Logger LOG = LoggerFactory.getLogger(SpooledDelivery.class);

  private final String spoolDirectory;
  private boolean down;
  private long downSinceNanos;
  private long replayStartNanos;
  private long replayed;

  OutageLog(String spoolDirectory) {
    this.spoolDirectory = spoolDirectory;
  }

  void unreachable(String reason, long pendingRecords) {
    if (down) {
      LOG.debug("Kafka still unreachable: {}", reason);
      return;
    }
    down = true;
    downSinceNanos = System.nanoTime();
    replayStartNanos = 0;
    replayed = 0;
    LOG.warn(
        "Kafka unreachable ({}): spooling to {}, {} records pending; they will be sent in order"
            + " when it is back",
        reason,
        spoolDirectory,
        pendingRecords);
  }

  /** {@code count} more records acknowledged, leaving {@code pendingRecords} in the spool. */
  void delivered(long count, long pendingRecords) {
    if (!down || count == 0) {
      return;
    }
    long now = System.nanoTime();
    if (replayStartNanos == 0) {
      replayStartNanos = now;
    }
    replayed += count;
    if (pendingRecords > 0) {
      return;
    }
    down = false;
    long replayMs = Math.max(1, TimeUnit.NANOSECONDS.toMillis(now - replayStartNanos));
    LOG.info(
        "Kafka reachable again after {} s: replayed {} spooled records in {} ms ({} records/s)",
        TimeUnit.NANOSECONDS.toSeconds(now - downSinceNanos),
        replayed,
        replayMs,
        replayed * 1000 / replayMs);
  }

  boolean down() {
    return down;
  }
}
