package io.aiops.collector.kmsg;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HashSet;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * How far a follower got in one boot's kernel log, kept in a small file so a restarted collector
 * does not report again the kills still in the ring buffer. /dev/kmsg gives sequence numbers; the
 * fallback sources only the last kill's time, and the pids killed at that time: journalctl stamps
 * whole seconds, and one OOM can kill several processes within a second.
 *
 * @param kmsgSequence the sequence number of the last handled kill line, or null
 * @param killTimestampMs the time of the last handled kill, or null
 * @param killPids the pids of the kills handled at {@code killTimestampMs}
 */
record WatcherCursor(
    String bootId, Long kmsgSequence, Long killTimestampMs, Set<Integer> killPids) {

  WatcherCursor {
    killPids = Set.copyOf(killPids);
  }

  static WatcherCursor fresh(String bootId) {
    return new WatcherCursor(bootId, null, null, Set.of());
  }

  /**
   * The cursor in the file for this boot; a fresh one when the file is missing, unreadable or of
   * another boot.
   */
  static WatcherCursor load(Path file, String bootId) {
    Properties saved = new Properties();
    try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      saved.load(in);
    } catch (IOException e) {
      return fresh(bootId);
    }
    if (!bootId.equals(saved.getProperty("boot_id"))) {
      return fresh(bootId);
    }
    try {
      return new WatcherCursor(
          bootId,
          number(saved.getProperty("kmsg_sequence")),
          number(saved.getProperty("kill_timestamp_ms")),
          pids(saved.getProperty("kill_pids", saved.getProperty("kill_pid", ""))));
    } catch (NumberFormatException e) {
      return fresh(bootId);
    }
  }

  /** Writes a sibling temporary file and renames it over the old one, so a crash leaves either. */
  void save(Path file) throws IOException {
    Properties values = new Properties();
    values.setProperty("boot_id", bootId);
    if (kmsgSequence != null) {
      values.setProperty("kmsg_sequence", kmsgSequence.toString());
    }
    if (killTimestampMs != null) {
      values.setProperty("kill_timestamp_ms", killTimestampMs.toString());
    }
    if (!killPids.isEmpty()) {
      values.setProperty(
          "kill_pids",
          killPids.stream().sorted().map(String::valueOf).collect(Collectors.joining(",")));
    }
    Path absolute = file.toAbsolutePath();
    Files.createDirectories(absolute.getParent());
    Path temporary =
        Files.createTempFile(absolute.getParent(), absolute.getFileName() + ".", ".tmp");
    try {
      try (Writer out = Files.newBufferedWriter(temporary, StandardCharsets.UTF_8)) {
        values.store(out, "aiops OOM kill watcher: last kill handled in this boot");
      }
      Files.move(
          temporary, absolute, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } finally {
      Files.deleteIfExists(temporary);
    }
  }

  /** Lines up to the last handled kill line were read before the restart. */
  boolean alreadyRead(KernelLogLine line) {
    return kmsgSequence != null && line.sequence() != null && line.sequence() <= kmsgSequence;
  }

  /** Without sequence numbers, a kill no later than the last handled one was reported before. */
  boolean alreadyReported(OomKill kill) {
    if (kill.sequence() != null || killTimestampMs == null || kill.timestampMs() == null) {
      return false;
    }
    return kill.timestampMs() < killTimestampMs
        || (kill.timestampMs().equals(killTimestampMs) && killPids.contains(kill.pid()));
  }

  WatcherCursor after(OomKill kill) {
    Long timestampMs = kill.timestampMs() != null ? kill.timestampMs() : killTimestampMs;
    Set<Integer> pids = new HashSet<>();
    if (timestampMs != null && timestampMs.equals(killTimestampMs)) {
      pids.addAll(killPids);
    }
    pids.add(kill.pid());
    return new WatcherCursor(
        bootId, kill.sequence() != null ? kill.sequence() : kmsgSequence, timestampMs, pids);
  }

  private static Set<Integer> pids(String text) {
    Set<Integer> pids = new HashSet<>();
    for (String pid : text.split(",")) {
      if (!pid.isBlank()) {
        pids.add(Integer.valueOf(pid.strip()));
      }
    }
    return pids;
  }

  private static Long number(String text) {
    return text == null ? null : Long.valueOf(text);
  }
}
