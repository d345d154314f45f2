package io.aiops.cli;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.aiops.collector.Bracket;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What a live accuracy test measured: each comparison of a command's figure with the standard
 * tool's, kept while the console is captured and printed once the class is done (the figures go
 * into docs and reports), with the failures among them.
 */
public final class LiveFigures {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final String test;
  private final List<String> lines = new ArrayList<>();
  private final List<String> failures = new ArrayList<>();

  public LiveFigures(String test) {
    this.test = test;
  }

  /** Runs a command that prints one JSON object and returns it; the status must be 0 or 1. */
  public static JsonNode json(CapturedConsole console, String... args) {
    int before = console.stdout().length();
    int status = AiopsCommand.run(args);
    String out = console.stdout().substring(before).strip();
    assertTrue(status == 0 || status == 1, "exit " + status + ": " + console.stderr());
    try {
      return JSON.readTree(out);
    } catch (IOException e) {
      throw new UncheckedIOException("not one JSON object: " + out, e);
    }
  }

  /** Compares a figure with a reference read before and after it, within a relative tolerance. */
  public void compare(String name, long ours, Bracket reference, double tolerance) {
    double deviation = reference.deviation(ours);
    lines.add(
        String.format(
            Locale.ROOT,
            "  %-36s ours %,d  reference %s  from the nearer %.4f %%, outside the range %.4f %%",
            name,
            ours,
            reference,
            100 * reference.toNearer(ours),
            100 * deviation));
    if (deviation > tolerance) {
      failures.add(name + " " + ours + " vs " + reference);
    }
  }

  /**
   * Checks that a figure lies within bounds (a rate times its interval within a counter's change).
   */
  public void within(String name, double ours, double low, double high) {
    lines.add(
        String.format(Locale.ROOT, "  %-36s ours %.1f  bounds %.1f..%.1f", name, ours, low, high));
    if (!(ours >= low && ours <= high)) {
      failures.add(name + " " + ours + " outside " + low + ".." + high);
    }
  }

  public void note(String line) {
    lines.add("  " + line);
  }

  public List<String> failures() {
    return List.copyOf(failures);
  }

  /** Starts over for another attempt, keeping what earlier ones printed. */
  public void retry(int attempt) {
    if (!failures.isEmpty()) {
      lines.add("  attempt " + attempt + " off: " + failures);
    }
    failures.clear();
  }

  public void print() {
    System.out.println(test + ":");
    lines.forEach(System.out::println);
  }
}
