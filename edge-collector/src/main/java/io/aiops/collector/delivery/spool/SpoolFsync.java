package io.aiops.collector.delivery.spool;

/** When an appended record is forced to the storage device. */
public enum SpoolFsync {
  /**
   * Every append returns only once the record is on the device: a kernel panic or power loss loses
   * nothing accepted, which matters here because the samples just before a host dies are the ones
   * an OOM investigation needs. One small write per sample costs nothing at a 10 s interval.
   */
  EVERY_RECORD,
  /**
   * The kernel writes records back on its own schedule (about 30 s): a crash of the collector
   * itself (including an OOM kill of it) still loses nothing, since the page cache survives it;
   * only a host crash can lose the last seconds. For high rates, such as a simulated fleet.
   */
  OS_WRITEBACK
}
