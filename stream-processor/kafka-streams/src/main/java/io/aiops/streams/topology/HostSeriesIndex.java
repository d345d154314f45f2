package io.aiops.streams.topology;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The series one host has, with when each was last seen, so that series of exited processes and of
 * past boots are forgotten instead of filling the store.
 */
final class HostSeriesIndex {
  private final Map<String, Long> lastSeenMsBySeries;

  private HostSeriesIndex(Map<String, Long> lastSeenMsBySeries) {
    this.lastSeenMsBySeries = lastSeenMsBySeries;
  }

  static HostSeriesIndex empty() {
    return new HostSeriesIndex(new HashMap<>());
  }

  void seen(String seriesId, long timestampMs) {
    lastSeenMsBySeries.merge(seriesId, timestampMs, Math::max);
  }

  /**
   * Removes and returns the series from another boot than {@code currentBootPrefix}, or not seen
   * since {@code cutoffMs}.
   */
  List<String> evict(String currentBootPrefix, long cutoffMs) {
    List<String> evicted = new ArrayList<>();
    lastSeenMsBySeries
        .entrySet()
        .removeIf(
            entry -> {
              boolean stale =
                  !entry.getKey().startsWith(currentBootPrefix) || entry.getValue() < cutoffMs;
              if (stale) {
                evicted.add(entry.getKey());
              }
              return stale;
            });
    return evicted;
  }

  int size() {
    return lastSeenMsBySeries.size();
  }

  byte[] toBytes() {
    ByteArrayOutputStream buffer = new ByteArrayOutputStream(64 * lastSeenMsBySeries.size() + 4);
    try (DataOutputStream out = new DataOutputStream(buffer)) {
      out.writeInt(lastSeenMsBySeries.size());
      for (Map.Entry<String, Long> entry : lastSeenMsBySeries.entrySet()) {
        out.writeUTF(entry.getKey());
        out.writeLong(entry.getValue());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return buffer.toByteArray();
  }

  static HostSeriesIndex fromBytes(byte[] bytes) {
    try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
      int size = in.readInt();
      Map<String, Long> map = new HashMap<>(Math.max(16, size * 2));
      for (int i = 0; i < size; i++) {
        map.put(in.readUTF(), in.readLong());
      }
      return new HostSeriesIndex(map);
    } catch (IOException e) {
      throw new IllegalArgumentException("truncated host series index", e);
    }
  }
}
