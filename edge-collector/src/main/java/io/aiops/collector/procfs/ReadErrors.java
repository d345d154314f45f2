package io.aiops.collector.procfs;

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

  /** A sorted copy of the counts. */
  public Map<String, Long> snapshot() {
    Map<String, Long> copy = new TreeMap<>();
    counts.forEach((kind, adder) -> copy.put(kind, adder.sum()));
    return copy;
  }
}
