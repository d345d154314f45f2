package io.aiops.sinks.store;

import io.aiops.schemas.memory.MemoryAnomaly;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import org.rocksdb.ColumnFamilyDescriptor;
import org.rocksdb.ColumnFamilyHandle;
import org.rocksdb.ColumnFamilyOptions;
import org.rocksdb.DBOptions;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksDBException;
import org.rocksdb.RocksIterator;

/**
 * The query store: anomalies in RocksDB keyed by (detected_at_ms big-endian, anomaly_id), so "since
 * T" is one range scan; a re-sent anomaly (same id and time) overwrites itself.
 */
public final class AnomalyStore implements AutoCloseable {
  private static final byte[] SCHEMAS_FAMILY = utf8("schemas");

  static {
    RocksDB.loadLibrary();
  }

  private final RocksDB db;
  private final ColumnFamilyOptions familyOptions;
  private final List<ColumnFamilyHandle> families;
  private final StoredAnomalyCodec codec = new StoredAnomalyCodec();
  // RocksJava crashes the JVM on a closed handle, so close waits for calls in flight and later
  // calls fail cleanly.
  private final ReentrantReadWriteLock lifecycle = new ReentrantReadWriteLock();
  private boolean closed;

  private AnomalyStore(RocksDB db, ColumnFamilyOptions familyOptions, List<ColumnFamilyHandle> f) {
    this.db = db;
    this.familyOptions = familyOptions;
    this.families = f;
  }

  /** Opens (creating if needed) the store in {@code dir}. */
  public static AnomalyStore open(Path dir) {
    ColumnFamilyOptions familyOptions = new ColumnFamilyOptions();
    List<ColumnFamilyHandle> handles = new ArrayList<>();
    try (DBOptions options =
        new DBOptions().setCreateIfMissing(true).setCreateMissingColumnFamilies(true)) {
      Files.createDirectories(dir);
      List<ColumnFamilyDescriptor> descriptors =
          List.of(
              new ColumnFamilyDescriptor(RocksDB.DEFAULT_COLUMN_FAMILY, familyOptions),
              new ColumnFamilyDescriptor(SCHEMAS_FAMILY, familyOptions));
      AnomalyStore store =
          new AnomalyStore(
              RocksDB.open(options, dir.toString(), descriptors, handles), familyOptions, handles);
      try {
        store.codec.loadWriterSchemas(store.db, handles.get(1));
      } catch (RocksDBException | RuntimeException e) {
        store.close();
        throw e;
      }
      return store;
    } catch (IOException e) {
      familyOptions.close();
      throw new UncheckedIOException("cannot create anomaly store directory " + dir, e);
    } catch (RocksDBException e) {
      familyOptions.close();
      throw new IllegalStateException("cannot open anomaly store in " + dir + ": " + e, e);
    }
  }

  /** Stores the anomaly; the same anomaly id at the same time replaces the earlier copy. */
  public void put(MemoryAnomaly anomaly) {
    byte[] value = codec.encode(anomaly);
    withOpenDb(
        "store anomaly " + anomaly.getAnomalyId(),
        () -> {
          db.put(families.get(0), key(anomaly), value);
          return null;
        });
  }

  /** Up to {@code limit} anomalies detected at or after {@code epochMs}, oldest first. */
  public List<MemoryAnomaly> since(long epochMs, int limit) {
    if (limit < 1) {
      throw new IllegalArgumentException("limit must be at least 1, was " + limit);
    }
    return withOpenDb(
        "read anomalies",
        () -> {
          List<MemoryAnomaly> found = new ArrayList<>();
          try (RocksIterator it = db.newIterator(families.get(0))) {
            for (it.seek(timePrefix(epochMs)); it.isValid() && found.size() < limit; it.next()) {
              found.add(codec.decode(it.value()));
            }
          }
          return found;
        });
  }

  /** RocksDB's estimate of the number of stored anomalies (exact after a compaction). */
  public long approximateCount() {
    return withOpenDb(
        "count anomalies", () -> db.getLongProperty(families.get(0), "rocksdb.estimate-num-keys"));
  }

  @Override
  public void close() {
    Lock lock = lifecycle.writeLock();
    lock.lock();
    try {
      if (!closed) {
        closed = true;
        families.forEach(ColumnFamilyHandle::close);
        db.close();
        familyOptions.close();
      }
    } finally {
      lock.unlock();
    }
  }

  private <T> T withOpenDb(String what, RocksCall<T> action) {
    Lock lock = lifecycle.readLock();
    lock.lock();
    try {
      if (closed) {
        throw new IllegalStateException("cannot " + what + ": anomaly store is closed");
      }
      return action.call();
    } catch (RocksDBException e) {
      throw new IllegalStateException("cannot " + what + ": " + e.getMessage(), e);
    } finally {
      lock.unlock();
    }
  }

  private interface RocksCall<T> {
    T call() throws RocksDBException;
  }

  // The sign bit is flipped so that byte order is numeric order for times before 1970 too.
  private static byte[] timePrefix(long epochMs) {
    return ByteBuffer.allocate(Long.BYTES).putLong(epochMs ^ Long.MIN_VALUE).array();
  }

  private static byte[] key(MemoryAnomaly anomaly) {
    byte[] id = utf8(anomaly.getAnomalyId());
    return ByteBuffer.allocate(Long.BYTES + id.length)
        .put(timePrefix(anomaly.getDetectedAtMs()))
        .put(id)
        .array();
  }

  private static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
