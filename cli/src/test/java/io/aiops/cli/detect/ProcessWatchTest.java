package io.aiops.cli.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.aiops.collector.host.HostPaths;
import io.aiops.collector.procfs.ProcessReading;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link ProcessWatch} on real processes of this machine. */
class ProcessWatchTest {
  @Test
  void endsWithNothingGatheredWhenTheProcessExitsBetweenBeingFoundAndWatched() throws Exception {
    Process child = new ProcessBuilder("sleep", "60").start();
    ProcessWatch watch = new ProcessWatch(HostPaths.live());
    ProcessReading found = watch.find((int) child.pid());
    child.destroy();
    child.waitFor();

    List<String> progress = new ArrayList<>();
    ProcessWatch.Watched watched =
        watch.watch(found, Duration.ofSeconds(5), Duration.ofSeconds(1), progress::add);

    assertTrue(watched.exited());
    assertEquals(0, watched.series().size());
    assertEquals(List.of(), progress);
  }

  @Test
  void samplesAProcessThatStaysForTheWholeHistory() throws Exception {
    Process child = new ProcessBuilder("sleep", "60").start();
    try {
      ProcessWatch watch = new ProcessWatch(HostPaths.live());
      ProcessWatch.Watched watched =
          watch.watch(
              watch.find((int) child.pid()),
              Duration.ofMillis(400),
              Duration.ofMillis(100),
              line -> {});

      assertFalse(watched.exited());
      assertTrue(watched.series().size() >= 2, watched.series().size() + " samples");
      assertEquals("pid:" + child.pid(), watched.series().name());
    } finally {
      child.destroy();
    }
  }
}
