package io.aiops.streams.topology;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.aiops.detection.PointHistory;
import io.aiops.detection.anomaly.PointScore;
import io.aiops.detection.series.SeriesDetector;
import io.aiops.detection.series.SeriesDetectorSettings;
import io.aiops.detection.series.SeriesListener;
import io.aiops.schemas.memory.AnomalyType;
import io.aiops.schemas.memory.CgroupMemory;
import io.aiops.schemas.memory.HostMemorySample;
import io.aiops.schemas.memory.MemoryAnomaly;
import io.aiops.schemas.memory.MemoryTrend;
import io.aiops.schemas.memory.ProcessMemory;
import io.aiops.schemas.topic.DeadLetterHeaders;
import io.aiops.schemas.topic.MemoryTopics;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Random;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DetectionTopologyTest {
  private static final long MIB = 1024L * 1024;
  private static final long HOUR_MS = 3_600_000L;
  private static final long START_MS = 1_767_225_600_000L; // 2026-01-01T00:00Z
  private static final long STEP_MS = 60_000L;
  private static final long LIMIT_BYTES = 4096 * MIB;

  private final MemoryTopics topics = MemoryTopics.using(new InMemorySchemaRegistry());
  private TopologyTestDriver driver;
  private TestInputTopic<String, HostMemorySample> samples;
  private TestInputTopic<byte[], byte[]> rawSamples;
  private TestOutputTopic<String, MemoryTrend> trends;
  private TestOutputTopic<String, MemoryAnomaly> anomalies;
  private TestOutputTopic<byte[], byte[]> deadLetters;

  // Not the default /tmp/kafka-streams: a build in another worktree may hold its lock.
  @TempDir Path stateDir;

  @BeforeEach
  void startDriver() {
    Properties props = new Properties();
    props.put(StreamsConfig.APPLICATION_ID_CONFIG, "detection-topology-test");
    props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
    props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
    driver =
        new TopologyTestDriver(
            DetectionTopology.build(topics, DetectionSettings.defaults()), props);
    samples =
        driver.createInputTopic(
            topics.samples().name(),
            Serdes.String().serializer(),
            topics.samples().valueSerde().serializer());
    rawSamples =
        driver.createInputTopic(
            topics.samples().name(),
            Serdes.ByteArray().serializer(),
            Serdes.ByteArray().serializer());
    trends =
        driver.createOutputTopic(
            topics.trends().name(),
            Serdes.String().deserializer(),
            topics.trends().valueSerde().deserializer());
    anomalies =
        driver.createOutputTopic(
            topics.anomalies().name(),
            Serdes.String().deserializer(),
            topics.anomalies().valueSerde().deserializer());
    deadLetters =
        driver.createOutputTopic(
            topics.deadLetters().name(),
            Serdes.ByteArray().deserializer(),
            Serdes.ByteArray().deserializer());
  }

  @AfterEach
  void closeDriver() {
    driver.close();
  }

  @Test
  void reportsLeakingProcessAndNotItsStableNeighbour() {
    for (long t = START_MS; t <= START_MS + 40 * HOUR_MS; t += STEP_MS) {
      double hours = (t - START_MS) / (double) HOUR_MS;
      long leaking = (long) (1024 * MIB + hours * 30 * MIB);
      long stable = (long) (800 * MIB * (1 + 0.1 * Math.sin(2 * Math.PI * hours / 24)));
      samples.pipeInput("host-a", sample("host-a", t, leaking, stable), t);
    }
    List<MemoryAnomaly> found = anomalies.readValuesToList();
    assertFalse(found.isEmpty(), "the leaking process must be reported");
    for (MemoryAnomaly anomaly : found) {
      assertEquals(100, anomaly.getPid(), "only the leaking pid 100 may be reported");
      assertEquals(AnomalyType.MEMORY_LEAK, anomaly.getAnomalyType());
      assertEquals("/kubepods/checkout", anomaly.getService());
      assertEquals(LIMIT_BYTES, anomaly.getLimitBytes());
    }
    MemoryAnomaly first = found.get(0);
    double growthMibPerHour = first.getGrowthBytesPerHour() / MIB;
    assertTrue(Math.abs(growthMibPerHour - 30) < 4.5, "growth ~30 MiB/h, was " + growthMibPerHour);
    assertNotNull(first.getOomEtaSeconds(), "a 4 GiB limit is in sight");
    assertTrue(deadLetters.isEmpty(), "nothing to the DLQ");
  }

  @Test
  void emitsOneTrendPerProcessPerFiveMinuteWindow() {
    for (long t = START_MS; t < START_MS + HOUR_MS; t += STEP_MS) {
      samples.pipeInput("host-a", sample("host-a", t, 100 * MIB, 200 * MIB), t);
    }
    List<MemoryTrend> emitted = trends.readValuesToList();
    // 12 windows in the hour; the last is still open.
    assertEquals(2 * 11, emitted.size());
    MemoryTrend trend = emitted.get(0);
    assertEquals(5, trend.getSampleCount());
    assertEquals(trend.getWindowStartMs() + 300_000, trend.getWindowEndMs());
    assertEquals(100 * MIB, trend.getRssMaxBytes());
  }

  @Test
  void sendsUndecodableRecordToDeadLetterTopicAndCarriesOn() {
    byte[] garbage = "not avro".getBytes(StandardCharsets.UTF_8);
    rawSamples.pipeInput("host-b".getBytes(StandardCharsets.UTF_8), garbage, START_MS);
    for (long t = START_MS; t < START_MS + HOUR_MS; t += STEP_MS) {
      samples.pipeInput("host-b", sample("host-b", t, 100 * MIB, 200 * MIB), t);
    }
    List<TestRecord<byte[], byte[]>> dead = deadLetters.readRecordsToList();
    assertEquals(1, dead.size());
    TestRecord<byte[], byte[]> letter = dead.get(0);
    assertEquals("host-b", new String(letter.key(), StandardCharsets.UTF_8));
    assertEquals("not avro", new String(letter.value(), StandardCharsets.UTF_8));
    assertEquals(
        HostSampleProcessor.DECODE_STAGE,
        DeadLetterHeaders.read(letter.headers(), DeadLetterHeaders.STAGE));
    assertTrue(
        DeadLetterHeaders.read(letter.headers(), DeadLetterHeaders.REASON).contains("magic byte"));
    assertFalse(trends.isEmpty(), "samples after the bad record are still processed");
  }

  @Test
  void forgetsSeriesOfPreviousBoot() {
    samples.pipeInput("host-c", sample("host-c", START_MS, 100 * MIB, 200 * MIB), START_MS);
    HostMemorySample rebooted = sample("host-c", START_MS + 600_000, 100 * MIB, 200 * MIB);
    rebooted.setBootId("boot-2");
    samples.pipeInput("host-c", rebooted, START_MS + 600_000);
    KeyValueStore<String, byte[]> store = driver.getKeyValueStore(DetectionTopology.SERIES_STORE);
    List<String> keys = new ArrayList<>();
    try (var all = store.all()) {
      all.forEachRemaining(kv -> keys.add(kv.key));
    }
    assertEquals(2, keys.size(), "only the new boot's two series remain: " + keys);
    assertTrue(keys.stream().allMatch(k -> k.startsWith("host-c/boot-2/")));
  }

  @Test
  void startsASeriesAfreshWhenItsStoredStateIsUnreadable() {
    samples.pipeInput("host-d", sample("host-d", START_MS, 100 * MIB, 200 * MIB), START_MS);
    KeyValueStore<String, byte[]> store = driver.getKeyValueStore(DetectionTopology.SERIES_STORE);
    store.put("host-d/boot-1/100/1000", new byte[] {9, 9, 9});
    for (long t = START_MS + STEP_MS; t < START_MS + HOUR_MS; t += STEP_MS) {
      samples.pipeInput("host-d", sample("host-d", t, 100 * MIB, 200 * MIB), t);
    }
    assertTrue(deadLetters.isEmpty(), "damaged state must not dead-letter the host's samples");
    assertFalse(trends.isEmpty());
  }

  @Test
  void publishesEveryAnomalousPointTheSeriesDetectorScoresAndNoOther() {
    long stepMs = 10 * 60_000L;
    SeriesDetector offline = new SeriesDetector(SeriesDetectorSettings.defaults());
    List<PointScore> expected = new ArrayList<>();
    SeriesListener keep =
        new SeriesListener() {
          @Override
          public void scored(PointScore score) {
            if (score.anomalous()) {
              expected.add(score);
            }
          }
        };
    Random noise = new Random(11);
    for (long t = START_MS; t <= START_MS + 5 * 24 * HOUR_MS; t += stepMs) {
      double hours = (t - START_MS) / (double) HOUR_MS;
      boolean spike = Math.floorMod((long) hours, 29) == 28 && (t / stepMs) % 6 == 0;
      long rss =
          (long)
              (900 * MIB
                  + 150 * MIB * Math.sin(2 * Math.PI * hours / 24)
                  + 3 * MIB * noise.nextGaussian()
                  + (spike ? 400 * MIB : 0));
      offline.add(t, rss, LIMIT_BYTES, keep);
      samples.pipeInput("host-e", sample("host-e", t, rss, 200 * MIB), t);
    }
    List<PointScore> published = new ArrayList<>();
    for (MemoryAnomaly anomaly : anomalies.readValuesToList()) {
      assertEquals(AnomalyType.GROWTH_SPIKE, anomaly.getAnomalyType(), anomaly.toString());
      assertEquals(100, anomaly.getPid(), "the flat neighbour has nothing abnormal");
      published.add(PointAnomalies.pointOf(anomaly).orElseThrow());
    }
    assertFalse(expected.isEmpty(), "the injected spikes are anomalous");
    assertEquals(expected, published);
  }

  @Test
  void continuesTheLeakHistoryOfAStateWrittenBeforeTheSeriesDetector() throws Exception {
    PointHistory kept = new PointHistory(30 * 60_000L, 96);
    for (long t = START_MS; t < START_MS + 30 * HOUR_MS; t += STEP_MS) {
      kept.add(t, 1024 * MIB + (t - START_MS) / (double) HOUR_MS * 30 * MIB);
    }
    KeyValueStore<String, byte[]> store = driver.getKeyValueStore(DetectionTopology.SERIES_STORE);
    store.put("host-f/boot-1/100/1000", formatOneState(kept));
    long resumeMs = START_MS + 30 * HOUR_MS;
    for (long t = resumeMs; t < resumeMs + 2 * HOUR_MS; t += STEP_MS) {
      long rss = (long) (1024 * MIB + (t - START_MS) / (double) HOUR_MS * 30 * MIB);
      samples.pipeInput("host-f", sample("host-f", t, rss, 200 * MIB), t);
    }
    List<MemoryAnomaly> leaks =
        anomalies.readValuesToList().stream()
            .filter(a -> a.getAnomalyType() == AnomalyType.MEMORY_LEAK)
            .toList();
    assertEquals(1, leaks.size(), "the 30 h kept are judged at the first bucket: a leak");
    assertEquals(100, leaks.get(0).getPid());
  }

  @Test
  void measuresNoEtaWhenTheSampleCarriesNoLimitAndNoHostMemory() {
    for (long t = START_MS; t <= START_MS + 40 * HOUR_MS; t += STEP_MS) {
      double hours = (t - START_MS) / (double) HOUR_MS;
      HostMemorySample replayed = sample("host-g", t, (long) (1024 * MIB + hours * 30 * MIB), 0);
      replayed.setCgroups(List.of());
      replayed.setMemTotalBytes(0);
      replayed.setMemAvailableBytes(0);
      replayed.setProcesses(replayed.getProcesses().subList(0, 1));
      samples.pipeInput("host-g", replayed, t);
    }
    MemoryAnomaly leak = anomalies.readValuesToList().get(0);
    assertEquals(AnomalyType.MEMORY_LEAK, leak.getAnomalyType());
    assertNull(leak.getLimitBytes());
    assertNull(leak.getOomEtaSeconds());
  }

  /** A series' state as stored before the series detector (format 1): a bare leak history. */
  private static byte[] formatOneState(PointHistory history) throws IOException {
    ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    try (DataOutputStream out = new DataOutputStream(buffer)) {
      out.writeByte(1);
      out.writeUTF("host-f");
      out.writeUTF("java");
      out.writeUTF("/kubepods/checkout");
      out.writeInt(100);
      out.writeLong(-1);
      out.writeInt(0);
      out.writeDouble(0);
      out.writeLong(0);
      out.writeLong(0);
      out.writeLong(0);
      out.writeLong(-1);
      out.writeLong(-1);
      out.writeDouble(Double.NaN);
      out.writeDouble(Double.NaN);
      out.writeLong(LIMIT_BYTES);
      byte[] historyBytes = history.toBytes();
      out.writeInt(historyBytes.length);
      out.write(historyBytes);
    }
    return buffer.toByteArray();
  }

  private static HostMemorySample sample(String host, long t, long leakingRss, long stableRss) {
    return HostMemorySample.newBuilder()
        .setHostId(host)
        .setBootId("boot-1")
        .setTimestampMs(t)
        .setMemTotalBytes(16384 * MIB)
        .setMemFreeBytes(8192 * MIB)
        .setMemAvailableBytes(10240 * MIB)
        .setSwapTotalBytes(0)
        .setSwapFreeBytes(0)
        .setCgroups(
            List.of(
                CgroupMemory.newBuilder()
                    .setPath("/kubepods/checkout")
                    .setCgroupVersion(2)
                    .setUsageBytes(leakingRss)
                    .setLimitBytes(LIMIT_BYTES)
                    .build()))
        .setProcesses(
            List.of(
                process(100, "java", "/kubepods/checkout", leakingRss),
                process(200, "postgres", "/system.slice/postgresql.service", stableRss)))
        .build();
  }

  private static ProcessMemory process(int pid, String comm, String cgroup, long rss) {
    return ProcessMemory.newBuilder()
        .setPid(pid)
        .setStartTimeTicks(pid * 10L)
        .setComm(comm)
        .setCgroupPath(cgroup)
        .setRssBytes(rss)
        .build();
  }
}
