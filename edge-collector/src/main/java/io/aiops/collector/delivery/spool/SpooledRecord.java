package io.aiops.collector.delivery.spool;

/**
 * One record read back from the spool.
 *
 * @param sequence its position in the spool, increasing by one per record appended, never reused
 * @param payload the bytes given to {@link DiskSpool#append(byte[])}
 */
public record SpooledRecord(long sequence, byte[] payload) {}
