package io.aiops.detection.stl;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Binary form of an {@link OnlineStl}, version 1: the settings, so a restored instance needs
 * nothing else, then the state.
 *
 * <pre>
 * byte    format (1)
 * int     periodPoints; boolean periodic; int x 11: seasonal window, degree, jump; trend window,
 *         degree, jump; low-pass window, degree, jump; inner, outer iterations
 * int     warmUpPeriods; double x 6: level, slope, seasonal, seasonal slope, scale smoothing,
 *         clipScales;
 *         int shiftRunPoints, int shiftRunCycles
 * long    pointsSeen
 * if pointsSeen &lt; warm-up points: pointsSeen x double, the buffered points
 * else:   double seasonalSum, level, slope, scale; int runLength; double runSum;
 *         period x (double seasonal, double seasonalSlope, int phaseRunCycles,
 *         double phaseRunSum)
 * </pre>
 *
 * <p>A ready state takes {@code 28 * period + 162} bytes (1,506 for period 48); a warming one
 * {@code 118 + 8 * buffered points}.
 */
final class OnlineStlFormat {
  static final byte VERSION_1 = 1;

  // A garbage header must not make us allocate gigabytes; a day of 10-second points is 8,640.
  static final int MAX_PERIOD = 1 << 16;
  static final int MAX_WARM_UP_PERIODS = 64;

  private OnlineStlFormat() {}

