package io.aiops.cli.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.aiops.cli.CapturedConsole;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code aiops detect memory-leak --engine streams} replays the files through a real embedded
 * broker and the stream processor's topology (one broker, started by the command) and must print
 * what the offline engine prints, byte for byte.
 */
@ExtendWith(CapturedConsole.class)
class DetectMemoryLeakEnginesIT {
  @TempDir Path dir;

  @Test
  void streamsPrintsExactlyWhatOfflinePrints(CapturedConsole console) throws Exception {
    String input = ExportedSeries.writeTo(dir).toString();

    ExportedSeries.Run offline = ExportedSeries.offlineEqualsStreams(console, "memory-leak", input);

    assertEquals(2, offline.exitStatus(), "a malformed file is a usage error");

    String[] lines = offline.stdout().split("\n");
    assertEquals(4, lines.length, "one line per readable file");
    assertTrue(lines[0].contains("\"input\":\"a-leak.csv\",\"leak\":true"), lines[0]);
    assertTrue(
        lines[0].contains("\"oom_eta_seconds\":")
            && !lines[0].contains("\"oom_eta_seconds\":null"));
    for (int i = 1; i < lines.length; i++) {
      assertTrue(lines[i].contains("\"leak\":false"), lines[i]);
    }
    assertEquals(1, offline.commandLines().size());
    assertTrue(offline.commandLines().get(0).startsWith("aiops: e-malformed.csv:3:"));
  }
}
