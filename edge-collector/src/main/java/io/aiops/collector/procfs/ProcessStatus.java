package io.aiops.collector.procfs;

/**
 * The memory figures of /proc/<pid>/status, in bytes. Nullable fields are not printed by every
 * kernel: RssAnon, RssFile and RssShmem appeared in 4.5.
 */
public record ProcessStatus(
    long rssBytes,
    Long rssAnonBytes,
    Long rssFileBytes,
    Long rssShmemBytes,
    long swapBytes,
    long vmSizeBytes,
    Long vmDataBytes,
    Integer threads) {

  /** Parses status files held in a byte buffer; reuses its arrays, so one per reading thread. */
  static final class Parser {
    private static final int VM_RSS = 0;
    private static final int RSS_ANON = 1;
    private static final int RSS_FILE = 2;
    private static final int RSS_SHMEM = 3;
    private static final int VM_SWAP = 4;
    private static final int VM_SIZE = 5;
    private static final int VM_DATA = 6;
    private static final int THREADS = 7;

    private final KeyedLines lines =
        new KeyedLines(
            "VmRSS", "RssAnon", "RssFile", "RssShmem", "VmSwap", "VmSize", "VmData", "Threads");
    private final long[] values = new long[8];

    /**
     * The status, or null when it has no VmRSS (a process without memory of its own: a zombie, or a
     * kernel thread on kernels whose stat lacks the flag) or when a wanted line did not parse. A
     * status with one figure cut short is skipped whole, counted once as malformed: a sample must
     * not report a truncated VmSwap as 0.
     */
    ProcessStatus parse(byte[] buf, int len, ReadErrors errors) {
      if (lines.scan(buf, len, values) > 0) {
        errors.count(ReadErrors.MALFORMED);
        return null;
      }
      if (values[VM_RSS] == KeyedLines.ABSENT) {
        return null;
      }
      return new ProcessStatus(
          values[VM_RSS],
          orNull(values[RSS_ANON]),
          orNull(values[RSS_FILE]),
          orNull(values[RSS_SHMEM]),
          Math.max(0, values[VM_SWAP]),
          Math.max(0, values[VM_SIZE]),
          orNull(values[VM_DATA]),
          values[THREADS] == KeyedLines.ABSENT ? null : (int) values[THREADS]);
    }

    private static Long orNull(long value) {
      return value == KeyedLines.ABSENT ? null : value;
    }
  }
}
