package io.aiops.collector.procfs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class PressureStallReadingTest {

  @Test
  void readsSomeAndFullLines() {
    PressureStallReading psi =
        PressureStallReading.parse(
            "some avg10=2.71 avg60=1.85 avg300=0.62 total=9876543\n"
                + "full avg10=1.10 avg60=0.73 avg300=0.21 total=4567890\n");
    assertEquals(2.71, psi.someAvg10Pct());
    assertEquals(0.62, psi.someAvg300Pct());
    assertEquals(9876543L, psi.someTotalUs());
    assertEquals(0.73, psi.fullAvg60Pct());
    assertEquals(4567890L, psi.fullTotalUs());
  }

  @Test
  void readsSomeAloneAsNoFullStall() {
    PressureStallReading psi =
        PressureStallReading.parse("some avg10=0.50 avg60=0.10 avg300=0.00 total=12\n");
    assertEquals(0.0, psi.fullAvg10Pct());
  }

  @Test
  void rejectsLinesCutShortOrWithoutSome() {
    assertThrows(
        IllegalArgumentException.class,
        () -> PressureStallReading.parse("some avg10=0.50 avg60=0.10 avg300=0.0"));
    assertThrows(
        IllegalArgumentException.class,
        () -> PressureStallReading.parse("some avg10=0.50 avg60=x avg300=0.00 total=1\n"));
    assertThrows(
        IllegalArgumentException.class,
        () -> PressureStallReading.parse("full avg10=0.50 avg60=0.10 avg300=0.00 total=12\n"));
  }
}
