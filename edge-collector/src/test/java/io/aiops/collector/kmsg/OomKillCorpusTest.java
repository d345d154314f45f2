package io.aiops.collector.kmsg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every excerpt of the corpus (src/test/resources/oom, see its README) against its expected kills:
 * the same number of kills, in order, and every field of every kill as the expected line states it.
 * Each expected line must state every contract field, so no field goes unchecked by omission.
 */
class OomKillCorpusTest {
  /** The test kernel booted at 08:00 UTC on 3 Nov 2025; syslog years are read as of 1 Dec 2025. */
  static final KernelClock CLOCK =
      new KernelClock(
          Instant.parse("2025-11-03T08:00:00Z"),
          ZoneOffset.UTC,
          Instant.parse("2025-12-01T00:00:00Z"));

  private static final ObjectMapper JSON = new ObjectMapper();

  static Path corpus() throws URISyntaxException {
    return Path.of(OomKillCorpusTest.class.getResource("/oom").toURI());
  }

  static Stream<String> excerpts() throws IOException, URISyntaxException {
    try (Stream<Path> files = Files.list(corpus())) {
      return files
          .map(p -> p.getFileName().toString())
          .filter(name -> name.endsWith(".log"))
          .map(name -> name.substring(0, name.length() - ".log".length()))
          .sorted()
          .toList()
          .stream();
    }
  }

  static List<OomKill> parse(String excerpt) throws IOException, URISyntaxException {
    try (BufferedReader text = Files.newBufferedReader(corpus().resolve(excerpt + ".log"))) {
      return OomKillLog.parse(text, CLOCK);
    }
  }

  static List<JsonNode> expected(String excerpt) throws IOException, URISyntaxException {
    List<JsonNode> kills = new ArrayList<>();
    for (String line : Files.readAllLines(corpus().resolve(excerpt + ".expected.jsonl"))) {
      if (!line.isBlank()) {
        kills.add(JSON.readTree(line));
      }
    }
    return kills;
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("excerpts")
  void excerptYieldsExactlyTheExpectedKillsWithEveryField(String excerpt) throws Exception {
    List<OomKill> kills = parse(excerpt);
    List<JsonNode> expected = expected(excerpt);

    assertEquals(expected.size(), kills.size(), excerpt + ": number of kills " + pids(kills));
    for (int i = 0; i < expected.size(); i++) {
      JsonNode want = expected.get(i);
      // Through JSON text, so numbers compare as the expected file's numbers do.
      JsonNode got = JSON.readTree(JSON.writeValueAsString(OomKillFields.of(kills.get(i))));
      assertStatesEveryField(excerpt, want, got);
      for (var field : (Iterable<java.util.Map.Entry<String, JsonNode>>) want::fields) {
        String name = field.getKey();
        String where = excerpt + " kill " + (i + 1) + " " + name;
        if (name.equals("task_count")) {
          assertEquals(field.getValue().asInt(), got.get("tasks").size(), where);
        } else {
          assertEquals(field.getValue(), got.get(name), where);
        }
      }
    }
  }

  private static void assertStatesEveryField(String excerpt, JsonNode want, JsonNode got) {
    Set<String> missing = new HashSet<>();
    got.fieldNames().forEachRemaining(missing::add);
    want.fieldNames().forEachRemaining(missing::remove);
    if (want.has("task_count")) {
      missing.remove("tasks");
    }
    assertTrue(missing.isEmpty(), excerpt + ": expected line does not state " + missing);
  }

  private static List<String> pids(List<OomKill> kills) {
    return kills.stream().map(k -> k.pid() + " " + k.process()).toList();
  }

  @Test
  void corpusCoversAtLeastEighteenExcerptsEachWithItsExpectation() throws Exception {
    List<String> names = excerpts().toList();
    assertTrue(names.size() >= 18, "excerpts: " + names.size());
    for (String name : names) {
      assertTrue(Files.exists(corpus().resolve(name + ".expected.jsonl")), name);
    }
  }

  @Test
  void lookalikesAndTruncatedHeadersReportNothing() throws Exception {
    for (String name :
        List.of(
            "lookalike-oom-reaper-alone",
            "lookalike-java-outofmemoryerror",
            "lookalike-memcg-usage-stats-trace",
            "lookalike-systemd-unit",
            "truncated-header-only")) {
      assertEquals(List.of(), parse(name), name);
    }
  }
}
