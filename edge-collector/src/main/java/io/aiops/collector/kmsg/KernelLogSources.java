package io.aiops.collector.kmsg;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * The running kernel's log, best source first: /dev/kmsg (sequence numbers, microseconds, no
 * program to run), then {@code dmesg} (ISO dates where util-linux has them, 2.25+; else uptime
 * stamps), then {@code journalctl -k} (readable by the systemd-journal and adm groups when
 * dmesg_restrict keeps the others out).
 */
public final class KernelLogSources {
  // Records already in the ring buffer come back in microseconds; a quarter second without one
  // means the buffer has been read.
  static final Duration DUMP_QUIET_GAP = Duration.ofMillis(250);

  private KernelLogSources() {}

  /** The log as it is now, read once. */
  public static FirstReadableKernelLog dump(Path kmsg, KernelClock clock) {
    return new FirstReadableKernelLog(
        List.of(
            DevKmsgSource.dump(kmsg, clock, DUMP_QUIET_GAP),
            new CommandKernelLogSource(List.of("dmesg", "--time-format", "iso"), clock),
            new CommandKernelLogSource(List.of("dmesg"), clock),
            new CommandKernelLogSource(
                List.of("journalctl", "-k", "-o", "short-iso", "--no-pager"), clock)));
  }

  /** The log from its start in the buffer, then each new line, until closed. */
  public static FirstReadableKernelLog follow(Path kmsg, KernelClock clock) {
    return new FirstReadableKernelLog(
        List.of(
            DevKmsgSource.follow(kmsg, clock),
            new CommandKernelLogSource(List.of("dmesg", "--follow", "--time-format", "iso"), clock),
            new CommandKernelLogSource(List.of("dmesg", "--follow"), clock),
            new CommandKernelLogSource(
                List.of("journalctl", "-k", "-f", "--no-tail", "-o", "short-iso", "--no-pager"),
                clock)));
  }

  /** This host's log: /dev/kmsg, boot time from /proc/uptime. */
  public static FirstReadableKernelLog thisHost(boolean follow) {
    KernelClock clock = KernelClock.thisHost(Path.of("/proc/uptime"));
    return follow ? follow(DevKmsgSource.DEVICE, clock) : dump(DevKmsgSource.DEVICE, clock);
  }
}
