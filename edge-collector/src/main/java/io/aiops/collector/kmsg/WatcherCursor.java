package io.aiops.collector.kmsg;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Properties;

/**
 * How far a follower got in one boot's kernel log, kept in a small file so a restarted collector
 * does not report again the kills still in the ring buffer. /dev/kmsg gives sequence numbers; the
 * fallback sources only the last kill's time and pid.
 *
 * @param kmsgSequence the sequence number of the last handled kill line, or null
 * @param killTimestampMs the time of the last handled kill, or null
 * @param killPid the pid of the last handled kill, or null
 */
record WatcherCursor(String bootId, Long kmsgSequence, Long killTimestampMs, Integer killPid) {

  static WatcherCursor fresh(String bootId) {
    return new WatcherCursor(bootId, null, null, null);
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
          saved.getProperty("kill_pid") == null
              ? null
              : Integer.valueOf(saved.getProperty("kill_pid")));
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
    if (killPid != null) {
      values.setProperty("kill_pid", killPid.toString());
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
        || (kill.timestampMs().equals(killTimestampMs)
            && Integer.valueOf(kill.pid()).equals(killPid));
  }

  WatcherCursor after(OomKill kill) {
    return new WatcherCursor(
        bootId,
        kill.sequence() != null ? kill.sequence() : kmsgSequence,
        kill.timestampMs() != null ? kill.timestampMs() : killTimestampMs,
        kill.pid());
  }

  private static Long number(String text) {
    return text == null ? null : Long.valueOf(text);
  }
}
