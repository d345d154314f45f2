package io.aiops.cli.detect;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Locale;
import java.util.stream.IntStream;

/**
 * Reads the offline contract's CSV: header {@code timestamp,rss_bytes} with an optional third
 * column {@code limit_bytes}, or, for a series of any kind, {@code timestamp,value}.
 *
 * <p>What exports from real tools do is read as they mean it, where that is unambiguous: quoted
 * fields (RFC 4180), a byte-order mark, CRLF line ends, rows out of time order (sorted), a value
 * left empty or written NaN/null for a gap (the row is skipped and counted), timestamps in epoch
 * milliseconds, microseconds or nanoseconds (told apart from seconds by size: seconds reach 10^11
 * only in the year 5138) and ISO-8601 times with a zone. Anything else is an error naming the file
 * and line, never a guess: a time without a zone, text where a number belongs, a negative size.
 */
public final class MemorySeriesCsv {
  private static final String LEAK_HEADER = "timestamp,rss_bytes[,limit_bytes]";
  private static final String ANY_HEADER = "timestamp,value' or '" + LEAK_HEADER;
  private static final double MILLISECONDS_FROM = 1e11;
  private static final double MICROSECONDS_FROM = 1e14;
  private static final double NANOSECONDS_FROM = 1e17;

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
      String[] columns = fields(header.replace("\uFEFF", ""));
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
      long limitAtSec = Long.MIN_VALUE;
      int n = 0;
      int withoutValue = 0;
      boolean ordered = true;
      int lineNumber = 1;
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        lineNumber++;
        if (line.isBlank()) {
          continue;
        }
        String[] fields = fields(line);
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
        long timeSec = epochSeconds(fields[0], name, lineNumber);
        if (withLimit && !missing(fields[2]) && timeSec >= limitAtSec) {
          limit = (long) number(fields[2], name, lineNumber, "limit_bytes", false);
          limitAtSec = timeSec;
        }
        if (missing(fields[1])) {
          withoutValue++;
          continue;
        }
        if (n == times.length) {
          times = Arrays.copyOf(times, n * 2);
          values = Arrays.copyOf(values, n * 2);
        }
        times[n] = timeSec;
        values[n] = number(fields[1], name, lineNumber, columns[1], plainValue);
        ordered &= n == 0 || times[n] >= times[n - 1];
        n++;
      }
      if (n == 0) {
        throw new MalformedSeriesException(
            name + (withoutValue > 0 ? ": no row has a value" : ": no data rows"));
      }
      times = Arrays.copyOf(times, n);
      values = Arrays.copyOf(values, n);
      if (!ordered) {
        // Stable, so rows of the same second keep their file order.
        long[] unsorted = times;
        double[] unsortedValues = values;
        int[] order =
            IntStream.range(0, n)
                .boxed()
                .sorted(Comparator.comparingLong(i -> unsorted[i]))
                .mapToInt(Integer::intValue)
                .toArray();
        times = Arrays.stream(order).mapToLong(i -> unsorted[i]).toArray();
        values = Arrays.stream(order).mapToDouble(i -> unsortedValues[i]).toArray();
      }
      return new MemorySeries(name, times, values, limit, withoutValue);
    }
  }

  /** A line's fields, trimmed, each without the double quotes a spreadsheet may put around it. */
  private static String[] fields(String line) {
    String[] fields = line.split(",", -1);
    for (int i = 0; i < fields.length; i++) {
      String field = fields[i].trim();
      if (field.length() >= 2 && field.startsWith("\"") && field.endsWith("\"")) {
        field = field.substring(1, field.length() - 1).trim();
      }
      fields[i] = field;
    }
    return fields;
  }

  /** How exporters write a sample that was not taken. */
  private static boolean missing(String field) {
    String text = field.toLowerCase(Locale.ROOT);
    return text.isEmpty() || text.equals("nan") || text.equals("null");
  }

  private static long epochSeconds(String text, String name, int line)
      throws MalformedSeriesException {
    if (!text.isEmpty()
        && (Character.isDigit(text.charAt(0)) || text.charAt(0) == '.')
        && !text.contains("-")
        && !text.contains(":")) {
      double value = number(text, name, line, "timestamp", false);
      double seconds =
          value >= NANOSECONDS_FROM
              ? value / 1e9
              : value >= MICROSECONDS_FROM
                  ? value / 1e6
                  : value >= MILLISECONDS_FROM ? value / 1e3 : value;
      return (long) seconds;
    }
    try {
      return OffsetDateTime.parse(text.replace(' ', 'T')).toEpochSecond();
    } catch (DateTimeParseException e) {
      throw new MalformedSeriesException(
          name
              + ":"
              + line
              + ": timestamp '"
              + text
              + "' is neither epoch seconds nor an ISO-8601 time with a zone"
              + " (e.g. 2026-01-05T00:00:00Z or +01:00)");
    }
  }

  private static double number(
      String text, String name, int line, String column, boolean negativeAllowed)
      throws MalformedSeriesException {
    try {
      double value = Double.parseDouble(text);
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
