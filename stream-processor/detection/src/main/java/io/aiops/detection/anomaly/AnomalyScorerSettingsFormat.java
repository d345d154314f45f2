package io.aiops.detection.anomaly;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;

/**
 * The settings part of {@link AnomalyScorerFormat}, in record order: long bucketMs; int
 * periodPoints, warmUpPeriods, seasonalWindowCycles; double recentSmoothing, recentSlopeSmoothing;
 * int recentWindowPoints, remainderWindowPoints, minWindowPoints; double clipZ; int shiftRunPoints;
 * double scaleFloorFraction, ignoredZ, halfZ, cusumSlackZ, cusumThresholdZ, cusumClipZ; int
 * growthConfirmPoints, maxGapPoints. Reading validates them as the record does.
 */
final class AnomalyScorerSettingsFormat {
  private AnomalyScorerSettingsFormat() {}

  static void write(DataOutputStream out, AnomalyScorerSettings s) throws IOException {
    out.writeLong(s.bucketMs());
    out.writeInt(s.periodPoints());
    out.writeInt(s.warmUpPeriods());
    out.writeInt(s.seasonalWindowCycles());
    out.writeDouble(s.recentSmoothing());
    out.writeDouble(s.recentSlopeSmoothing());
    out.writeInt(s.recentWindowPoints());
    out.writeInt(s.remainderWindowPoints());
    out.writeInt(s.minWindowPoints());
    out.writeDouble(s.clipZ());
    out.writeInt(s.shiftRunPoints());
    out.writeDouble(s.scaleFloorFraction());
    out.writeDouble(s.calibration().ignoredZ());
    out.writeDouble(s.calibration().halfZ());
    out.writeDouble(s.cusumSlackZ());
    out.writeDouble(s.cusumThresholdZ());
    out.writeDouble(s.cusumClipZ());
    out.writeInt(s.growthConfirmPoints());
    out.writeInt(s.maxGapPoints());
  }

  static AnomalyScorerSettings read(DataInputStream in) throws IOException {
    long bucketMs = in.readLong();
    int period = in.readInt();
    int warmUpPeriods = in.readInt();
    int seasonalWindow = in.readInt();
    double recentSmoothing = in.readDouble();
    double recentSlopeSmoothing = in.readDouble();
    int recentWindow = in.readInt();
    int remainderWindow = in.readInt();
    int minWindow = in.readInt();
    double clipZ = in.readDouble();
    int shiftRun = in.readInt();
    double floor = in.readDouble();
    ScoreCalibration calibration = new ScoreCalibration(in.readDouble(), in.readDouble());
    return new AnomalyScorerSettings(
        bucketMs,
        period,
        warmUpPeriods,
        seasonalWindow,
        recentSmoothing,
        recentSlopeSmoothing,
        recentWindow,
        remainderWindow,
        minWindow,
        clipZ,
        shiftRun,
        floor,
        calibration,
        in.readDouble(),
        in.readDouble(),
        in.readDouble(),
        in.readInt(),
        in.readInt());
  }
}
