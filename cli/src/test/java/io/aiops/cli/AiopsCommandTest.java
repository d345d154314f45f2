package io.aiops.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AiopsCommandTest {
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();
  private PrintStream originalOut;
  private PrintStream originalErr;

  @BeforeEach
  void captureOutput() {
    originalOut = System.out;
    originalErr = System.err;
    System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
    System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  @AfterEach
  void restoreOutput() {
    System.setOut(originalOut);
    System.setErr(originalErr);
  }

  private String stdout() {
    return out.toString(StandardCharsets.UTF_8);
  }

  private String stderr() {
    return err.toString(StandardCharsets.UTF_8);
  }

  @Test
  void helpListsTheUpCommandAndExitsZero() {
    assertEquals(0, AiopsCommand.run("--help"));
    assertTrue(stdout().contains("up"), stdout());
    assertTrue(stdout().contains("Exit status"), stdout());
  }

  @Test
  void upHelpTeachesTheOptionsWithAnExample() {
    assertEquals(0, AiopsCommand.run("up", "--help"));
    assertTrue(stdout().contains("--simulate-hosts"));
    assertTrue(stdout().contains("--data-dir"));
    assertTrue(stdout().contains("aiops up --simulate-hosts 20 --duration 120s"));
  }

  @Test
  void unknownOptionIsAUsageErrorWithExitTwo() {
    assertEquals(2, AiopsCommand.run("up", "--simulate-hostz", "3"));
    assertTrue(stderr().contains("--simulate-hostz"), stderr());
  }

  @Test
  void badDurationIsOneClearLineAndExitTwo() {
    assertEquals(2, AiopsCommand.run("up", "--duration", "soon"));
    assertTrue(stderr().contains("'soon' is not a duration"), stderr());
    assertFalse(stderr().contains("\tat "), "no stack trace for a user's mistake");
  }

  @Test
  void outOfRangeValueNamesTheOptionAndExitsTwo() {
    assertEquals(2, AiopsCommand.run("up", "--simulate-hosts", "-1", "--duration", "1s"));
    assertTrue(stderr().contains("--simulate-hosts must be between 0 and 10000"), stderr());
    assertFalse(stderr().contains("\tat "));
  }
}
