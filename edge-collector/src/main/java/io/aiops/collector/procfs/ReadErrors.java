package io.aiops.collector.procfs;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Counts what the collector skipped, by kind, so odd hosts show up in metrics instead of in
 * crashes. Kinds: {@code vanished} (process exited mid-read), {@code permission_denied}, {@code
 * malformed}, {@code io}.
 */
public final class ReadErrors {
  public static final String VANISHED = "vanished";
  public static final String PERMISSION_DENIED = "permission_denied";
  public static final String MALFORMED = "malformed";
  public static final String IO = "io";

  private final Map<String, LongAdder> counts = new ConcurrentHashMap<>();

  public void count(String kind) {
    counts.computeIfAbsent(kind, k -> new LongAdder()).increment();
  }

  /**
   * Counts the failure to read one of a process's files and returns its kind. A process that exits
   * between open and read fails with ESRCH or an empty read rather than ENOENT, so any other I/O
   * error counts as vanished when the process directory is gone, and as io only while it remains.
   */
  public String countProcessFailure(IOException failure, Path processDir) {
    String kind;
    if (failure instanceof NoSuchFileException) {
      kind = VANISHED;
    } else if (failure instanceof AccessDeniedException) {
      kind = PERMISSION_DENIED;
    } else {
      kind = Files.isDirectory(processDir) ? IO : VANISHED;
    }
    count(kind);
    return kind;
  }

  /** A sorted copy of the counts. */
  public Map<String, Long> snapshot() {
    Map<String, Long> copy = new TreeMap<>();
    counts.forEach((kind, adder) -> copy.put(kind, adder.sum()));
    return copy;
  }
}
