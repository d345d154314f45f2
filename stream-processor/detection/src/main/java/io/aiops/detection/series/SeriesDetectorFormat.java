package io.aiops.detection.series;

import io.aiops.detection.PointHistory;
import io.aiops.detection.anomaly.AnomalyScorer;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Binary form of a {@link SeriesDetector}, version 1. The settings are the caller's (the same for
 * every series of a deployment) and are not stored; the history's bucket and capacity are, and must
 * match them.
 *
 * <pre>
 * byte    format (1)
 * long    limitBytes
 * int     samples since the last verdict
 * boolean judged at least once
 * long    points scored
 * int + bytes   the leak history ({@link PointHistory#toBytes()})
 * byte    0: first samples held, then int n and n x (long timestampMs, double value)
 *         1: scoring, then int + bytes the anomaly scorer ({@link AnomalyScorer#toBytes()})
 * </pre>
 *
 * <p>Size with the default settings, measured: at most 14,109 bytes ({@link #MAX_DEFAULT_BYTES}
 * rounds it up), whatever the sample interval; 11,188 from the fifth day on at samples every 5.5
 * minutes or faster, constant from then on. The leak history takes 1,581 bytes once its 96 buckets
 * are full; the anomaly scorer 9,576 at 288 points a day once online STL is warm, 12,497 at most
 * while STL buffers its four warm-up days; the first samples, held until the scorer starts, keep
 * the whole state under 2.1 KB.
 */
final class SeriesDetectorFormat {
  static final byte VERSION_1 = 1;

  /** The largest state with the default settings, whatever the sample interval (tested). */
  static final int MAX_DEFAULT_BYTES = 14_200;

  private static final int MAX_PART_BYTES = 1 << 22;

  private SeriesDetectorFormat() {}

  static byte[] write(SeriesDetector detector) {
    ByteArrayOutputStream buffer = new ByteArrayOutputStream(4096);
    try (DataOutputStream out = new DataOutputStream(buffer)) {
      out.writeByte(VERSION_1);
      out.writeLong(detector.limitBytes());
      out.writeInt(detector.samplesSinceVerdict());
      out.writeBoolean(detector.judged());
      out.writeLong(detector.pointsScored());
      writePart(out, detector.liveHistory().toBytes());
      if (detector.scorer() == null) {
        FirstSamples held = detector.firstSamples();
        out.writeByte(0);
        out.writeInt(held.size());
        for (int i = 0; i < held.size(); i++) {
          out.writeLong(held.timestampMsAt(i));
          out.writeDouble(held.valueAt(i));
        }
      } else {
        out.writeByte(1);
        writePart(out, detector.scorer().toBytes());
      }
    } catch (IOException e) {
      throw new UncheckedIOException("writing to memory cannot fail", e);
    }
    return buffer.toByteArray();
  }

  static SeriesDetector read(SeriesDetectorSettings settings, byte[] bytes) {
    if (bytes == null || bytes.length == 0) {
      throw new IllegalArgumentException("empty series detector state");
    }
    ByteArrayInputStream buffer = new ByteArrayInputStream(bytes);
    try (DataInputStream in = new DataInputStream(buffer)) {
      byte format = in.readByte();
      check(format == VERSION_1, "unknown series detector format " + format);
      long limitBytes = in.readLong();
      int samplesSinceVerdict = in.readInt();
      boolean judged = in.readBoolean();
      long pointsScored = in.readLong();
      check(samplesSinceVerdict >= 0 && pointsScored >= 0, "negative count");
      PointHistory history = PointHistory.fromBytes(readPart(in));
      check(
          history.bucketMs() == settings.historyBucket().toMillis()
              && history.capacity() == settings.historyCapacity(),
          "history written under other settings");
      byte phase = in.readByte();
      FirstSamples firstSamples = null;
      AnomalyScorer scorer = null;
      if (phase == 0) {
        int n = in.readInt();
        check(n >= 0 && n <= FirstSamples.CAPACITY, "first sample count out of range");
        long[] timestampsMs = new long[n];
        double[] values = new double[n];
        for (int i = 0; i < n; i++) {
          timestampsMs[i] = in.readLong();
          values[i] = in.readDouble();
        }
        firstSamples = FirstSamples.of(timestampsMs, values);
      } else {
        check(phase == 1, "unknown phase " + phase);
        scorer = AnomalyScorer.fromBytes(readPart(in));
      }
      check(buffer.available() == 0, "trailing bytes");
      return new SeriesDetector(
          settings,
          history,
          firstSamples,
          scorer,
          limitBytes,
          samplesSinceVerdict,
          judged,
          pointsScored);
    } catch (IOException e) {
      throw new IllegalArgumentException("truncated series detector state", e);
    }
  }

  private static void writePart(DataOutputStream out, byte[] part) throws IOException {
    out.writeInt(part.length);
    out.write(part);
  }

  private static byte[] readPart(DataInputStream in) throws IOException {
    int length = in.readInt();
    check(length > 0 && length <= MAX_PART_BYTES, "part length out of range");
    byte[] part = new byte[length];
    in.readFully(part);
    return part;
  }

  private static void check(boolean condition, String problem) {
    if (!condition) {
      throw new IllegalArgumentException("invalid series detector state: " + problem);
    }
  }
}
