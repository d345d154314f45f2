package io.aiops.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import picocli.CommandLine;

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

  @Test
  void everyCommandsHelpRendersWithoutPicocliWarnings(CapturedConsole console) {
    // A lone '%' in a description ("10 % of RAM") makes picocli print a warning and the raw,
    // unwrapped text instead of the help: '%%' is how a description says '%'.
    List<List<String>> paths = new ArrayList<>();
    collect(new CommandLine(new AiopsCommand()), new ArrayList<>(), paths);
    assertTrue(paths.size() > 15, paths.toString());
    for (List<String> path : paths) {
      List<String> args = new ArrayList<>(path);
      args.add("--help");
      assertEquals(0, AiopsCommand.run(args.toArray(String[]::new)), path.toString());
    }
    assertFalse(console.stderr().contains("picocli WARN"), console.stderr());
  }

  private static void collect(CommandLine command, List<String> path, List<List<String>> out) {
    out.add(path);
    for (var sub : command.getSubcommands().entrySet()) {
      List<String> next = new ArrayList<>(path);
      next.add(sub.getKey());
      collect(sub.getValue(), next, out);
    }
  }
}
