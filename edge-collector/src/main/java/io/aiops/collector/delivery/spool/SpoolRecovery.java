package io.aiops.collector.delivery.spool;

/**
 * What opening a spool found on disk.
 *
 * @param pendingRecords records left unacknowledged by the last run, to be sent first
 * @param lostRecords records cut off because they were torn by a crash or damaged
 * @param truncatedBytes bytes cut off the ends of segments for that reason
 */
public record SpoolRecovery(long pendingRecords, long lostRecords, long truncatedBytes) {}
