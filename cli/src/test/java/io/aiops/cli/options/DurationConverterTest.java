package io.aiops.cli.options;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import picocli.CommandLine.TypeConversionException;

class DurationConverterTest {

  @Test
  void readsTheShortFormsOperatorsType() {
    assertEquals(Duration.ofMillis(500), DurationConverter.parse("500ms"));
    assertEquals(Duration.ofSeconds(120), DurationConverter.parse("120s"));
    assertEquals(Duration.ofMinutes(5), DurationConverter.parse("5m"));
    assertEquals(Duration.ofMinutes(90), DurationConverter.parse("1.5h"));
    assertEquals(Duration.ofDays(2), DurationConverter.parse("2d"));
  }

  @Test
  void readsIso8601() {
    assertEquals(Duration.ofHours(2), DurationConverter.parse("PT2H"));
  }

  @Test
  void rejectsWhatIsNotADuration() {
    assertThrows(TypeConversionException.class, () -> DurationConverter.parse("soon"));
    assertThrows(TypeConversionException.class, () -> DurationConverter.parse("5 parsecs"));
  }
}
