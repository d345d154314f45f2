package io.aiops.sinks.store;

import java.util.List;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import org.rocksdb.ColumnFamilyHandle;
import org.rocksdb.ColumnFamilyOptions;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksDBException;

/**
 * One open RocksDB and its column families, used by several threads and closed once. RocksJava
 * crashes the JVM on a closed handle, so close waits for the calls in flight and later calls fail
 * cleanly with an IllegalStateException.
 */
final class GuardedRocksDb implements AutoCloseable {
  private final RocksDB db;
  private final List<ColumnFamilyHandle> families;
  private final List<ColumnFamilyOptions> familyOptions;
  private final ReentrantReadWriteLock lifecycle = new ReentrantReadWriteLock();
  private boolean closed;

  GuardedRocksDb(
      RocksDB db, List<ColumnFamilyHandle> families, List<ColumnFamilyOptions> familyOptions) {
    this.db = db;
    this.families = List.copyOf(families);
    this.familyOptions = List.copyOf(familyOptions);
  }

  /** A call on the database while it is open. */
  interface RocksCall<T> {
    T call(RocksDB db) throws RocksDBException;
  }

  /** The column family opened at {@code index} (the order the descriptors were given in). */
  ColumnFamilyHandle family(int index) {
    return families.get(index);
  }

  /** Runs {@code action} while the database stays open; {@code what} names it in errors. */
  <T> T call(String what, RocksCall<T> action) {
    Lock lock = lifecycle.readLock();
    lock.lock();
    try {
      if (closed) {
        throw new IllegalStateException("cannot " + what + ": the query store is closed");
      }
      return action.call(db);
    } catch (RocksDBException e) {
      throw new IllegalStateException("cannot " + what + ": " + e.getMessage(), e);
    } finally {
      lock.unlock();
    }
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
        familyOptions.forEach(ColumnFamilyOptions::close);
      }
    } finally {
      lock.unlock();
    }
  }
}
