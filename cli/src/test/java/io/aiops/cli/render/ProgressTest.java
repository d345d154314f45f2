package io.aiops.cli.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ProgressTest {
  private static final Terminal AT_A_TERMINAL = new Terminal(true, false);
  private static final String ERASE = "\u001b[K";

  private final StringWriter err = new StringWriter();
  private final PrintWriter writer = new PrintWriter(err);

  @Test
  void countsDownALongWaitFromItsStartAndErasesTheLineWhenDone() throws InterruptedException {
    long start = System.nanoTime();
    try (Progress progress =
        Progress.countdown(AT_A_TERMINAL, writer, "sampling /proc", Progress.QUIET)) {
      Thread.sleep(Progress.QUIET.toMillis());
    }

    assertTrue(System.nanoTime() - start >= Progress.QUIET.toNanos());
    String drawn = err.toString();
    assertTrue(drawn.startsWith("\rsampling /proc: 2 s left" + ERASE), drawn);
    assertTrue(drawn.contains("\rsampling /proc: 1 s left" + ERASE), drawn);
    assertEquals(1, drawn.split("2 s left", -1).length - 1, "redrawn only when it changes");
    assertTrue(drawn.endsWith("\r" + ERASE), "the line is erased");
  }

  @Test
  void showsTheStatusOfWorkOnceItTakesLongEnoughThenErasesIt() throws InterruptedException {
    AtomicInteger mappings = new AtomicInteger();
    try (Progress progress =
        Progress.start(
            AT_A_TERMINAL, writer, () -> "reading: " + mappings.get(), Duration.ofMillis(100))) {
      Thread.sleep(200);
      mappings.set(42);
      Thread.sleep(400);
    }

    String drawn = err.toString();
    assertTrue(drawn.startsWith("\rreading: 0" + ERASE), drawn);
    assertTrue(drawn.contains("\rreading: 42" + ERASE), drawn);
    assertTrue(drawn.endsWith("\r" + ERASE), drawn);
  }

  @Test
  void workThatEndsWithinTwoSecondsShowsNothing() throws InterruptedException {
    try (Progress progress = Progress.start(AT_A_TERMINAL, writer, () -> "reading")) {
      Thread.sleep(300);
    }

    assertEquals("", err.toString());
  }

  @Test
  void printsNothingOffATerminalOrForAShortWait() throws InterruptedException {
    try (Progress progress = Progress.countdown(Terminal.NONE, writer, "x", Progress.QUIET)) {
      Thread.sleep(300);
    }
    try (Progress progress =
        Progress.countdown(AT_A_TERMINAL, writer, "x", Duration.ofMillis(1_900))) {
      Thread.sleep(300);
    }

    assertEquals("", err.toString());
  }
}
