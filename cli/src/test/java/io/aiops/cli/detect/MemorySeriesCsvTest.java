package io.aiops.cli.detect;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What real exports do, read as they mean it; what stays ambiguous, refused with file and line. */
class MemorySeriesCsvTest {
  private static final long[] TIMES = {1767571200, 1767571260, 1767571320};
  private static final double[] VALUES = {500e6, 501e6, 502e6};

  @TempDir Path dir;

  private MemorySeries read(String text) throws Exception {
    Path file = dir.resolve("series.csv");
    Files.write(file, text.getBytes(StandardCharsets.UTF_8));
    return MemorySeriesCsv.read(file);
  }

  private static void assertPlain(MemorySeries series) {
    assertArrayEquals(TIMES, series.timestampsSec());
    assertArrayEquals(VALUES, series.rssBytes());
  }

  @Test
  void readsTheContractsOwnLayout() throws Exception {
    MemorySeries series =
        read(
            "timestamp,rss_bytes\n1767571200,500000000\n1767571260,501000000\n1767571320,5.02e8\n");
    assertPlain(series);
    assertEquals(-1, series.limitBytes());
    assertEquals(0, series.rowsWithoutValue());
  }

  @Test
  void readsQuotesByteOrderMarkAndCrlfAsTheSameSeries() throws Exception {
    assertPlain(
        read(
            "\uFEFF\"timestamp\",\"rss_bytes\"\r\n\"1767571200\",\"500000000\"\r\n"
                + "1767571260, 501000000\r\n1767571320,502000000\r\n\r\n"));
  }

  @Test
  void sortsRowsOutOfTimeOrder() throws Exception {
    assertPlain(
        read(
            "timestamp,rss_bytes\n1767571320,502000000\n1767571200,500000000\n1767571260,501e6\n"));
  }

  @Test
  void tellsMillisecondsMicrosecondsAndNanosecondsFromSecondsBySize() throws Exception {
    assertPlain(
        read(
            "timestamp,rss_bytes\n1767571200000,500000000\n1767571260000000,501000000\n"
                + "1767571320000000000,502000000\n"));
  }

  @Test
  void readsIsoTimesWithAZone() throws Exception {
    assertPlain(
        read(
            "timestamp,rss_bytes\n2026-01-05T00:00:00Z,500000000\n"
                + "2026-01-05 01:01:00+01:00,501000000\n2026-01-05T00:02:00.000Z,502000000\n"));
  }

  @Test
  void skipsAndCountsRowsWithoutAValue() throws Exception {
    MemorySeries series =
        read(
            "timestamp,rss_bytes\n1767571200,500000000\n1767571230,\n1767571240,NaN\n"
                + "1767571250,null\n1767571260,501000000\n1767571320,502000000\n");
    assertPlain(series);
    assertEquals(3, series.rowsWithoutValue());
  }

  @Test
  void takesTheLimitOfTheNewestRowThatHasOne() throws Exception {
    MemorySeries series =
        read(
            "timestamp,rss_bytes,limit_bytes\n1767571320,502000000,\n"
                + "1767571260,501000000,4000000000\n1767571200,500000000,2000000000\n");
    assertPlain(series);
    assertEquals(4_000_000_000L, series.limitBytes());
  }

  @Test
  void refusesWhatStaysAmbiguousNamingFileAndLine() {
    assertMalformed(
        "timestamp,rss_bytes\n1767571200,1\n2026-01-05 00:01:00,2\n",
        "series.csv:3: timestamp '2026-01-05 00:01:00' is neither epoch seconds nor an ISO-8601"
            + " time with a zone");
    assertMalformed(
        "timestamp,rss_bytes\n1767571200,12 MB\n", "series.csv:2: rss_bytes '12 MB' is not a");
    assertMalformed("timestamp,rss_bytes\n1767571200,-5\n", "series.csv:2: rss_bytes '-5'");
    assertMalformed("timestamp,rss_bytes\n1767571200,NaN\n", "series.csv: no row has a value");
    assertMalformed("timestamp,rss_bytes,host\n1767571200,1,a\n", "header must be");
  }

  private void assertMalformed(String text, String expected) {
    MemorySeriesCsv.MalformedSeriesException e =
        assertThrows(MemorySeriesCsv.MalformedSeriesException.class, () -> read(text));
    assertTrue(e.getMessage().contains(expected), e.getMessage());
  }

  @Test
  void valuesMayBeNegativeOnlyInASeriesOfAnyKind() throws IOException, Exception {
    Path file = dir.resolve("any.csv");
    Files.writeString(file, "timestamp,value\n1767571200,-3.5\n1767571260,\n");
    MemorySeries series = MemorySeriesCsv.readValues(file);
    assertArrayEquals(new double[] {-3.5}, series.values());
    assertEquals(1, series.rowsWithoutValue());
  }
}
