package io.aiops.sinks.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class TrendRetentionTest {
  private static final long DAY = 86_400_000L;
  private static final long LAST_END = 100 * DAY;

  @Test
  void keepsFourWeeksByDefaultAndCutsInStepsOfAnEighth() {
    assertEquals(Duration.ofDays(28), TrendRetention.DEFAULT.keep());
    assertEquals(Duration.ofHours(84), TrendRetention.DEFAULT.slack());
  }

  @Test
  void cutsNothingWhileTheOldestWindowIsWithinKeepAndSlack() {
    long oldestAllowed = LAST_END - 28 * DAY - TrendRetention.DEFAULT.slack().toMillis();

    assertEquals(OptionalLong.empty(), TrendRetention.DEFAULT.trimBefore(oldestAllowed, LAST_END));
    assertEquals(
        OptionalLong.of(LAST_END - 28 * DAY),
        TrendRetention.DEFAULT.trimBefore(oldestAllowed - 1, LAST_END));
  }

  @Test
  void expiresSeriesByTheWallClock() {
    assertEquals(LAST_END - 28 * DAY, TrendRetention.DEFAULT.expiredBefore(LAST_END));
  }

  @Test
  void refusesARetentionThatIsNotPositive() {
    assertThrows(IllegalArgumentException.class, () -> new TrendRetention(Duration.ZERO));
    assertThrows(IllegalArgumentException.class, () -> new TrendRetention(Duration.ofHours(-1)));
  }
}
