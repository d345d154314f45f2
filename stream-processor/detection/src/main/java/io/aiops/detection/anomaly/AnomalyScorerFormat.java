package io.aiops.detection.anomaly;

import io.aiops.detection.PointHistory;
import io.aiops.detection.stl.OnlineStl;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Binary form of an {@link AnomalyScorer}, version 1: the settings, then the state, so a restored
 * scorer needs nothing else.
 *
 * <pre>
 * byte    format (1)
 * long    bucketMs; int periodPoints, warmUpPeriods, seasonalWindowCycles;
 *         double recentSmoothing, recentSlopeSmoothing; int recentWindowPoints,
 *         remainderWindowPoints, minWindowPoints; double clipZ; int shiftRunPoints;
 *         double scaleFloorFraction, ignoredZ, halfZ, cusumSlackZ,
 *         cusumThresholdZ, cusumClipZ; int growthConfirmPoints, maxGapPoints
 * long    last bucket index (Long.MIN_VALUE before the first point)
 * byte    baseline: 0 recent level, 1 daily profile, 2 seasonal
 * int + bytes   the PointHistory (one point and the open bucket)
 * int + bytes   the OnlineStl (length 0 without a seasonal model)
 * recent level: boolean started; double level, slope; int runLength; double runSum
 * int     daily profile points, -1 when none is kept (no seasonal model, or STL is warm); else
 *         that many doubles, oldest first, and the profile's offset as a recent level
 *
 * int + doubles recent residuals, oldest first
 * int + doubles |STL remainders|, oldest first
 * double previous z, mean lag product, mean square   (CUSUM's correlation estimate)
 * 2 x (double statistic; long onsetMs (Long.MIN_VALUE: none); int bigRun, sinceAlarm;
 *      double sinceAlarmSum; byte ongoing kind: 0 none, 1 level_shift, 2 growth)
 *      (CUSUM up, then down)
 * </pre>
 *
 * <p>Size once online STL is warm and its remainder window full: {@code 28 * period + 1,512} bytes
 * (9,576 for 288 points a day, 2,856 for 48), constant from then on: the STL state, 128 remainders,
 * and 326 bytes of settings, history, CUSUM and recent level. While STL warms up it buffers up to
 * {@code warmUpPeriods} days of points, with the first day's profile and the recent window (12.5 KB
 * at most for 288 points a day).
 */
final class AnomalyScorerFormat {
  static final byte VERSION_1 = 1;

  // A garbage header must not make us allocate much: the settings bound the period and windows.
  static final int MAX_PART_BYTES = 1 << 20;

  private AnomalyScorerFormat() {}

  static byte[] write(AnomalyScorer scorer) {
    AnomalyScorerSettings s = scorer.settings();
    ByteArrayOutputStream buffer = new ByteArrayOutputStream(4096);
    try (DataOutputStream out = new DataOutputStream(buffer)) {
      out.writeByte(VERSION_1);
      AnomalyScorerSettingsFormat.write(out, s);
      out.writeLong(scorer.lastBucket());
      out.writeByte(scorer.baseline().ordinal());
      writePart(out, scorer.history().toBytes());
      writePart(out, scorer.stl() == null ? new byte[0] : scorer.stl().toBytes());
      writeRecent(out, scorer.recent());
      DailyProfile profile = scorer.profile();
      if (profile == null) {
        out.writeInt(-1);
      } else {
        writeValues(out, profile.values());
        writeRecent(out, profile.offset());
      }
      writeWindow(out, scorer.recentResiduals());
      writeWindow(out, scorer.absoluteRemainders());
      out.writeDouble(scorer.change().previousZ());
      out.writeDouble(scorer.change().lagProducts());
      out.writeDouble(scorer.change().squares());
      writeSide(out, scorer.change().up);
      writeSide(out, scorer.change().down);
    } catch (IOException e) {
      throw new UncheckedIOException("writing to memory cannot fail", e);
    }
    return buffer.toByteArray();
  }

  static AnomalyScorer read(byte[] bytes) {
    if (bytes == null || bytes.length == 0) {
      throw new IllegalArgumentException("empty anomaly scorer state");
    }
    ByteArrayInputStream buffer = new ByteArrayInputStream(bytes);
    try (DataInputStream in = new DataInputStream(buffer)) {
      byte format = in.readByte();
      check(format == VERSION_1, "unknown anomaly scorer format " + format);
      AnomalyScorerSettings settings = AnomalyScorerSettingsFormat.read(in);
      AnomalyScorer scorer = new AnomalyScorer(settings);
      long lastBucket = in.readLong();
      int baseline = in.readByte();
      check(baseline >= 0 && baseline < Baseline.values().length, "baseline");
      PointHistory history = PointHistory.fromBytes(readPart(in));
      check(
          history.bucketMs() == settings.bucketMs() && history.capacity() == 1,
          "history does not match the settings");
      byte[] stlBytes = readPart(in);
      check(settings.seasonal() == (stlBytes.length > 0), "seasonal state does not match");
      OnlineStl stl = settings.seasonal() ? OnlineStl.fromBytes(stlBytes) : null;
      check(
          stl == null || stl.settings().equals(settings.onlineStl()),
          "online STL settings do not match");
      RecentLevel recent = newRecent(settings);
      readRecent(in, recent, settings);
      DailyProfile profile = readProfile(in, settings);
      check(
          profile == null || baseline != Baseline.SEASONAL.ordinal(),
          "daily profile kept with a seasonal baseline");
      readWindow(in, scorer.recentResiduals());
      readWindow(in, scorer.absoluteRemainders());
      scorer.change().restoreCorrelation(readFinite(in), readFinite(in), readFinite(in));
      readSide(in, scorer.change().up);
      readSide(in, scorer.change().down);
      check(buffer.available() == 0, "trailing bytes");
      check(history.size() <= 1, "history holds more than one point");
      scorer.restore(history, lastBucket, Baseline.values()[baseline], recent, profile, stl);
      return scorer;
    } catch (IOException e) {
      throw new IllegalArgumentException("truncated anomaly scorer state", e);
    } catch (IllegalArgumentException e) {
      if (e.getMessage() != null && e.getMessage().startsWith("invalid anomaly scorer state")) {
        throw e;
      }
      throw new IllegalArgumentException("invalid anomaly scorer state: " + e.getMessage(), e);
    }
  }

