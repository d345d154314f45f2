package io.aiops.collector.procfs;

/**
 * /proc/<pid>/smaps_rollup (Linux 4.14+), in bytes: the proportional set size and what it is made
 * of. Pss_Anon, Pss_File and Pss_Shmem appeared in 5.8 and are null before.
 */
public record SmapsRollup(
    long pssBytes,
    Long pssAnonBytes,
    Long pssFileBytes,
    Long pssShmemBytes,
    Long swapBytes,
    Long swapPssBytes,
    Long privateDirtyBytes) {

  /** Parses smaps_rollup files held in a byte buffer; reuses its arrays, so one per thread. */
  static final class Parser {
    private final KeyedLines lines =
        new KeyedLines(
            "Pss", "Pss_Anon", "Pss_File", "Pss_Shmem", "Swap", "SwapPss", "Private_Dirty");
    private final long[] values = new long[7];

    /**
     * The rollup, or null when it has no Pss line (an empty file: the process lost its memory
     * between open and read) or when a wanted line did not parse (counted once as malformed).
     */
    SmapsRollup parse(byte[] buf, int len, ReadErrors errors) {
      if (lines.scan(buf, len, values) > 0) {
        errors.count(ReadErrors.MALFORMED);
        return null;
      }
      if (values[0] == KeyedLines.ABSENT) {
        return null;
      }
      return new SmapsRollup(
          values[0],
          orNull(values[1]),
          orNull(values[2]),
          orNull(values[3]),
          orNull(values[4]),
          orNull(values[5]),
          orNull(values[6]));
    }

    private static Long orNull(long value) {
      return value == KeyedLines.ABSENT ? null : value;
    }
  }
}
