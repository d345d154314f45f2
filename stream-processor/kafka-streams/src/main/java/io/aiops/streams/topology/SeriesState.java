package io.aiops.streams.topology;

import io.aiops.detection.PointHistory;
import io.aiops.detection.series.SeriesDetector;
import io.aiops.detection.series.SeriesDetectorSettings;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * What the topology remembers about one process series between samples: the open trend window, the
 * series detector and what was last announced. Stored as compact bytes in RocksDB; format 1 (a bare
 * leak history, before the series detector) is still read, its history continued.
 */
final class SeriesState {
  private static final byte FORMAT_1 = 1;
  private static final byte FORMAT_2 = 2;
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
  long verdictAtMs = NONE;
  long limitBytes = NONE;

  SeriesDetector detector;

  static SeriesState start(
      String hostId, String comm, String service, int pid, SeriesDetector detector) {
    SeriesState state = new SeriesState();
    state.hostId = hostId;
    state.comm = comm;
    state.service = service;
    state.pid = pid;
    state.detector = detector;
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

  /**
   * The ETA of the last verdict, counted down to {@code atMs}: verdicts come at a cadence (hours
   * apart), and the time to exhaustion shrinks in between. NaN when there is none.
   */
  double etaSecondsAt(long atMs) {
    if (Double.isNaN(etaSeconds) || verdictAtMs == NONE) {
      return etaSeconds;
    }
    return Math.max(0, etaSeconds - Math.max(0, atMs - verdictAtMs) / 1000.0);
  }

  byte[] toBytes() {
    ByteArrayOutputStream buffer = new ByteArrayOutputStream(4096);
    try (DataOutputStream out = new DataOutputStream(buffer)) {
      out.writeByte(FORMAT_2);
      writeCommon(out);
      out.writeLong(verdictAtMs);
      byte[] detectorBytes = detector.toBytes();
      out.writeInt(detectorBytes.length);
      out.write(detectorBytes);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return buffer.toByteArray();
  }

  static SeriesState fromBytes(byte[] bytes, SeriesDetectorSettings settings) {
    try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
      byte format = in.readByte();
      if (format != FORMAT_1 && format != FORMAT_2) {
        throw new IllegalArgumentException("unknown series state format " + format);
      }
      SeriesState s = new SeriesState();
      s.readCommon(in);
      if (format == FORMAT_2) {
        s.verdictAtMs = in.readLong();
      }
      byte[] part = new byte[in.readInt()];
      in.readFully(part);
      s.detector =
          format == FORMAT_2
              ? SeriesDetector.fromBytes(settings, part)
              : SeriesDetector.continuing(settings, PointHistory.fromBytes(part));
      return s;
    } catch (IOException | NegativeArraySizeException e) {
      throw new IllegalArgumentException("truncated series state", e);
    }
  }

  private void writeCommon(DataOutputStream out) throws IOException {
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
  }

  private void readCommon(DataInputStream in) throws IOException {
    hostId = in.readUTF();
    comm = in.readUTF();
    service = in.readUTF();
    pid = in.readInt();
    windowStartMs = in.readLong();
    windowCount = in.readInt();
    windowSumBytes = in.readDouble();
    windowMinBytes = in.readLong();
    windowMaxBytes = in.readLong();
    lastBytes = in.readLong();
    leakSinceMs = in.readLong();
    lastAnomalyMs = in.readLong();
    slopeBytesPerHour = in.readDouble();
    etaSeconds = in.readDouble();
    limitBytes = in.readLong();
  }
}
