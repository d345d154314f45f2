package io.aiops.collector.procfs;

/** One PSI file (some and full lines): percentages of wall time stalled, and totals in µs. */
public record PressureStallReading(
    double someAvg10Pct,
    double someAvg60Pct,
    double someAvg300Pct,
    long someTotalUs,
    double fullAvg10Pct,
    double fullAvg60Pct,
    double fullAvg300Pct,
    long fullTotalUs) {

  /** Parses the text of /proc/pressure/memory or a cgroup's memory.pressure. */
  public static PressureStallReading parse(String text) {
    double[] some = new double[4];
    double[] full = new double[4];
    for (String line : text.split("\n")) {
      String[] parts = line.trim().split("\\s+");
      if (parts.length < 5) {
        continue;
      }
      double[] target = parts[0].equals("some") ? some : parts[0].equals("full") ? full : null;
      if (target == null) {
        continue;
      }
      for (int i = 1; i < parts.length; i++) {
        int eq = parts[i].indexOf('=');
        if (eq < 0) {
          continue;
        }
        String key = parts[i].substring(0, eq);
        double value = Double.parseDouble(parts[i].substring(eq + 1));
        switch (key) {
          case "avg10" -> target[0] = value;
          case "avg60" -> target[1] = value;
          case "avg300" -> target[2] = value;
          case "total" -> target[3] = value;
          default -> {}
        }
      }
    }
    return new PressureStallReading(
        some[0], some[1], some[2], (long) some[3], full[0], full[1], full[2], (long) full[3]);
  }
}
