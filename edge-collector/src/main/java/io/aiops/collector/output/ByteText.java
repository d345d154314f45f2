package io.aiops.collector.output;

import java.util.Locale;

/** Byte counts the way people read them in a table: 1.5 GiB, 41.2 MiB, 0 B. */
final class ByteText {
  private static final String[] UNITS = {"B", "KiB", "MiB", "GiB", "TiB", "PiB"};

  private ByteText() {}

  static String of(long bytes) {
    double value = Math.abs((double) bytes);
    int unit = 0;
    while (value >= 1024 && unit < UNITS.length - 1) {
      value /= 1024;
      unit++;
    }
    String number =
        value >= 100 || unit == 0
            ? String.format(Locale.ROOT, "%.0f", value)
            : String.format(Locale.ROOT, "%.1f", value);
    return (bytes < 0 ? "-" : "") + number + " " + UNITS[unit];
  }

  static String of(Long bytes) {
    return bytes == null ? "-" : of(bytes.longValue());
  }
}
