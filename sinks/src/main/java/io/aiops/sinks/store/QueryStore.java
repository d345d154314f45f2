package io.aiops.sinks.store;

import io.aiops.schemas.memory.MemoryAnomaly;
import io.aiops.schemas.memory.MemoryTrend;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.rocksdb.BlockBasedTableConfig;
import org.rocksdb.ColumnFamilyDescriptor;
import org.rocksdb.ColumnFamilyHandle;
import org.rocksdb.ColumnFamilyOptions;
import org.rocksdb.CompressionType;
import org.rocksdb.DBOptions;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksDBException;

/**
 * The query store: one RocksDB holding the anomalies ({@link AnomalyStore}, the default column
 * family, as before trends were kept) and the processes' trend points ({@link TrendStore}, column
 * families "trends" and "trend-series"), with the writer schemas of both in "schemas".
 */
public final class QueryStore implements AutoCloseable {
  private static final int ANOMALIES = 0;
  private static final int SCHEMAS = 1;
  private static final int TREND_POINTS = 2;
  private static final int TREND_SERIES = 3;

  static {
    RocksDB.loadLibrary();
  }

  private final GuardedRocksDb db;
  private final AnomalyStore anomalies;
  private final TrendStore trends;

  private QueryStore(GuardedRocksDb db, TrendRetention retention) {
    this.db = db;
    this.anomalies = new AnomalyStore(db, db.family(ANOMALIES));
    this.trends = new TrendStore(db, db.family(TREND_POINTS), db.family(TREND_SERIES), retention);
  }

  /** Opens (creating if needed) the store in {@code dir}, keeping trends the default time. */
  public static QueryStore open(Path dir) {
    return open(dir, TrendRetention.DEFAULT);
  }

  /** Opens (creating if needed) the store in {@code dir}, keeping trends for {@code retention}. */
  public static QueryStore open(Path dir, TrendRetention retention) {
    List<ColumnFamilyOptions> familyOptions = new ArrayList<>();
    List<ColumnFamilyDescriptor> descriptors = new ArrayList<>();
    descriptors.add(family(RocksDB.DEFAULT_COLUMN_FAMILY, familyOptions, false));
    descriptors.add(family(utf8("schemas"), familyOptions, false));
    // Neighbouring points of one series repeat its ids and names: zstd over 16 KiB blocks packs a
    // point into ~57 bytes, against ~88 with the default (snappy, 4 KiB) and ~300 uncompressed.
    descriptors.add(family(utf8("trends"), familyOptions, true));
    descriptors.add(family(utf8("trend-series"), familyOptions, false));
    List<ColumnFamilyHandle> handles = new ArrayList<>();
    try (DBOptions options =
        new DBOptions().setCreateIfMissing(true).setCreateMissingColumnFamilies(true)) {
      Files.createDirectories(dir);
      GuardedRocksDb db =
          new GuardedRocksDb(
              RocksDB.open(options, dir.toString(), descriptors, handles), handles, familyOptions);
      try {
        QueryStore store = new QueryStore(db, retention);
        db.call(
            "load the stored schemas",
            rocks -> {
              store.anomalies.codec().loadWriterSchemas(rocks, db.family(SCHEMAS));
              store.trends.codec().loadWriterSchemas(rocks, db.family(SCHEMAS));
              return null;
            });
        return store;
      } catch (RuntimeException e) {
        db.close();
        throw e;
      }
    } catch (IOException e) {
      familyOptions.forEach(ColumnFamilyOptions::close);
      throw new UncheckedIOException("cannot create query store directory " + dir, e);
    } catch (RocksDBException e) {
      familyOptions.forEach(ColumnFamilyOptions::close);
      throw new IllegalStateException("cannot open query store in " + dir + ": " + e, e);
    }
  }

  /** The anomalies, by detection time. */
  public AnomalyStore anomalies() {
    return anomalies;
  }

  /** The trend points, by host, series and window end. */
  public TrendStore trends() {
    return trends;
  }

  @Override
  public void close() {
    db.close();
  }

  private static ColumnFamilyDescriptor family(
      byte[] name, List<ColumnFamilyOptions> all, boolean compressed) {
    ColumnFamilyOptions options = new ColumnFamilyOptions();
    if (compressed) {
      options.setCompressionType(CompressionType.ZSTD_COMPRESSION);
      options.setTableFormatConfig(new BlockBasedTableConfig().setBlockSize(16 * 1024));
    }
    all.add(options);
    return new ColumnFamilyDescriptor(name, options);
  }

  private static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  static StoredRecordCodec<MemoryAnomaly> anomalyCodec() {
    return new StoredRecordCodec<>(MemoryAnomaly.class, MemoryAnomaly.getClassSchema());
  }

  static StoredRecordCodec<MemoryTrend> trendCodec() {
    return new StoredRecordCodec<>(MemoryTrend.class, MemoryTrend.getClassSchema());
  }
}
