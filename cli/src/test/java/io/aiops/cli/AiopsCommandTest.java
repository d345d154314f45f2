package io.aiops.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(CapturedConsole.class)
class AiopsCommandTest {
  @Test
  void helpListsTheUpCommandAndExitsZero(CapturedConsole console) {
    assertEquals(0, AiopsCommand.run("--help"));
    assertTrue(console.stdout().contains("up"), console.stdout());
    assertTrue(console.stdout().contains("Exit status"), console.stdout());
  }

  @Test
  void upHelpTeachesTheOptionsWithAnExample(CapturedConsole console) {
    assertEquals(0, AiopsCommand.run("up", "--help"));
    assertTrue(console.stdout().contains("--simulate-hosts"));
    assertTrue(console.stdout().contains("--data-dir"));
    assertTrue(console.stdout().contains("aiops up --simulate-hosts 20 --duration 120s"));
  }

  @Test
  void analyzeHelpSaysWhatTheGroupExplains(CapturedConsole console) {
    assertEquals(0, AiopsCommand.run("analyze", "--help"));
    String description = console.stdout().lines().skip(1).findFirst().orElseThrow();
    assertTrue(description.startsWith("Explains a host's memory"), console.stdout());
    for (String part : new String[] {"OOM kills", "swap", "page cache"}) {
      assertTrue(console.stdout().contains(part), part + " in " + console.stdout());
    }
  }

  @Test
  void unknownOptionIsAUsageErrorWithExitTwo(CapturedConsole console) {
    assertEquals(2, AiopsCommand.run("up", "--simulate-hostz", "3"));
    assertTrue(console.stderr().contains("--simulate-hostz"), console.stderr());
  }

  @Test
  void badDurationIsOneClearLineAndExitTwo(CapturedConsole console) {
    assertEquals(2, AiopsCommand.run("up", "--duration", "soon"));
    assertTrue(console.stderr().contains("'soon' is not a duration"), console.stderr());
    assertFalse(console.stderr().contains("\tat "), "no stack trace for a user's mistake");
  }

  @Test
  void outOfRangeValueNamesTheOptionAndExitsTwo(CapturedConsole console) {
    assertEquals(2, AiopsCommand.run("up", "--simulate-hosts", "-1", "--duration", "1s"));
    assertTrue(
        console.stderr().contains("--simulate-hosts must be between 0 and 10000"),
        console.stderr());
    assertFalse(console.stderr().contains("\tat "));
  }
}
