package io.aiops.detection.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.aiops.detection.LeakDetectorSettings;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class DetectorScoreTest {

  @Test
  void putsEachLengthInItsBandAndTheLongestInTheLast() {
    assertEquals("24-36 h", DetectorScore.lengthBand(24));
    assertEquals("24-36 h", DetectorScore.lengthBand(35.99));
    assertEquals("36-48 h", DetectorScore.lengthBand(36));
    assertEquals("48-72 h", DetectorScore.lengthBand(71.9));
    assertEquals("48-72 h", DetectorScore.lengthBand(72));
  }

  @Test
  void lengthBandsAddUpToTheConfusionCounts() {
    List<LabeledTrace> traces = new LabeledTraceGenerator(5).generate(44);
    DetectorScore score =
        new DetectorEvaluation(
                List.of(new LeakDetectorReplay(LeakDetectorSettings.defaults())), 720)
            .run(traces, done -> {})
            .get(0);

    int[] sums = new int[4];
    score.byLength().values().forEach(c -> Arrays.setAll(sums, i -> sums[i] + c[i]));
    assertEquals(score.truePositives() + score.falseNegatives(), sums[0]);
    assertEquals(score.truePositives(), sums[1]);
    assertEquals(score.falsePositives() + score.trueNegatives(), sums[2]);
    assertEquals(score.falsePositives(), sums[3]);
    assertEquals(List.of("24-36 h", "36-48 h", "48-72 h"), List.copyOf(score.byLength().keySet()));
  }
}
