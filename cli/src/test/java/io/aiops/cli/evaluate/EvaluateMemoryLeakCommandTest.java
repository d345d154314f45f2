package io.aiops.cli.evaluate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.aiops.cli.AiopsCommand;
import io.aiops.cli.CapturedConsole;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(CapturedConsole.class)
class EvaluateMemoryLeakCommandTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void printsOneJsonLinePerDetectorWithTheScoresAndTheirCounts(CapturedConsole console)
      throws Exception {
    assertEquals(
        0,
        AiopsCommand.run(
            "evaluate", "memory-leak", "--traces", "44", "--seed", "5", "--format", "json"));

    String[] lines = console.stdout().strip().split("\n");
    assertEquals(2, lines.length, console.stdout());
    JsonNode aiops = JSON.readTree(lines[0]);
    JsonNode baseline = JSON.readTree(lines[1]);
    assertEquals("aiops", aiops.path("detector").asText());
    assertEquals("predict_linear", baseline.path("detector").asText());
    for (JsonNode score : new JsonNode[] {aiops, baseline}) {
      int total =
          score.path("true_positives").asInt()
              + score.path("false_positives").asInt()
              + score.path("false_negatives").asInt()
              + score.path("true_negatives").asInt();
      assertEquals(44, total, score.toString());
      double precision = score.path("precision").asDouble();
      assertTrue(precision >= 0 && precision <= 1, score.toString());
    }
  }

  @Test
  void theSameSeedGivesTheSameFigures(CapturedConsole console) {
    AiopsCommand.run("evaluate", "memory-leak", "--traces", "22", "--seed", "9", "--by-kind");
    String first = console.stdout();
    AiopsCommand.run("evaluate", "memory-leak", "--traces", "22", "--seed", "9", "--by-kind");
    String both = console.stdout();

    assertEquals(first + first, both);
    assertTrue(first.contains("predict_linear"), first);
    assertTrue(first.contains("seasonality_hidden_leak"), first);
    assertTrue(first.contains("by trace length"), first);
    assertTrue(first.contains("48-72 h"), first);
  }

  @Test
  void refusesAFormatItDoesNotKnowWithOneLine(CapturedConsole console) {
    assertEquals(2, AiopsCommand.run("evaluate", "memory-leak", "--format", "yaml"));

    assertEquals(1, console.stderr().strip().lines().count(), console.stderr());
    assertTrue(console.stderr().contains("--format"), console.stderr());
  }
}
