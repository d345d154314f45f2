package io.aiops.detection.host;

import java.util.Locale;

/** Human-readable sizes and rates for finding summaries; binary units, as free(1) prints them. */
final class Sizes {
  private static final double KIB = 1024;
  private static final double MIB = KIB * 1024;
  private static final double GIB = MIB * 1024;

  private Sizes() {}

  static String bytes(double bytes) {
    if (bytes >= GIB) {
      return format("%.1f GiB", bytes / GIB);
    }
    if (bytes >= MIB) {
      return format("%.1f MiB", bytes / MIB);
    }
    return format("%.0f KiB", bytes / KIB);
  }

  static String perSecond(double bytes) {
    return bytes(bytes) + "/s";
  }

  static String percent(double ratio) {
    return format("%.1f %%", 100 * ratio);
  }

  static String format(String pattern, Object... args) {
    return String.format(Locale.ROOT, pattern, args);
  }
}
