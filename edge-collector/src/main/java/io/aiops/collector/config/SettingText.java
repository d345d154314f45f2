package io.aiops.collector.config;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads durations and byte sizes the way operators write them in options, environment files and
 * Kubernetes manifests: {@code 0, 500ms, 10s, 5m, 2h, 1d} and {@code 16MiB, 1GiB, 512Mi, 100MB,
 * 1048576}.
 */
public final class SettingText {
  private static final Pattern DURATION = Pattern.compile("(\\d+(?:\\.\\d+)?)(ms|s|m|h|d)");
  private static final Pattern SIZE = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*([a-z]*)");

  // Units with an "i" are powers of 1024, as in Kubernetes quantities; without, powers of 1000.
  private static final Map<String, Long> SIZE_UNITS =
      Map.ofEntries(
          Map.entry("", 1L),
          Map.entry("b", 1L),
          Map.entry("k", 1_000L),
          Map.entry("kb", 1_000L),
          Map.entry("ki", 1L << 10),
          Map.entry("kib", 1L << 10),
          Map.entry("m", 1_000_000L),
          Map.entry("mb", 1_000_000L),
          Map.entry("mi", 1L << 20),
          Map.entry("mib", 1L << 20),
          Map.entry("g", 1_000_000_000L),
          Map.entry("gb", 1_000_000_000L),
          Map.entry("gi", 1L << 30),
          Map.entry("gib", 1L << 30),
          Map.entry("t", 1_000_000_000_000L),
          Map.entry("tb", 1_000_000_000_000L),
          Map.entry("ti", 1L << 40),
          Map.entry("tib", 1L << 40));

  private SettingText() {}

  /** The duration, or empty when the text is not one. */
  public static Optional<Duration> duration(String text) {
    String trimmed = text.trim().toLowerCase(Locale.ROOT);
    if (trimmed.equals("0")) {
      return Optional.of(Duration.ZERO);
    }
    Matcher m = DURATION.matcher(trimmed);
    if (m.matches()) {
      BigDecimal amount = new BigDecimal(m.group(1));
      long unitMillis =
          switch (m.group(2)) {
            case "ms" -> 1;
            case "s" -> 1_000;
            case "m" -> 60_000;
            case "h" -> 3_600_000;
            default -> 86_400_000;
          };
      return Optional.of(
          Duration.ofMillis(amount.multiply(BigDecimal.valueOf(unitMillis)).longValue()));
    }
    try {
      return Optional.of(Duration.parse(trimmed.toUpperCase(Locale.ROOT)));
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }

  /** The size in bytes, or empty when the text is not one (or overflows a long). */
  public static Optional<Long> bytes(String text) {
    Matcher m = SIZE.matcher(text.trim().toLowerCase(Locale.ROOT));
    if (!m.matches() || !SIZE_UNITS.containsKey(m.group(2))) {
      return Optional.empty();
    }
    try {
      BigDecimal bytes =
          new BigDecimal(m.group(1)).multiply(BigDecimal.valueOf(SIZE_UNITS.get(m.group(2))));
      return Optional.of(bytes.setScale(0, java.math.RoundingMode.HALF_UP).longValueExact());
    } catch (ArithmeticException e) {
      return Optional.empty();
    }
  }
}
