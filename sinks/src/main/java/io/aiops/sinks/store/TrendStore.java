package io.aiops.sinks.store;

import io.aiops.schemas.memory.MemoryTrend;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.rocksdb.ColumnFamilyHandle;
import org.rocksdb.FlushOptions;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksDBException;
import org.rocksdb.RocksIterator;
import org.rocksdb.WriteBatch;
import org.rocksdb.WriteOptions;

/**
 * The trend points of the query store (one {@link MemoryTrend} per process per window), keyed as
 * {@link TrendKeys} says, with an index of series (first kept window, latest point) per host. A
 * point costs one index read and one atomic batch write; old points are cut as {@link
 * TrendRetention} says. A re-sent point (same series and window end) overwrites itself.
 */
public final class TrendStore {
  private static final int DELETES_PER_BATCH = 1_000;

  private final GuardedRocksDb db;
  private final ColumnFamilyHandle points;
  private final ColumnFamilyHandle index;
  private final TrendRetention retention;
  private final StoredRecordCodec<MemoryTrend> codec = QueryStore.trendCodec();
  // The index is read, changed and written back: writers take turns (readers need not).
  private final Object writing = new Object();

  TrendStore(
      GuardedRocksDb db,
      ColumnFamilyHandle points,
      ColumnFamilyHandle index,
      TrendRetention retention) {
    this.db = db;
    this.points = points;
    this.index = index;
    this.retention = retention;
  }

  /** Stores the point; throws IllegalArgumentException for one {@link TrendValidation} refuses. */
  public void put(MemoryTrend trend) {
    TrendValidation.problem(trend)
        .ifPresent(
            problem -> {
              throw new IllegalArgumentException(problem);
            });
    byte[] prefix = TrendKeys.series(trend.getHostId(), trend.getSeriesId());
    byte[] value = codec.encode(trend);
    db.call(
        "store trend point of " + trend.getSeriesId(),
        rocks -> {
          synchronized (writing) {
            write(rocks, prefix, trend, value);
          }
          return null;
        });
  }

  /**
   * Up to {@code limit} points of one series whose window ends at or after {@code sinceMs}, oldest
   * first.
   */
  public List<MemoryTrend> points(String hostId, String seriesId, long sinceMs, int limit) {
    if (limit < 1) {
      throw new IllegalArgumentException("limit must be at least 1, was " + limit);
    }
    byte[] prefix = TrendKeys.series(hostId, seriesId);
    return db.call(
        "read trend points of " + seriesId,
        rocks -> {
          List<MemoryTrend> found = new ArrayList<>();
          try (RocksIterator it = rocks.newIterator(points)) {
            for (it.seek(TrendKeys.point(prefix, sinceMs));
                it.isValid() && found.size() < limit && TrendKeys.startsWith(it.key(), prefix);
                it.next()) {
              found.add(codec.decode(it.value()));
            }
          }
          return found;
        });
  }

  /** Every series of the host kept, in series id order. */
  public List<TrendSeries> series(String hostId) {
    byte[] prefix = TrendKeys.host(hostId);
    return db.call(
        "list the trend series of " + hostId,
        rocks -> {
          List<TrendSeries> found = new ArrayList<>();
          try (RocksIterator it = rocks.newIterator(index)) {
            for (it.seek(prefix);
                it.isValid() && TrendKeys.startsWith(it.key(), prefix);
                it.next()) {
              found.add(decodeSeries(it.value()));
            }
          }
          return found;
        });
  }

  /** The series of the host whose process has this pid, the one seen last if the pid was reused. */
  public Optional<TrendSeries> latestOfPid(String hostId, int pid) {
    return series(hostId).stream()
        .filter(s -> s.latest().getPid() != null && s.latest().getPid() == pid)
        .max(Comparator.comparingLong(TrendSeries::lastWindowEndMs));
  }

  /** The series, if it is kept. */
  public Optional<TrendSeries> series(String hostId, String seriesId) {
    byte[] key = TrendKeys.series(hostId, seriesId);
    return db.call(
        "read trend series " + seriesId,
        rocks -> Optional.ofNullable(rocks.get(index, key)).map(this::decodeSeries));
  }

