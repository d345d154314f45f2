package io.aiops.cli.options;

import java.util.Locale;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Reads a share the way people write it, 10% or 10 (percent) or 2.5%, as a ratio in 0..1. */
public final class PercentConverter implements ITypeConverter<Double> {

  @Override
  public Double convert(String value) {
    return parse(value);
  }

  public static double parse(String value) {
    String text = value.trim().toLowerCase(Locale.ROOT);
    if (text.endsWith("%")) {
      text = text.substring(0, text.length() - 1).trim();
    }
    double percent;
    try {
      percent = Double.parseDouble(text);
    } catch (NumberFormatException e) {
      percent = Double.NaN;
    }
    if (!(percent >= 0 && percent <= 100)) {
      throw new TypeConversionException(
          "'" + value + "' is not a percentage from 0 to 100 (examples: 10%, 2.5%)");
    }
    return percent / 100;
  }
}
