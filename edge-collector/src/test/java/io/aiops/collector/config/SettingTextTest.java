package io.aiops.collector.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SettingTextTest {

  @Test
  void readsDurationsAsOperatorsWriteThem() {
    assertEquals(Optional.of(Duration.ofMillis(500)), SettingText.duration("500ms"));
    assertEquals(Optional.of(Duration.ofSeconds(10)), SettingText.duration("10s"));
    assertEquals(Optional.of(Duration.ofSeconds(90)), SettingText.duration("1.5m"));
    assertEquals(Optional.of(Duration.ofHours(2)), SettingText.duration(" 2H "));
    assertEquals(Optional.of(Duration.ofDays(1)), SettingText.duration("1d"));
    assertEquals(Optional.of(Duration.ofMinutes(5)), SettingText.duration("PT5M"));
    assertEquals(Optional.of(Duration.ZERO), SettingText.duration("0"));
  }

  @Test
  void rejectsWhatIsNotADuration() {
    assertEquals(Optional.empty(), SettingText.duration("soon"));
    assertEquals(Optional.empty(), SettingText.duration("10"));
    assertEquals(Optional.empty(), SettingText.duration("-5s"));
  }

  @Test
  void readsBinarySizesWithAnIAndDecimalSizesWithout() {
    assertEquals(Optional.of(16L << 20), SettingText.bytes("16MiB"));
    assertEquals(Optional.of(512L << 20), SettingText.bytes("512Mi"));
    assertEquals(Optional.of(1L << 30), SettingText.bytes("1GiB"));
    assertEquals(Optional.of(3L << 29), SettingText.bytes("1.5GiB"));
    assertEquals(Optional.of(100_000_000L), SettingText.bytes("100MB"));
    assertEquals(Optional.of(1_048_576L), SettingText.bytes("1048576"));
    assertEquals(Optional.of(2048L), SettingText.bytes("2 KiB"));
  }

  @Test
  void rejectsUnknownUnitsNegativeSizesAndOverflow() {
    assertEquals(Optional.empty(), SettingText.bytes("16 furlongs"));
    assertEquals(Optional.empty(), SettingText.bytes("-1MiB"));
    assertEquals(Optional.empty(), SettingText.bytes("99999999TiB"));
    assertEquals(Optional.empty(), SettingText.bytes(""));
  }
}
