package io.aiops.collector.procfs;

import io.aiops.schemas.memory.PressureStall;

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
  private static final String[] KEYS = {"avg10", "avg60", "avg300", "total"};

  /**
   * Parses the text of /proc/pressure/memory or a cgroup's memory.pressure. The "some" line is
   * required; "full" is read when present.
   *
   * @throws IllegalArgumentException when a line lacks one of avg10, avg60, avg300 and total, or a
   *     value is not a number (a truncated read)
   */
  public static PressureStallReading parse(String text) {
    double[] some = null;
    double[] full = null;
    for (String line : text.split("\n")) {
      String trimmed = line.trim();
      if (trimmed.startsWith("some ")) {
        some = values(trimmed);
      } else if (trimmed.startsWith("full ")) {
        full = values(trimmed);
      } else if (!trimmed.isEmpty()) {
        throw new IllegalArgumentException("unexpected PSI line: " + trimmed);
      }
    }
    if (some == null) {
      throw new IllegalArgumentException("no 'some' line in PSI text");
    }
    if (full == null) {
      full = new double[4];
    }
    return new PressureStallReading(
        some[0], some[1], some[2], (long) some[3], full[0], full[1], full[2], (long) full[3]);
  }

  private static double[] values(String line) {
    double[] values = new double[KEYS.length];
    boolean[] seen = new boolean[KEYS.length];
    String[] parts = line.split("\\s+");
    for (int i = 1; i < parts.length; i++) {
      int eq = parts[i].indexOf('=');
      for (int k = 0; eq > 0 && k < KEYS.length; k++) {
        if (parts[i].regionMatches(0, KEYS[k], 0, eq) && KEYS[k].length() == eq) {
          values[k] = Double.parseDouble(parts[i].substring(eq + 1));
          seen[k] = true;
        }
      }
    }
    for (int k = 0; k < KEYS.length; k++) {
      if (!seen[k]) {
        throw new IllegalArgumentException("PSI line without " + KEYS[k] + ": " + line);
      }
    }
    return values;
  }

  /** The Avro form carried in samples. */
  public PressureStall toAvro() {
    return PressureStall.newBuilder()
        .setSomeAvg10Pct(someAvg10Pct)
        .setSomeAvg60Pct(someAvg60Pct)
        .setSomeAvg300Pct(someAvg300Pct)
        .setSomeTotalUs(someTotalUs)
        .setFullAvg10Pct(fullAvg10Pct)
        .setFullAvg60Pct(fullAvg60Pct)
        .setFullAvg300Pct(fullAvg300Pct)
        .setFullTotalUs(fullTotalUs)
        .build();
  }
}
