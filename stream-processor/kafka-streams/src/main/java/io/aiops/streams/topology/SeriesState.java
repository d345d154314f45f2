package io.aiops.streams.topology;

import io.aiops.detection.PointHistory;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * What the topology remembers about one process series between samples: the open trend window, the
 * detector's downsampled history and the last verdict. Stored as compact bytes in RocksDB.
 */
final class SeriesState {
  private static final byte FORMAT = 1;
  static final long NONE = -1;

  String hostId;
  String comm;
  String service;
  int pid;

  long windowStartMs = NONE;
  int windowCount;
  double windowSumBytes;
  long windowMinBytes;
  long windowMaxBytes;
  long lastBytes;

  long leakSinceMs = NONE;
  long lastAnomalyMs = NONE;
  double slopeBytesPerHour = Double.NaN;
  double etaSeconds = Double.NaN;
  long limitBytes = NONE;

  PointHistory history;

  static SeriesState start(String hostId, String comm, String service, int pid, PointHistory h) {
    SeriesState state = new SeriesState();
    state.hostId = hostId;
    state.comm = comm;
    state.service = service;
    state.pid = pid;
    state.history = h;
    return state;
  }

  void openWindow(long windowStartMs, long bytes) {
    this.windowStartMs = windowStartMs;
    windowCount = 1;
    windowSumBytes = bytes;
    windowMinBytes = bytes;
    windowMaxBytes = bytes;
    lastBytes = bytes;
  }

  void addToWindow(long bytes) {
    windowCount++;
    windowSumBytes += bytes;
    windowMinBytes = Math.min(windowMinBytes, bytes);
    windowMaxBytes = Math.max(windowMaxBytes, bytes);
    lastBytes = bytes;
  }

  byte[] toBytes() {
    ByteArrayOutputStream buffer = new ByteArrayOutputStream(256);
    try (DataOutputStream out = new DataOutputStream(buffer)) {
      out.writeByte(FORMAT);
      out.writeUTF(hostId);
      out.writeUTF(comm);
      out.writeUTF(service);
      out.writeInt(pid);
      out.writeLong(windowStartMs);
      out.writeInt(windowCount);
      out.writeDouble(windowSumBytes);
      out.writeLong(windowMinBytes);
      out.writeLong(windowMaxBytes);
      out.writeLong(lastBytes);
      out.writeLong(leakSinceMs);
      out.writeLong(lastAnomalyMs);
      out.writeDouble(slopeBytesPerHour);
      out.writeDouble(etaSeconds);
      out.writeLong(limitBytes);
      byte[] historyBytes = history.toBytes();
      out.writeInt(historyBytes.length);
      out.write(historyBytes);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return buffer.toByteArray();
  }

  static SeriesState fromBytes(byte[] bytes) {
    try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
      byte format = in.readByte();
      if (format != FORMAT) {
        throw new IllegalArgumentException("unknown series state format " + format);
      }
      SeriesState s = new SeriesState();
      s.hostId = in.readUTF();
      s.comm = in.readUTF();
      s.service = in.readUTF();
      s.pid = in.readInt();
      s.windowStartMs = in.readLong();
      s.windowCount = in.readInt();
      s.windowSumBytes = in.readDouble();
      s.windowMinBytes = in.readLong();
      s.windowMaxBytes = in.readLong();
      s.lastBytes = in.readLong();
      s.leakSinceMs = in.readLong();
      s.lastAnomalyMs = in.readLong();
      s.slopeBytesPerHour = in.readDouble();
      s.etaSeconds = in.readDouble();
      s.limitBytes = in.readLong();
      byte[] historyBytes = new byte[in.readInt()];
      in.readFully(historyBytes);
      s.history = PointHistory.fromBytes(historyBytes);
      return s;
    } catch (IOException e) {
      throw new IllegalArgumentException("truncated series state", e);
    }
  }
}
