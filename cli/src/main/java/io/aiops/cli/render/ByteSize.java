package io.aiops.cli.render;

import java.util.Locale;

/** Byte counts the way people read them: 1.50 GiB, 41.2 MiB. */
public final class ByteSize {
  private static final String[] UNITS = {"B", "KiB", "MiB", "GiB", "TiB", "PiB"};

  private ByteSize() {}

  public static String format(double bytes) {
    double value = Math.abs(bytes);
    int unit = 0;
    while (value >= 1024 && unit < UNITS.length - 1) {
      value /= 1024;
      unit++;
    }
    String sign = bytes < 0 ? "-" : "";
    String number =
        value >= 100 || unit == 0
            ? String.format(Locale.ROOT, "%.0f", value)
            : String.format(Locale.ROOT, "%.1f", value);
    return sign + number + " " + UNITS[unit];
  }
}
