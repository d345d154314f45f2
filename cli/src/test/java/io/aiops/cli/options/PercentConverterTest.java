package io.aiops.cli.options;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import picocli.CommandLine.TypeConversionException;

class PercentConverterTest {
  @Test
  void readsPercentagesWithOrWithoutTheSignAsRatios() {
    assertEquals(0.1, PercentConverter.parse("10%"), 1e-12);
    assertEquals(0.1, PercentConverter.parse("10"), 1e-12);
    assertEquals(0.025, PercentConverter.parse(" 2.5 % "), 1e-12);
    assertEquals(0, PercentConverter.parse("0%"));
    assertEquals(1, PercentConverter.parse("100%"));
  }

  @Test
  void refusesWhatIsNotAShare() {
    for (String bad : new String[] {"101%", "-1%", "ten", "%", "NaN"}) {
      assertThrows(TypeConversionException.class, () -> PercentConverter.parse(bad), bad);
    }
  }
}
