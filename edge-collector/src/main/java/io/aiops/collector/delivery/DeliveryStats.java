package io.aiops.collector.delivery;

/**
 * Delivery counters since the collector started.
 *
 * @param sent records the broker acknowledged
 * @param spooled records written to the on-disk spool
 * @param dropped records discarded because the spool reached its size cap (oldest first)
 * @param pending records accepted but not yet acknowledged
 * @param spoolBytes bytes the spool occupies on disk now
 */
public record DeliveryStats(long sent, long spooled, long dropped, long pending, long spoolBytes) {}
