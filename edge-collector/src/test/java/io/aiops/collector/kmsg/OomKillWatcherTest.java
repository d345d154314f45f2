package io.aiops.collector.kmsg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.aiops.schemas.memory.OomKillEvent;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OomKillWatcherTest {
  private static final Pattern DMESG = Pattern.compile("^\\[\\s*(\\d+)\\.(\\d{6})\\] ?(.*)$");

  @TempDir Path dir;

  /**
   * The two-kill corpus excerpt as /dev/kmsg records (sequence numbers from 500), since a restart
   * is resumed by sequence number; indented continuation lines join their record.
   */
  private static List<String> twoKillRecords() throws Exception {
    List<String> records = new ArrayList<>();
    long seq = 500;
    for (String line :
        Files.readAllLines(OomKillCorpusTest.corpus().resolve("interleaved-two-kills.log"))) {
      Matcher m = DMESG.matcher(line);
      if (m.matches()) {
        records.add("6," + seq++ + "," + m.group(1) + m.group(2) + ",-;" + m.group(3));
      } else {
        int last = records.size() - 1;
        records.set(last, records.get(last) + "\\x0a " + line.strip());
      }
    }
    return records;
  }

  /**
   * Watches {@code log} through a source without sequence numbers (cat, as dmesg or journalctl
   * print it) twice, a restart in the same boot between, with one state file.
   */
  private List<OomKillEvent> catTwiceInOneBoot(Path log) throws Exception {
    Path state = dir.resolve("state");
    List<OomKillEvent> events = new CopyOnWriteArrayList<>();
    for (int run = 0; run < 2; run++) {
      try (OomKillWatcher watcher =
          OomKillWatcher.start(
              new CommandKernelLogSource(List.of("cat", log.toString()), OomKillCorpusTest.CLOCK),
              "host-a",
              "boot-1",
              state,
              events::add)) {
        while (watcher.isRunning()) {
          Thread.sleep(20);
        }
      }
    }
    return events;
  }

  private static int indexOfKill(List<String> records, String pid) {
    for (int i = 0; i < records.size(); i++) {
      if (records.get(i).contains("Killed process " + pid + " ")) {
        return i;
      }
    }
    throw new AssertionError("no kill of " + pid);
  }

  private static Path write(Path file, List<String> records) throws IOException {
    return Files.write(file, records);
  }

  /** Runs a watcher over a file to its end and returns what it handed over. */
  private List<OomKillEvent> watch(Path file, String bootId, Path state) throws Exception {
    List<OomKillEvent> events = new CopyOnWriteArrayList<>();
    try (OomKillWatcher watcher =
        OomKillWatcher.start(
            DevKmsgSource.follow(file, OomKillCorpusTest.CLOCK),
            "host-a",
            bootId,
            state,
            events::add)) {
      long deadline = System.currentTimeMillis() + 10_000;
      while (watcher.isRunning() && System.currentTimeMillis() < deadline) {
        Thread.sleep(20);
      }
      assertFalse(watcher.isRunning(), "a file ends the watching");
      assertNull(watcher.failure());
    }
    return events;
  }

  @Test
  void handsEachKillToTheConsumerOnItsOwnDaemonThread() throws Exception {
    Path log = write(dir.resolve("kmsg"), twoKillRecords());
    List<String> threads = new CopyOnWriteArrayList<>();
    List<OomKillEvent> events = new CopyOnWriteArrayList<>();
    try (OomKillWatcher watcher =
        OomKillWatcher.start(
            DevKmsgSource.follow(log, OomKillCorpusTest.CLOCK),
            "host-a",
            "boot-1",
            dir.resolve("state"),
            event -> {
              threads.add(Thread.currentThread().getName() + Thread.currentThread().isDaemon());
              events.add(event);
            })) {
      while (watcher.isRunning()) {
        Thread.sleep(20);
      }
    }
    assertEquals(List.of(18912, 22817), events.stream().map(OomKillEvent::getPid).toList());
    assertEquals(List.of("oom-kill-watcher" + true, "oom-kill-watcher" + true), threads);
    assertEquals("host-a", events.get(0).getHostId());
    assertEquals("boot-1", events.get(0).getBootId());
    assertEquals(
        "/docker/5e1b9c7a3f2d4e6b8a0c1d3f5b7e9a2c4d6f8b0e1a3c5d7f9b2e4a6c8d0f1b3e",
        events.get(0).getMemcg());
  }

  @Test
  void restartInTheSameBootSkipsKillsAlreadyHandledAndANewBootStartsAfresh() throws Exception {
    List<String> records = twoKillRecords();
    Path state = dir.resolve("state/oom-watcher.properties");
    int firstKill = indexOfKill(records, "18912");
    Path beforeRestart = write(dir.resolve("before"), records.subList(0, firstKill + 2));
    Path afterRestart = write(dir.resolve("after"), records);

    assertEquals(List.of(18912), pids(watch(beforeRestart, "boot-1", state)));
    assertEquals(List.of(22817), pids(watch(afterRestart, "boot-1", state)));
    assertEquals(List.of(), pids(watch(afterRestart, "boot-1", state)));
    assertEquals(List.of(18912, 22817), pids(watch(afterRestart, "boot-2", state)));
    try (Stream<Path> left = Files.list(state.getParent())) {
      assertEquals(List.of(state), left.toList(), "no temporary file left behind");
    }
  }

  @Test
  void sourcesWithoutSequenceNumbersResumeAfterTheLastKillsTime() throws Exception {
    Path journal = OomKillCorpusTest.corpus().resolve("ubuntu2204-5.15-journalctl-k.log");
    assertEquals(List.of(6624), pids(catTwiceInOneBoot(journal)));
  }

  @Test
  void twoKillsInTheSameSecondAreNeitherRepeatedAfterARestart() throws Exception {
    // journalctl stamps whole seconds: a second victim of the same OOM shares the first's time.
    List<String> first =
        Files.readAllLines(OomKillCorpusTest.corpus().resolve("ubuntu2204-5.15-journalctl-k.log"))
            .stream()
            .skip(1)
            .toList();
    List<String> both = new ArrayList<>(first);
    first.stream().map(line -> line.replace("6624", "6625")).forEach(both::add);
    List<OomKillEvent> events = catTwiceInOneBoot(write(dir.resolve("journal.log"), both));
    assertEquals(List.of(6624, 6625), pids(events));
    assertEquals(events.get(0).getTimestampMs(), events.get(1).getTimestampMs());
  }

  @Test
  void followsAFifoAsKillsArriveAndStopsOnClose() throws Exception {
    Path fifo = DevKmsgSourceTest.fifo(dir, "kmsg");
    List<String> records = twoKillRecords();
    List<OomKillEvent> events = new CopyOnWriteArrayList<>();
    OomKillWatcher watcher =
        OomKillWatcher.start(
            DevKmsgSource.follow(fifo, OomKillCorpusTest.CLOCK),
            "host-a",
            "boot-1",
            dir.resolve("state"),
            events::add);
    try (OutputStream writer = Files.newOutputStream(fifo)) {
      for (String record : records.subList(0, indexOfKill(records, "18912") + 1)) {
        writer.write((record + "\n").getBytes(StandardCharsets.UTF_8));
      }
      writer.flush();
      long deadline = System.currentTimeMillis() + 10_000;
      while (events.isEmpty() && System.currentTimeMillis() < deadline) {
        Thread.sleep(20);
      }
      assertEquals(List.of(18912), pids(events), "reported while the log stays open");
      assertTrue(watcher.isRunning());

      watcher.close();

      assertFalse(watcher.isRunning());
    }
  }

  private static List<Integer> pids(List<OomKillEvent> events) {
    return events.stream().map(OomKillEvent::getPid).toList();
  }
}
