package io.aiops.cli.render;

import java.time.Duration;

/** Durations at the precision an operator needs: 3d 4h, 5h 20m, 12m, 40s. */
public final class DurationText {
  private DurationText() {}

  public static String format(Duration d) {
    long seconds = Math.max(0, d.toSeconds());
    long days = seconds / 86_400;
    long hours = (seconds % 86_400) / 3_600;
    long minutes = (seconds % 3_600) / 60;
    if (days > 0) {
      return days + "d " + hours + "h";
    }
    if (hours > 0) {
      return hours + "h " + minutes + "m";
    }
    if (minutes > 0) {
      return minutes + "m";
    }
    return seconds + "s";
  }
}
