package io.aiops.detection.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SustainedSeverityTest extends HostFixtures {
  private static final Optional<Severity> WARNING = Optional.of(Severity.WARNING);
  private static final Optional<Severity> CRITICAL = Optional.of(Severity.CRITICAL);
  private static final Duration TWO_MINUTES = Duration.ofMinutes(2);

  @Test
  void holdsOnceContiguousIntervalsCoverTheDuration() {
    SustainedSeverity state = SustainedSeverity.NONE;
    for (int i = 0; i < 3; i++) {
      state = state.afterInterval(START_MS + i * STEP_MS, START_MS + (i + 1) * STEP_MS, WARNING);
    }
    assertEquals(Optional.empty(), state.heldFor(TWO_MINUTES));

    state = state.afterInterval(START_MS + 3 * STEP_MS, START_MS + 4 * STEP_MS, WARNING);

    assertEquals(WARNING, state.heldFor(TWO_MINUTES));
    assertEquals(2 * MINUTE_MS, state.heldMs(Severity.WARNING));
  }

  @Test
  void restartsWhenAnIntervalIsMissing() {
    SustainedSeverity state =
        SustainedSeverity.NONE
            .afterInterval(START_MS, START_MS + MINUTE_MS, WARNING)
            // The interval from minute 1 to 2 was refused (gap or reboot).
            .afterInterval(START_MS + 2 * MINUTE_MS, START_MS + 3 * MINUTE_MS, WARNING);

    assertEquals(MINUTE_MS, state.heldMs(Severity.WARNING));
    assertEquals(Optional.empty(), state.heldFor(TWO_MINUTES));
  }

  @Test
  void restartsWhenTheConditionLapses() {
    SustainedSeverity state =
        SustainedSeverity.NONE
            .afterInterval(START_MS, START_MS + 2 * MINUTE_MS, WARNING)
            .afterInterval(START_MS + 2 * MINUTE_MS, START_MS + 3 * MINUTE_MS, Optional.empty());

    assertFalse(state.warning().running());
    assertEquals(Optional.empty(), state.heldFor(Duration.ZERO));
  }

  @Test
  void reportsCriticalOnlyWhenCriticalItselfWasSustained() {
    SustainedSeverity state =
        SustainedSeverity.NONE
            .afterInterval(START_MS, START_MS + 2 * MINUTE_MS, WARNING)
            .afterInterval(START_MS + 2 * MINUTE_MS, START_MS + 3 * MINUTE_MS, CRITICAL);

    assertEquals(WARNING, state.heldFor(TWO_MINUTES));
    assertEquals(3 * MINUTE_MS, state.heldMs(Severity.WARNING));

    state = state.afterInterval(START_MS + 3 * MINUTE_MS, START_MS + 4 * MINUTE_MS, CRITICAL);

    assertEquals(CRITICAL, state.heldFor(TWO_MINUTES));
  }

  @Test
  void countsGaugeReadingsFromTheFirstThatHeldAndRestartsAfterAGap() {
    long maxGap = 5 * MINUTE_MS;
    SustainedSeverity state =
        SustainedSeverity.NONE
            .afterPoint(START_MS, WARNING, maxGap)
            .afterPoint(START_MS + 2 * MINUTE_MS, WARNING, maxGap);
    assertEquals(2 * MINUTE_MS, state.heldMs(Severity.WARNING));

    state = state.afterPoint(START_MS + 7 * MINUTE_MS + 1, WARNING, maxGap);

    assertEquals(0, state.heldMs(Severity.WARNING));
  }
}
