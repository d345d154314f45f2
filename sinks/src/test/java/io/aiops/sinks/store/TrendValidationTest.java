package io.aiops.sinks.store;

import static io.aiops.sinks.AnomalyFixtures.MONDAY_10_00;
import static io.aiops.sinks.TrendFixtures.NGINX_4242;
import static io.aiops.sinks.TrendFixtures.nginxWindow;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.aiops.schemas.memory.MemoryTrend;
import java.util.Optional;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

class TrendValidationTest {

  @Test
  void acceptsAWellFormedWindow() {
    assertEquals(Optional.empty(), TrendValidation.problem(window(t -> {})));
  }

  @Test
  void namesWhatIsWrongWithAMalformedOne() {
    assertEquals("host_id is empty", problem(t -> t.setHostId("")));
    assertEquals("series_id is empty", problem(t -> t.setSeriesId("")));
    assertEquals(
        "host_id or series_id holds a NUL character", problem(t -> t.setSeriesId("web\0-01")));
    assertEquals(
        "window_end_ms " + MONDAY_10_00 + " is not after window_start_ms " + MONDAY_10_00,
        problem(t -> t.setWindowStartMs(MONDAY_10_00)));
    assertEquals("sample_count is 0, not at least 1", problem(t -> t.setSampleCount(0)));
    assertEquals(
        "rss_min_bytes -1 is negative or above rss_max_bytes 101000000",
        problem(t -> t.setRssMinBytes(-1L)));
  }

  private static String problem(Consumer<MemoryTrend> spoil) {
    return TrendValidation.problem(window(spoil)).orElseThrow();
  }

  private static MemoryTrend window(Consumer<MemoryTrend> change) {
    MemoryTrend trend = nginxWindow(NGINX_4242, MONDAY_10_00, 100_000_000L);
    change.accept(trend);
    return trend;
  }
}
