package io.aiops.collector.kmsg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.aiops.schemas.memory.OomKillEvent;
import io.aiops.schemas.serde.AvroTrust;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.specific.SpecificDatumWriter;
import org.junit.jupiter.api.Test;

class OomKillParserTest {

  /** Feeds the lines one by one, as a follower does; element i holds the kills line i completed. */
  private static List<List<OomKill>> follow(String... lines) {
    KernelLogReader reader = new KernelLogReader(OomKillCorpusTest.CLOCK);
    OomKillParser parser = new OomKillParser();
    List<List<OomKill>> byLine = new ArrayList<>();
    for (String raw : lines) {
      List<OomKill> kills = new ArrayList<>();
      reader.read(raw).forEach(line -> kills.addAll(parser.accept(line)));
      byLine.add(kills);
    }
    return byLine;
  }

  private static List<OomKill> all(String... lines) {
    return follow(lines).stream().flatMap(List::stream).toList();
  }

  @Test
  void reportsTheKillAtItsKillLineAndNothingAtTheReaperLine() {
    List<List<OomKill>> byLine =
        follow(
            "[  932.771090] celery invoked oom-killer: gfp_mask=0xcc0(GFP_KERNEL), order=0,"
                + " oom_score_adj=0",
            "[  932.771213] oom-kill:constraint=CONSTRAINT_MEMCG,nodemask=(null),cpuset=/,"
                + "mems_allowed=0,oom_memcg=/a.service,task_memcg=/a.service,task=celery,pid=4419,"
                + "uid=33",
            "[  932.771239] Memory cgroup out of memory: Killed process 4419 (celery)"
                + " total-vm:1412260kB, anon-rss:1021604kB, file-rss:10240kB, shmem-rss:0kB,"
                + " UID:33 pgtables:2232kB oom_score_adj:0",
            "[  932.790402] oom_reaper: reaped process 4419 (celery), now anon-rss:0kB,"
                + " file-rss:128kB, shmem-rss:0kB");
    assertEquals(List.of(0, 0, 1, 0), byLine.stream().map(List::size).toList());
    assertEquals("/a.service", byLine.get(2).get(0).memcg());
  }

  @Test
  void reportsOneKillWhenTheKillLineRepeatsInOneReport() {
    String kill = "Out of memory: Killed process 77 (redis-server) total-vm:10kB, anon-rss:5kB,";
    List<OomKill> kills =
        all(
            "[ 1.0] redis-server invoked oom-killer: gfp_mask=0xcc0(GFP_KERNEL), order=0,"
                + " oom_score_adj=0",
            "[ 1.1] " + kill + " file-rss:0kB, shmem-rss:0kB",
            "[ 1.1] " + kill + " file-rss:0kB, shmem-rss:0kB",
            "[ 1.2] oom_reaper: reaped process 77 (redis-server), now anon-rss:0kB, file-rss:0kB,"
                + " shmem-rss:0kB");
    assertEquals(1, kills.size());
  }

  @Test
  void keepsNoFactsOfAReportThatStartedMinutesBeforeTheKillLine() {
    List<OomKill> kills =
        all(
            "[  100.000000] java invoked oom-killer: gfp_mask=0xcc0(GFP_KERNEL), order=0,"
                + " oom_score_adj=0",
            "[  100.000100] memory: usage 1024kB, limit 1024kB, failcnt 3",
            "[  500.000000] Killed process 12 (python3) total-vm:10kB, anon-rss:5kB, file-rss:0kB");
    assertEquals(1, kills.size());
    assertNull(kills.get(0).invoker());
    assertNull(kills.get(0).memcgLimitKb());
  }

  @Test
  void excerptThatLostItsHeaderStillGivesTheMemcgFromTheLinesLeft() {
    OomKill kill =
        all(
                "Task in /kubepods/pod1/c1 killed as a result of limit of /kubepods/pod1",
                "memory: usage 2048kB, limit 2048kB, failcnt 9",
                "Memory cgroup out of memory: Kill process 5 (app) score 999 or sacrifice child",
                "Killed process 5 (app) total-vm:9kB, anon-rss:4kB, file-rss:0kB")
            .get(0);
    assertEquals(OomKill.CONSTRAINT_MEMCG, kill.constraint());
    assertEquals("/kubepods/pod1", kill.memcg());
    assertEquals("/kubepods/pod1/c1", kill.taskMemcg());
    assertEquals(2048L, kill.memcgLimitKb());
  }