  private static void writePart(DataOutputStream out, byte[] part) throws IOException {
    out.writeInt(part.length);
    out.write(part);
  }

  private static byte[] readPart(DataInputStream in) throws IOException {
    int length = in.readInt();
    check(length >= 0 && length <= MAX_PART_BYTES, "part length out of range");
    byte[] part = new byte[length];
    in.readFully(part);
    return part;
  }

  private static void writeWindow(DataOutputStream out, SlidingWindowMad window)
      throws IOException {
    writeValues(out, window.values());
  }

  private static void writeValues(DataOutputStream out, double[] values) throws IOException {
    out.writeInt(values.length);
    for (double value : values) {
      out.writeDouble(value);
    }
  }

  private static void readWindow(DataInputStream in, SlidingWindowMad window) throws IOException {
    int size = in.readInt();
    check(size >= 0 && size <= window.capacity(), "window size out of range");
    for (int i = 0; i < size; i++) {
      window.add(readFinite(in));
    }
  }

  private static DailyProfile readProfile(DataInputStream in, AnomalyScorerSettings settings)
      throws IOException {
    int size = in.readInt();
    if (size == -1) {
      return null;
    }
    check(settings.seasonal(), "daily profile without a seasonal model");
    DailyProfile profile = new DailyProfile(settings.periodPoints(), settings.shiftRunPoints());
    check(size >= 0 && size <= profile.capacity(), "daily profile out of range");
    for (int i = 0; i < size; i++) {
      profile.recordFirstDay(readFinite(in));
    }
    readRecent(in, profile.offset(), settings);
    return profile;
  }

  private static RecentLevel newRecent(AnomalyScorerSettings settings) {
    return new RecentLevel(
        settings.recentSmoothing(), settings.recentSlopeSmoothing(), settings.shiftRunPoints());
  }

  private static void writeRecent(DataOutputStream out, RecentLevel recent) throws IOException {
    out.writeBoolean(recent.started());
    out.writeDouble(recent.level());
    out.writeDouble(recent.slope());
    out.writeInt(recent.runLength());
    out.writeDouble(recent.runSum());
  }

  private static void readRecent(
      DataInputStream in, RecentLevel recent, AnomalyScorerSettings settings) throws IOException {
    boolean started = in.readBoolean();
    double level = readFinite(in);
    double slope = readFinite(in);
    int runLength = in.readInt();
    double runSum = readFinite(in);
    check(runLength >= 0 && runLength < settings.shiftRunPoints(), "run out of range");
    recent.restore(started, level, slope, runLength, runSum);
  }

  private static void writeSide(DataOutputStream out, ChangeDetector.Side side) throws IOException {
    out.writeDouble(side.statistic);
    out.writeLong(side.onsetMs);
    out.writeInt(side.bigRun);
    out.writeInt(side.sinceAlarm);
    out.writeDouble(side.sinceAlarmSum);
    out.writeByte(kindCode(side.ongoing));
  }

  private static void readSide(DataInputStream in, ChangeDetector.Side side) throws IOException {
    double statistic = readFinite(in);
    long onsetMs = in.readLong();
    int bigRun = in.readInt();
    int sinceAlarm = in.readInt();
    double sinceAlarmSum = readFinite(in);
    AnomalyKind ongoing = kindOf(in.readByte());
    check(statistic >= 0 && bigRun >= 0 && sinceAlarm >= -1, "change statistic out of range");
    side.restore(statistic, onsetMs, bigRun, sinceAlarm, sinceAlarmSum, ongoing);
  }

  // Fixed codes, so reordering the enum cannot change the format.
  private static byte kindCode(AnomalyKind kind) {
    return switch (kind) {
      case NONE -> 0;
      case LEVEL_SHIFT -> 1;
      case GROWTH -> 2;
      default -> throw new IllegalStateException("not a change kind: " + kind);
    };
  }

  private static AnomalyKind kindOf(byte code) {
    return switch (code) {
      case 0 -> AnomalyKind.NONE;
      case 1 -> AnomalyKind.LEVEL_SHIFT;
      case 2 -> AnomalyKind.GROWTH;
      default -> throw new IllegalArgumentException("invalid anomaly scorer state: change kind");
    };
  }

  private static double readFinite(DataInputStream in) throws IOException {
    double value = in.readDouble();
    check(Double.isFinite(value), "non-finite value");
    return value;
  }

  private static void check(boolean condition, String problem) {
    if (!condition) {
      throw new IllegalArgumentException("invalid anomaly scorer state: " + problem);
    }
  }
}
