package io.aiops.collector.delivery;

/**
 * Delivery counters since the collector started.
 *
 * @param sent records the broker acknowledged
 * @param spooled records written to the on-disk spool
 * @param dropped records discarded: the oldest when the spool reached its size cap, and the few
 *     that a crash tore, that the broker refuses outright (too large) or that could not be written
 *     to the spool at all (disk full)
 * @param pending records accepted but not yet acknowledged
 * @param spoolBytes bytes the spool occupies on disk now
 */
public record DeliveryStats(long sent, long spooled, long dropped, long pending, long spoolBytes) {}