  @Test
  void selectionWithoutKillLineAndReaperAloneReportNothing() {
    assertEquals(
        List.of(),
        all(
            "Out of memory: Kill process 1234 (java) score 900 or sacrifice child",
            "oom_reaper: reaped process 1234 (java), now anon-rss:0kB, file-rss:0kB,"
                + " shmem-rss:0kB"));
  }

  @Test
  void processNamesKeepTheirSpacesAndParentheses() {
    List<OomKill> kills =
        all(
            "Out of memory: Killed process 15925 ((resolved)) total-vm:168424kB, anon-rss:4064kB,"
                + " file-rss:3584kB, shmem-rss:0kB",
            "Killed process 4410 (Web Content) total-vm:1kB, anon-rss:1kB, file-rss:0kB,"
                + " shmem-rss:0kB",
            "Killed process 3311, UID 48, (httpd) total-vm:8kB, anon-rss:4kB, file-rss:0kB");
    assertEquals(
        List.of("(resolved)", "Web Content", "httpd"),
        kills.stream().map(OomKill::process).toList());
    assertEquals(48, kills.get(2).uid());
    assertEquals(4064L, kills.get(0).anonRssKb());
  }

  @Test
  void summaryValuesWithCommasAreCutAtTheNextKey() {
    OomKill kill =
        all(
                "oom-kill:constraint=CONSTRAINT_MEMORY_POLICY,nodemask=0,2,cpuset=/,"
                    + "mems_allowed=0-3,global_oom,task_memcg=/batch.slice,task=sim,pid=9,uid=0",
                "Out of memory: Killed process 9 (sim) total-vm:1kB, anon-rss:1kB, file-rss:0kB,"
                    + " shmem-rss:0kB, UID:0 pgtables:4kB oom_score_adj:0")
            .get(0);
    assertEquals("CONSTRAINT_MEMORY_POLICY", kill.constraint());
    assertEquals("0,2", kill.nodemask());
    assertEquals("0-3", kill.memsAllowed());
    assertNull(kill.memcg());
    assertEquals("/batch.slice", kill.taskMemcg());
  }

  @Test
  void avroEventCarriesEveryFieldAndSurvivesEncoding() throws Exception {
    OomKill kill = OomKillCorpusTest.parse("fedora41-6.11-raw-kmsg").get(0);
    OomKillEvent event = OomKillEvents.toAvro(kill, "host-a", "boot-1", 42L);

    OomKillEvent decoded = roundTrip(event);
    assertEquals(event, decoded);
    assertEquals("host-a", decoded.getHostId());
    assertEquals(kill.timestampMs(), decoded.getTimestampMs());
    assertEquals("20895602371", decoded.getKernelTimestamp());
    assertEquals(4611120L, decoded.getAnonRssKb());
    assertEquals("CONSTRAINT_NONE", decoded.getConstraint());
    assertEquals(2531010L, decoded.getMemInfoPages().get("active_anon"));
    assertEquals(4, decoded.getTasks().size());
    assertEquals(1152780L, decoded.getTasks().get(3).getRssAnonPages());
    assertEquals(kill.rawLines(), decoded.getRawLines());
  }

  @Test
  void avroEventTakesTheFallbackTimeWhenTheLogGaveNoWallClock() {
    OomKill kill = all("Killed process 3 (x) total-vm:1kB, anon-rss:1kB, file-rss:0kB").get(0);
    assertNull(kill.timestampMs());
    assertEquals(42L, OomKillEvents.toAvro(kill, "h", "b", 42L).getTimestampMs());
  }

  private static OomKillEvent roundTrip(OomKillEvent event) throws IOException {
    AvroTrust.trustGeneratedClasses();
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(bytes, null);
    new SpecificDatumWriter<>(OomKillEvent.class).write(event, encoder);
    encoder.flush();
    return new SpecificDatumReader<>(OomKillEvent.class)
        .read(null, DecoderFactory.get().binaryDecoder(bytes.toByteArray(), null));
  }
}
