package io.aiops.collector.kmsg;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/**
 * How kernel-log timestamps become wall-clock time: the boot instant turns uptime stamps ({@code
 * [1234.567890]}, /dev/kmsg microseconds) into epoch ms, the zone places syslog's local times, and
 * {@code now} supplies the year that syslog and journalctl leave out.
 *
 * @param bootTime when this log's kernel booted, or null when unknown (a file from another host)
 */
public record KernelClock(Instant bootTime, ZoneId zone, Instant now) {

  /**
   * This host: boot time is now minus /proc/uptime, the system zone. Kernel stamps stop while the
   * machine is suspended and /proc/uptime does not, so after a suspend stamps read early by the
   * time spent asleep; servers do not suspend.
   */
  public static KernelClock thisHost(Path procUptime) {
    Instant now = Instant.now();
    return new KernelClock(bootTime(procUptime, now), ZoneId.systemDefault(), now);
  }

  /** For text from anywhere: printed dates are read in the system zone, uptime stamps stay bare. */
  public static KernelClock withoutBootTime() {
    return new KernelClock(null, ZoneId.systemDefault(), Instant.now());
  }

  /** Epoch ms of an uptime stamp, or null without a boot time. */
  public Long epochMsAtUptime(double uptimeSeconds) {
    if (bootTime == null) {
      return null;
    }
    return bootTime.toEpochMilli() + Math.round(uptimeSeconds * 1000);
  }

  /** Epoch ms of a local date and time printed in this clock's zone. */
  public long epochMs(LocalDateTime local) {
    return local.atZone(zone).toInstant().toEpochMilli();
  }

  /**
   * Syslog and journalctl print no year: take the current one, unless that puts the date more than
   * a day in the future (a December line read in January), then the year before.
   */
  public int yearOf(int month, int dayOfMonth) {
    ZonedDateTime today = now.atZone(zone);
    int year = today.getYear();
    LocalDate candidate = safeDate(year, month, dayOfMonth);
    return candidate.isAfter(today.toLocalDate().plusDays(1)) ? year - 1 : year;
  }

  private static LocalDate safeDate(int year, int month, int day) {
    // Feb 29 in a non-leap year: compare as Feb 28, the year choice is the same.
    return LocalDate.of(year, month, Math.min(day, LocalDate.of(year, month, 1).lengthOfMonth()));
  }

  private static Instant bootTime(Path procUptime, Instant now) {
    try {
      String first = Files.readString(procUptime).trim().split("\\s+")[0];
      return now.minusMillis(Math.round(Double.parseDouble(first) * 1000));
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }
}
