package io.aiops.cli.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.aiops.cli.CapturedConsole;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code aiops detect anomalies --engine streams}: every anomalous point the topology publishes on
 * {@code memory.anomalies.v1}, plus the last bucket closed at the end of each file, is what the
 * offline engine prints (one broker, started by the command).
 */
@ExtendWith(CapturedConsole.class)
class DetectAnomaliesEnginesIT {
  @TempDir Path dir;

  @Test
  void streamsPrintsExactlyWhatOfflinePrints(CapturedConsole console) throws Exception {
    String input = ExportedSeries.writeTo(dir).toString();

    ExportedSeries.Run offline = ExportedSeries.offlineEqualsStreams(console, "anomalies", input);

    assertEquals(2, offline.exitStatus());

    String spikes = offline.stdout();
    assertTrue(spikes.contains("\"input\":\"d-spikes.csv\""), spikes);
    assertTrue(spikes.contains("\"kind\":\"spike\""), "the injected spikes are found");
    assertTrue(spikes.contains("\"kind\":\"level_shift\""), "and the level shift");
    assertEquals(1, offline.commandLines().size());
    assertTrue(offline.commandLines().get(0).startsWith("aiops: e-malformed.csv:3:"));
  }
}
