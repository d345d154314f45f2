package io.aiops.sinks.store;

import io.aiops.schemas.memory.MemoryAnomaly;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.rocksdb.ColumnFamilyHandle;
import org.rocksdb.RocksIterator;

/**
 * The anomalies of the query store, keyed by (detected_at_ms big-endian, anomaly_id), so "since T"
 * is one range scan; a re-sent anomaly (same id and time) overwrites itself.
 */
public final class AnomalyStore {
  private final GuardedRocksDb db;
  private final ColumnFamilyHandle family;
  private final StoredRecordCodec<MemoryAnomaly> codec = QueryStore.anomalyCodec();

  AnomalyStore(GuardedRocksDb db, ColumnFamilyHandle family) {
    this.db = db;
    this.family = family;
  }

  /** Stores the anomaly; the same anomaly id at the same time replaces the earlier copy. */
  public void put(MemoryAnomaly anomaly) {
    byte[] value = codec.encode(anomaly);
    db.call(
        "store anomaly " + anomaly.getAnomalyId(),
        rocks -> {
          rocks.put(family, key(anomaly), value);
          return null;
        });
  }

  /** Up to {@code limit} anomalies detected at or after {@code epochMs}, oldest first. */
  public List<MemoryAnomaly> since(long epochMs, int limit) {
    if (limit < 1) {
      throw new IllegalArgumentException("limit must be at least 1, was " + limit);
    }
    return db.call(
        "read anomalies",
        rocks -> {
          List<MemoryAnomaly> found = new ArrayList<>();
          try (RocksIterator it = rocks.newIterator(family)) {
            for (it.seek(TimeKey.of(epochMs)); it.isValid() && found.size() < limit; it.next()) {
              found.add(codec.decode(it.value()));
            }
          }
          return found;
        });
  }

  /** RocksDB's estimate of the number of stored anomalies (exact after a compaction). */
  public long approximateCount() {
    return db.call(
        "count anomalies", rocks -> rocks.getLongProperty(family, "rocksdb.estimate-num-keys"));
  }

  StoredRecordCodec<MemoryAnomaly> codec() {
    return codec;
  }

  private static byte[] key(MemoryAnomaly anomaly) {
    byte[] id = anomaly.getAnomalyId().getBytes(StandardCharsets.UTF_8);
    return ByteBuffer.allocate(Long.BYTES + id.length)
        .put(TimeKey.of(anomaly.getDetectedAtMs()))
        .put(id)
        .array();
  }
}
