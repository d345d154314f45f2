package io.aiops.cli.detect;

import java.util.List;
import java.util.Optional;

/**
 * Runs the series detector over exported series: in this process ({@link OfflineEngine}) or through
 * the stream processor's topology on an embedded broker ({@link StreamsReplayEngine}). Both must
 * give the same {@link JudgedSeries} for the same series.
 */
interface DetectionEngine extends AutoCloseable {
  /** How many series are judged together: one keeps memory flat, a replay wants them all. */
  int batchSize();

  /** Why this engine cannot take the series (one line naming the file), if it cannot. */
  default Optional<String> refuse(MemorySeries series) {
    return Optional.empty();
  }

  /** Judges the series; results in the same order. */
  List<JudgedSeries> judge(List<MemorySeries> batch);

  @Override
  default void close() {}
}
