package io.aiops.cli.detect;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Reads the offline contract's CSV: header {@code timestamp,rss_bytes} with an optional third
 * column {@code limit_bytes}, or, for a series of any kind, {@code timestamp,value}; timestamps in
 * epoch seconds, rows in time order. Any deviation is an error naming the file and line, never a
 * guess.
 */
public final class MemorySeriesCsv {
  private static final String LEAK_HEADER = "timestamp,rss_bytes[,limit_bytes]";
  private static final String ANY_HEADER = "timestamp,value' or '" + LEAK_HEADER;

  private MemorySeriesCsv() {}

  /** A file that does not follow the contract; the message names the file and line. */
  public static final class MalformedSeriesException extends Exception {
    private static final long serialVersionUID = 1L;

    MalformedSeriesException(String message) {
      super(message);
    }
  }

  /** A memory export: header {@code timestamp,rss_bytes[,limit_bytes]}. */
  public static MemorySeries read(Path file) throws IOException, MalformedSeriesException {
    return read(file, false);
  }

  /**
   * Any series: header {@code timestamp,value} (values may be negative), or a memory export, whose
   * {@code rss_bytes} is the value.
   */
  public static MemorySeries readValues(Path file) throws IOException, MalformedSeriesException {
    return read(file, true);
  }

  private static MemorySeries read(Path file, boolean anyValue)
      throws IOException, MalformedSeriesException {
    String name = file.getFileName().toString();
    try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      String header = reader.readLine();
      if (header == null) {
        throw new MalformedSeriesException(name + ": empty file");
      }
      String[] columns = header.trim().replace("\uFEFF", "").split(",");
      for (int i = 0; i < columns.length; i++) {
        columns[i] = columns[i].trim();
      }
      boolean plainValue =
          anyValue
              && columns.length == 2
              && columns[0].equals("timestamp")
              && columns[1].equals("value");
      boolean withLimit = columns.length == 3 && columns[2].equals("limit_bytes");
      boolean leakLayout =
          (columns.length == 2 || withLimit)
              && columns[0].equals("timestamp")
              && columns[1].equals("rss_bytes");
      if (!plainValue && !leakLayout) {
        throw new MalformedSeriesException(
            name
                + ": header must be '"
                + (anyValue ? ANY_HEADER : LEAK_HEADER)
                + "', was '"
                + header
                + "'");
      }
      long[] times = new long[1024];
      double[] values = new double[1024];
      long limit = -1;
      int n = 0;
      int lineNumber = 1;
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        lineNumber++;
        if (line.isBlank()) {
          continue;
        }
        String[] fields = line.split(",", -1);
        if (fields.length != columns.length) {
          throw new MalformedSeriesException(
              name
                  + ":"
                  + lineNumber
                  + ": expected "
                  + columns.length
                  + " fields, got "
                  + fields.length);
        }
        if (n == times.length) {
          times = Arrays.copyOf(times, n * 2);
          values = Arrays.copyOf(values, n * 2);
        }
        times[n] = (long) number(fields[0], name, lineNumber, "timestamp", false);
        values[n] = number(fields[1], name, lineNumber, columns[1], plainValue);
        if (withLimit && !fields[2].isBlank()) {
          limit = (long) number(fields[2], name, lineNumber, "limit_bytes", false);
        }
        if (n > 0 && times[n] < times[n - 1]) {
          throw new MalformedSeriesException(
              name + ":" + lineNumber + ": timestamps must not go backwards");
        }
        n++;
      }
      if (n == 0) {
        throw new MalformedSeriesException(name + ": no data rows");
      }
      return new MemorySeries(name, Arrays.copyOf(times, n), Arrays.copyOf(values, n), limit);
    }
  }

  private static double number(
      String text, String name, int line, String column, boolean negativeAllowed)
      throws MalformedSeriesException {
    try {
      double value = Double.parseDouble(text.trim());
      if (!Double.isFinite(value) || (value < 0 && !negativeAllowed)) {
        throw new NumberFormatException();
      }
      return value;
    } catch (NumberFormatException e) {
      throw new MalformedSeriesException(
          name
              + ":"
              + line
              + ": "
              + column
              + " '"
              + text
              + "' is not a "
              + (negativeAllowed ? "finite" : "non-negative")
              + " number");
    }
  }
}
