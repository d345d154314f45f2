package io.aiops.cli.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class SamplingProgressTest {
  private final StringWriter err = new StringWriter();

  @Test
  void countsDownOnATerminalAndErasesTheLineWhenDone() {
    long start = System.nanoTime();
    new SamplingProgress(new PrintWriter(err), true)
        .waitFor(SamplingProgress.SHOWN_FROM, "sampling /proc");

    assertTrue(System.nanoTime() - start >= SamplingProgress.SHOWN_FROM.toNanos());
    assertTrue(err.toString().startsWith("\rsampling /proc: 2 s left "), err.toString());
    assertTrue(err.toString().contains("sampling /proc: 1 s left "), err.toString());
    assertTrue(err.toString().endsWith("\r\u001B[K"), "the line is erased");
  }

  @Test
  void printsNothingOffATerminalOrForAShortWait() {
    new SamplingProgress(new PrintWriter(err), false).waitFor(Duration.ofMillis(300), "x");
    new SamplingProgress(new PrintWriter(err), true).waitFor(Duration.ofMillis(300), "x");

    assertEquals("", err.toString());
  }
}
