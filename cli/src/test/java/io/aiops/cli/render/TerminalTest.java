package io.aiops.cli.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.List;
import org.junit.jupiter.api.Test;

class TerminalTest {
  @Test
  void paintsEachKindOfTextOnlyWhenStdoutTakesColour() {
    Terminal colour = new Terminal(false, true);

    assertEquals("\u001b[1mtitle\u001b[0m", colour.bold("title"));
    assertEquals("\u001b[33mwarning\u001b[0m", colour.warn("warning"));
    assertEquals("\u001b[1;31mcritical\u001b[0m", colour.alarm("critical"));
    assertEquals("\u001b[32mok\u001b[0m", colour.ok("ok"));
    Terminal plain = new Terminal(true, false);
    assertEquals(
        List.of("title", "warning", "critical", "ok"),
        List.of(
            plain.bold("title"), plain.warn("warning"), plain.alarm("critical"), plain.ok("ok")));
  }

  @Test
  void aTestsOutputIsNoTerminal() {
    // Surefire's forked JVM writes to pipes: neither colour nor progress.
    assertFalse(Terminal.isTerminal(Terminal.STDOUT));
    assertEquals(Terminal.NONE, Terminal.detect());
  }
}