  static byte[] write(OnlineStl online) {
    OnlineStlSettings settings = online.settings();
    ByteArrayOutputStream buffer = new ByteArrayOutputStream(128 + 8 * settings.periodPoints());
    try (DataOutputStream out = new DataOutputStream(buffer)) {
      out.writeByte(VERSION_1);
      writeBatch(out, settings.batch());
      out.writeInt(settings.warmUpPeriods());
      out.writeDouble(settings.levelSmoothing());
      out.writeDouble(settings.slopeSmoothing());
      out.writeDouble(settings.seasonalSmoothing());
      out.writeDouble(settings.seasonalSlopeSmoothing());
      out.writeDouble(settings.scaleSmoothing());
      out.writeDouble(settings.clipScales());
      out.writeInt(settings.shiftRunPoints());
      out.writeInt(settings.shiftRunCycles());
      out.writeLong(online.pointsSeen());
      if (!online.ready()) {
        for (double value : online.warmUpPoints()) {
          out.writeDouble(value);
        }
      } else {
        out.writeDouble(online.seasonalSum());
        out.writeDouble(online.level());
        out.writeDouble(online.slope());
        out.writeDouble(online.scale());
        out.writeInt(online.levelRuns().length(0));
        out.writeDouble(online.levelRuns().sum(0));
        double[] seasonal = online.seasonalState();
        double[] seasonalSlope = online.seasonalSlopeState();
        OutlierRuns phaseRuns = online.phaseRuns();
        for (int phase = 0; phase < seasonal.length; phase++) {
          out.writeDouble(seasonal[phase]);
          out.writeDouble(seasonalSlope[phase]);
          out.writeInt(phaseRuns.length(phase));
          out.writeDouble(phaseRuns.sum(phase));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("writing to memory cannot fail", e);
    }
    return buffer.toByteArray();
  }

  static OnlineStl read(byte[] bytes) {
    if (bytes == null || bytes.length == 0) {
      throw new IllegalArgumentException("empty online STL state");
    }
    ByteArrayInputStream buffer = new ByteArrayInputStream(bytes);
    try (DataInputStream in = new DataInputStream(buffer)) {
      byte format = in.readByte();
      check(format == VERSION_1, "unknown online STL format " + format);
      OnlineStlSettings settings = readSettings(in);
      long pointsSeen = in.readLong();
      check(pointsSeen >= 0, "negative point count");
      OnlineStl online;
      if (pointsSeen < settings.warmUpPoints()) {
        online = OnlineStl.restoreWarmingUp(settings, readFinite(in, (int) pointsSeen));
      } else {
        online = readReady(in, settings, pointsSeen);
      }
      check(buffer.available() == 0, "trailing bytes");
      return online;
    } catch (IOException e) {
      throw new IllegalArgumentException("truncated online STL state", e);
    }
  }

  private static OnlineStl readReady(
      DataInputStream in, OnlineStlSettings settings, long pointsSeen) throws IOException {
    double seasonalSum = readFinite(in);
    double level = readFinite(in);
    double slope = readFinite(in);
    double scale = readFinite(in);
    check(scale >= 0, "negative scale");
    int period = settings.periodPoints();
    double[] seasonal = new double[period];
    double[] seasonalSlope = new double[period];
    int levelRunLength = in.readInt();
    double levelRunSum = readFinite(in);
    int[] phaseRunLengths = new int[period];
    double[] phaseRunSums = new double[period];
    for (int phase = 0; phase < period; phase++) {
      seasonal[phase] = readFinite(in);
      seasonalSlope[phase] = readFinite(in);
      phaseRunLengths[phase] = in.readInt();
      phaseRunSums[phase] = readFinite(in);
    }
    OnlineStl online =
        OnlineStl.restoreReady(
            settings, pointsSeen, seasonal, seasonalSlope, seasonalSum, level, slope, scale);
    restoreRun(online.levelRuns(), 0, levelRunLength, levelRunSum, settings.shiftRunPoints());
    for (int phase = 0; phase < period; phase++) {
      restoreRun(
          online.phaseRuns(),
          phase,
          phaseRunLengths[phase],
          phaseRunSums[phase],
          settings.shiftRunCycles());
    }
    return online;
  }

  private static void restoreRun(
      OutlierRuns runs, int track, int length, double sum, int runToShift) {
    check(length >= 0 && length < runToShift, "outlier run out of range");
    runs.restore(track, length, sum);
  }

  private static void writeBatch(DataOutputStream out, StlSettings batch) throws IOException {
    out.writeInt(batch.periodPoints());
    out.writeBoolean(batch.periodic());
    for (int value :
        new int[] {
          batch.seasonalWindowCycles(),
          batch.seasonalDegree(),
          batch.seasonalJumpCycles(),
          batch.trendWindowPoints(),
          batch.trendDegree(),
          batch.trendJumpPoints(),
          batch.lowPassWindowPoints(),
          batch.lowPassDegree(),
          batch.lowPassJumpPoints(),
          batch.innerIterations(),
          batch.outerIterations()
        }) {
      out.writeInt(value);
    }
  }

  private static OnlineStlSettings readSettings(DataInputStream in) throws IOException {
    int period = in.readInt();
    check(period >= 2 && period <= MAX_PERIOD, "period out of range");
    boolean periodic = in.readBoolean();
    int[] v = new int[11];
    for (int i = 0; i < v.length; i++) {
      v[i] = in.readInt();
    }
    int warmUpPeriods = in.readInt();
    check(warmUpPeriods <= MAX_WARM_UP_PERIODS, "warm-up out of range");
    try {
      StlSettings batch =
          new StlSettings(
              period, periodic, v[0], v[1], v[2], v[3], v[4], v[5], v[6], v[7], v[8], v[9], v[10]);
      return new OnlineStlSettings(
          batch,
          warmUpPeriods,
          in.readDouble(),
          in.readDouble(),
          in.readDouble(),
          in.readDouble(),
          in.readDouble(),
          in.readDouble(),
          in.readInt(),
          in.readInt());
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("invalid online STL state: " + e.getMessage(), e);
    }
  }

  private static double readFinite(DataInputStream in) throws IOException {
    double value = in.readDouble();
    check(Double.isFinite(value), "non-finite value");
    return value;
  }

  private static double[] readFinite(DataInputStream in, int count) throws IOException {
    double[] values = new double[count];
    for (int i = 0; i < count; i++) {
      values[i] = readFinite(in);
    }
    return values;
  }

  private static void check(boolean condition, String problem) {
    if (!condition) {
      throw new IllegalArgumentException("invalid online STL state: " + problem);
    }
  }
}
