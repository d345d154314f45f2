package io.aiops.collector.output;

import io.aiops.schemas.memory.HostMemorySample;
import io.aiops.schemas.memory.PressureStall;
import io.aiops.schemas.memory.ProcessMemory;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * A sample as a compact table for a person at a terminal: the host's memory, swap and pressure,
 * then the largest processes by RSS.
 */
public final class SampleTable {
  /** Rows per sample: enough to see who holds the memory, few enough to follow at 5 s. */
  public static final int PROCESS_ROWS = 10;

  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'", Locale.ROOT)
          .withZone(ZoneOffset.UTC);

  private SampleTable() {}

  public static String of(HostMemorySample s) {
    StringBuilder text = new StringBuilder(2048);
    long used = s.getMemTotalBytes() - s.getMemAvailableBytes();
    text.append(TIME.format(Instant.ofEpochMilli(s.getTimestampMs())))
        .append("  ")
        .append(s.getHostname().isEmpty() ? s.getHostId() : s.getHostname())
        .append('\n');
    text.append(
        String.format(
            Locale.ROOT,
            "  memory  %s total, %s available, %s used (%.0f %%)%n",
            ByteText.of(s.getMemTotalBytes()),
            ByteText.of(s.getMemAvailableBytes()),
            ByteText.of(used),
            s.getMemTotalBytes() == 0 ? 0.0 : 100.0 * used / s.getMemTotalBytes()));
    text.append(
        String.format(
            Locale.ROOT,
            "  swap    %s used of %s%n",
            ByteText.of(s.getSwapTotalBytes() - s.getSwapFreeBytes()),
            ByteText.of(s.getSwapTotalBytes())));
    text.append("  psi     ").append(pressure(s.getMemoryPressure())).append('\n');
    appendProcesses(text, s.getProcesses());
    return text.toString();
  }

  private static String pressure(PressureStall psi) {
    if (psi == null) {
      return "not reported by this kernel";
    }
    return String.format(
        Locale.ROOT,
        "some %.2f / %.2f / %.2f %%, full %.2f / %.2f / %.2f %% (avg10 / avg60 / avg300)",
        psi.getSomeAvg10Pct(),
        psi.getSomeAvg60Pct(),
        psi.getSomeAvg300Pct(),
        psi.getFullAvg10Pct(),
        psi.getFullAvg60Pct(),
        psi.getFullAvg300Pct());
  }

  private static void appendProcesses(StringBuilder text, List<ProcessMemory> processes) {
    List<ProcessMemory> largest =
        processes.stream()
            .sorted(Comparator.comparingLong(ProcessMemory::getRssBytes).reversed())
            .limit(PROCESS_ROWS)
            .toList();
    text.append(
        String.format(
            Locale.ROOT, "  %8s  %-16s %10s %10s %10s%n", "PID", "COMM", "RSS", "PSS", "SWAP"));
    for (ProcessMemory p : largest) {
      text.append(
          String.format(
              Locale.ROOT,
              "  %8d  %-16s %10s %10s %10s%n",
              p.getPid(),
              p.getComm(),
              ByteText.of(p.getRssBytes()),
              ByteText.of(p.getPssBytes()),
              ByteText.of(p.getSwapBytes())));
    }
    int more = processes.size() - largest.size();
    if (more > 0) {
      text.append("  ... ")
          .append(more)
          .append(" more in the sample (--format json lists them all)\n");
    }
  }
}
