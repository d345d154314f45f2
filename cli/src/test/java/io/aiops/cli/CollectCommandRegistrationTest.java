package io.aiops.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** {@code aiops collect} is the collector's own command, reached through the aiops entry point. */
@ExtendWith(CapturedConsole.class)
class CollectCommandRegistrationTest {

  @Test
  void collectMemoryPrintsOneJsonSampleThroughTheAiopsCommand(CapturedConsole console)
      throws Exception {
    assertEquals(0, AiopsCommand.run("collect", "memory", "--count", "1", "--format", "json"));

    assertEquals(1, console.stdout().lines().count(), console.stdout());
    assertTrue(new ObjectMapper().readTree(console.stdout()).get("mem_total_bytes").asLong() > 0);
  }

  @Test
  void aBadCollectorSettingIsOneLineNamingTheOptionAndExitTwo(CapturedConsole console) {
    assertEquals(2, AiopsCommand.run("collect", "memory", "--interval", "soon"));

    assertEquals(
        "aiops: --interval 'soon' is not a duration (examples: 500ms, 10s, 5m, 2h)"
            + " (see 'aiops collect memory --help')",
        console.stderr().strip());
  }

  @Test
  void helpListsCollect(CapturedConsole console) {
    assertEquals(0, AiopsCommand.run("--help"));
    assertTrue(console.stdout().contains("collect"), console.stdout());
    assertEquals(0, AiopsCommand.run("collect", "--help"));
    assertTrue(console.stdout().contains("Usage: aiops collect"), console.stdout());
  }
}