  /**
   * Drops every series whose last window ended before {@code nowMs} minus the retention (processes
   * gone for that long); returns how many. Its cost is one index scan, whatever the points.
   */
  public int expire(long nowMs) {
    long before = retention.expiredBefore(nowMs);
    return db.call(
        "expire trend series",
        rocks -> {
          synchronized (writing) {
            return expire(rocks, before);
          }
        });
  }

  /** RocksDB's estimate of the number of stored points. */
  public long approximatePointCount() {
    return db.call(
        "count trend points", rocks -> rocks.getLongProperty(points, "rocksdb.estimate-num-keys"));
  }

  /** Flushes and compacts the points, then their size on disk in bytes (for measurements). */
  long compactedPointBytes() {
    return db.call(
        "compact trend points",
        rocks -> {
          try (FlushOptions flush = new FlushOptions().setWaitForFlush(true)) {
            rocks.flush(flush, points);
          }
          rocks.compactRange(points);
          return rocks.getLongProperty(points, "rocksdb.total-sst-files-size");
        });
  }

  StoredRecordCodec<MemoryTrend> codec() {
    return codec;
  }

  private void write(RocksDB rocks, byte[] prefix, MemoryTrend trend, byte[] value)
      throws RocksDBException {
    byte[] indexed = rocks.get(index, prefix);
    TrendSeries before = indexed == null ? null : decodeSeries(indexed);
    long firstStartMs = trend.getWindowStartMs();
    MemoryTrend latest = trend;
    if (before != null) {
      firstStartMs = Math.min(firstStartMs, before.firstWindowStartMs());
      if (before.lastWindowEndMs() > trend.getWindowEndMs()) {
        latest = before.latest();
      }
    }
    if (trend.getWindowEndMs() < retention.keepFrom(latest.getWindowEndMs())) {
      return; // a late copy of a point the retention has already cut
    }
    try (WriteBatch batch = new WriteBatch();
        WriteOptions options = new WriteOptions()) {
      batch.put(points, TrendKeys.point(prefix, trend.getWindowEndMs()), value);
      OptionalLong trimBefore = retention.trimBefore(firstStartMs, latest.getWindowEndMs());
      if (trimBefore.isPresent()) {
        byte[] cut = TrendKeys.point(prefix, trimBefore.getAsLong());
        batch.deleteRange(points, prefix, cut);
        firstStartMs = Math.min(trend.getWindowStartMs(), firstStartFrom(rocks, prefix, cut));
      }
      batch.put(index, prefix, encodeSeries(firstStartMs, latest));
      rocks.write(options, batch);
    }
  }

  /** The window start of the series' first point at or after {@code key}; MAX_VALUE if none. */
  private long firstStartFrom(RocksDB rocks, byte[] prefix, byte[] key) {
    try (RocksIterator it = rocks.newIterator(points)) {
      it.seek(key);
      return it.isValid() && TrendKeys.startsWith(it.key(), prefix)
          ? codec.decode(it.value()).getWindowStartMs()
          : Long.MAX_VALUE;
    }
  }

  private int expire(RocksDB rocks, long beforeMs) throws RocksDBException {
    int expired = 0;
    try (WriteOptions options = new WriteOptions();
        WriteBatch batch = new WriteBatch();
        RocksIterator it = rocks.newIterator(index)) {
      for (it.seekToFirst(); it.isValid(); it.next()) {
        if (decodeSeries(it.value()).lastWindowEndMs() >= beforeMs) {
          continue;
        }
        byte[] prefix = it.key();
        batch.deleteRange(points, prefix, TrendKeys.after(prefix));
        batch.delete(index, prefix);
        if (++expired % DELETES_PER_BATCH == 0) {
          rocks.write(options, batch);
          batch.clear();
        }
      }
      rocks.write(options, batch);
    }
    return expired;
  }

  private byte[] encodeSeries(long firstWindowStartMs, MemoryTrend latest) {
    byte[] trend = codec.encode(latest);
    return ByteBuffer.allocate(Long.BYTES + trend.length)
        .putLong(firstWindowStartMs)
        .put(trend)
        .array();
  }

  private TrendSeries decodeSeries(byte[] value) {
    return new TrendSeries(ByteBuffer.wrap(value).getLong(), codec.decode(value, Long.BYTES));
  }
}
