package io.aiops.collector.procfs;

/** The fields of /proc/<pid>/stat the collector uses. */
public record ProcStat(String comm, long startTimeTicks, boolean kernelThread) {
  private static final long PF_KTHREAD = 0x00200000L;
  // Fields are numbered from 1 in proc(5); after the ")" that ends comm, field 3 (state) comes
  // first.
  private static final int FIRST_FIELD_AFTER_COMM = 3;
  private static final int FLAGS_FIELD = 9;
  private static final int START_TIME_FIELD = 22;

  /**
   * Parses the stat line. comm may itself contain spaces and parentheses, so it runs from the first
   * "(" to the last ")".
   */
  public static ProcStat parse(String line) {
    int open = line.indexOf('(');
    int close = line.lastIndexOf(')');
    if (open < 0 || close < open) {
      throw new IllegalArgumentException("no (comm) in stat line");
    }
    String comm = line.substring(open + 1, close);
    String[] fields = line.substring(close + 1).trim().split(" ");
    if (fields.length <= START_TIME_FIELD - FIRST_FIELD_AFTER_COMM) {
      throw new IllegalArgumentException("stat line has " + fields.length + " fields after comm");
    }
    long flags = Long.parseLong(fields[FLAGS_FIELD - FIRST_FIELD_AFTER_COMM]);
    long startTime = Long.parseLong(fields[START_TIME_FIELD - FIRST_FIELD_AFTER_COMM]);
    return new ProcStat(comm, startTime, (flags & PF_KTHREAD) != 0);
  }
}
