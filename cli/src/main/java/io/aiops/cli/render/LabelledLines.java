package io.aiops.cli.render;

import java.util.List;
import java.util.Locale;

/**
 * The lines of the reports that explain one thing (an OOM kill, a host's memory, swap or cache): a
 * label in a column of its own, then the value; a list as "- item" lines under one label.
 */
public final class LabelledLines {
  private LabelledLines() {}

  /** " label value": the label column 14 wide, so values line up across a report. */
  public static void line(StringBuilder out, String label, String value) {
    out.append(String.format(Locale.ROOT, "  %-14s %s%n", label, value));
  }

  /** Each item as "- item", the label on the first line only; nothing for no items. */
  public static void list(StringBuilder out, String label, List<String> items) {
    for (int i = 0; i < items.size(); i++) {
      line(out, i == 0 ? label : "", "- " + items.get(i));
    }
  }
}
