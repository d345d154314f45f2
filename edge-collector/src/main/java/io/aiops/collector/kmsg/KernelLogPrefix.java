package io.aiops.collector.kmsg;

import java.time.DateTimeException;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Recognises the prefix of one kernel log line and what its stamp means. */
final class KernelLogPrefix {
  private static final List<String> MONTHS =
      List.of("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec");

  private static final Pattern KMSG = Pattern.compile("^(\\d+),(\\d+),(\\d+),[^;]*;(.*)$");
  private static final Pattern DMESG_RAW =
      Pattern.compile("^<(\\d+)>(\\[\\s*(\\d+\\.\\d+)\\]) ?(.*)$");
  private static final Pattern DMESG = Pattern.compile("^(\\[\\s*(\\d+\\.\\d+)\\]) ?(.*)$");
  // dmesg -x: "kern  :info  : [ 1.0] message"
  private static final Pattern DMESG_DECODED = Pattern.compile("^([a-z]+)\\s*:([a-z]+)\\s*: (.*)$");
  private static final Pattern DMESG_HUMAN =
      Pattern.compile(
          "^(\\[(?:[A-Z][a-z]{2} )?([A-Z][a-z]{2}) +(\\d{1,2}) (\\d{2}):(\\d{2}):(\\d{2})"
              + " (\\d{4})\\]) ?(.*)$");
  private static final Pattern ISO =
      Pattern.compile(
          "^(\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}([.,]\\d{1,9})?(?:Z|[+-]\\d{2}:?\\d{2})) (.*)$");
  private static final Pattern SYSLOG =
      Pattern.compile(
          "^(([A-Z][a-z]{2}) +(\\d{1,2}) (\\d{2}):(\\d{2}):(\\d{2})(?:\\.(\\d{1,9}))?) (\\S+) (.*)$");
  private static final Pattern TAG = Pattern.compile("^([^\\s\\[\\]:]+)(?:\\[\\d+\\])?: ?(.*)$");
  private static final Pattern UPTIME_IN_MESSAGE =
      Pattern.compile("^\\[\\s*(\\d+\\.\\d+)\\] ?(.*)$");
  private static final Pattern JOURNAL_BANNER = Pattern.compile("^-- .*(--|entries|begin.*)$");

  private KernelLogPrefix() {}

  /**
   * A line with its prefix read.
   *
   * @param kernel false for another program's line (syslog tag not {@code kernel}, kmsg facility
   *     not 0) or a journalctl banner
   */
  record Parsed(
      KernelLogFormat format,
      boolean kernel,
      String printed,
      Double uptimeSeconds,
      Long wallClockMs,
      Long sequence,
      String message) {}

  static Parsed parse(String line, KernelClock clock) {
    try {
      return parseStamped(line, clock);
    } catch (DateTimeException e) {
      // "Feb 30" or the like: not a stamp after all, so the whole line is the message.
      return new Parsed(KernelLogFormat.NONE, true, null, null, null, null, line);
    }
  }

  private static Parsed parseStamped(String line, KernelClock clock) {
    Matcher m = KMSG.matcher(line);
    if (m.matches()) {
      double uptime = Long.parseLong(m.group(3)) / 1_000_000.0;
      return new Parsed(
          KernelLogFormat.KMSG,
          isKernelFacility(m.group(1)),
          m.group(3),
          uptime,
          clock.epochMsAtUptime(uptime),
          Long.parseLong(m.group(2)),
          m.group(4));
    }
    if ((m = DMESG_RAW.matcher(line)).matches()) {
      return uptimeLine(
          KernelLogFormat.DMESG_RAW,
          isKernelFacility(m.group(1)),
          m.group(2),
          m.group(3),
          m.group(4),
          clock);
    }
    if ((m = DMESG.matcher(line)).matches()) {
      return uptimeLine(KernelLogFormat.DMESG, true, m.group(1), m.group(2), m.group(3), clock);
    }
    if ((m = DMESG_DECODED.matcher(line)).matches() && DMESG.matcher(m.group(3)).matches()) {
      Parsed inner = parse(m.group(3), clock);
      return m.group(1).equals("kern") ? inner : notKernel(inner.format());
    }
    if ((m = DMESG_HUMAN.matcher(line)).matches() && MONTHS.contains(m.group(2))) {
      LocalDateTime local =
          LocalDateTime.of(
              Integer.parseInt(m.group(7)),
              month(m.group(2)),
              Integer.parseInt(m.group(3)),
              Integer.parseInt(m.group(4)),
              Integer.parseInt(m.group(5)),
              Integer.parseInt(m.group(6)));
      return new Parsed(
          KernelLogFormat.DMESG_HUMAN,
          true,
          m.group(1),
          null,
          clock.epochMs(local),
          null,
          m.group(8));
    }
    if ((m = ISO.matcher(line)).matches()) {
      return isoLine(m, clock);
    }
    if ((m = SYSLOG.matcher(line)).matches() && MONTHS.contains(m.group(2))) {
      int month = month(m.group(2));
      int day = Integer.parseInt(m.group(3));
      LocalDateTime local =
          LocalDateTime.of(
              clock.yearOf(month, day),
              month,
              day,
              Integer.parseInt(m.group(4)),
              Integer.parseInt(m.group(5)),
              Integer.parseInt(m.group(6)),
              nanos(m.group(7)));
      return taggedLine(KernelLogFormat.SYSLOG, m.group(1), clock.epochMs(local), m.group(9));
    }
    if (JOURNAL_BANNER.matcher(line).matches()) {
      return notKernel(KernelLogFormat.SYSLOG);
    }
    return new Parsed(KernelLogFormat.NONE, true, null, null, null, null, line);
  }

  private static Parsed isoLine(Matcher m, KernelClock clock) {
    Long wallMs = isoEpochMs(m.group(1));
    // dmesg --time-format iso separates the fraction with a comma; journalctl and rsyslog do not.
    boolean dmesg = m.group(2) != null && m.group(2).startsWith(",");
    if (!dmesg) {
      Matcher host = Pattern.compile("^(\\S+) (.*)$").matcher(m.group(3));
      if (host.matches() && TAG.matcher(host.group(2)).matches()) {
        return taggedLine(KernelLogFormat.SYSLOG_ISO, m.group(1), wallMs, host.group(2));
      }
    }
    return new Parsed(KernelLogFormat.DMESG_ISO, true, m.group(1), null, wallMs, null, m.group(3));
  }

  /** After host: {@code kernel: [1234.567] message}; any other tag is another program's line. */
  private static Parsed taggedLine(
      KernelLogFormat format, String printed, Long wallMs, String afterHost) {
    Matcher tag = TAG.matcher(afterHost);
    if (!tag.matches() || !tag.group(1).equals("kernel")) {
      return notKernel(format);
    }
    String message = tag.group(2);
    Double uptime = null;
    Matcher stamp = UPTIME_IN_MESSAGE.matcher(message);
    if (stamp.matches()) {
      uptime = Double.parseDouble(stamp.group(1));
      message = stamp.group(2);
    }
    return new Parsed(format, true, printed, uptime, wallMs, null, message);
  }

  private static Parsed uptimeLine(
      KernelLogFormat format,
      boolean kernel,
      String printed,
      String seconds,
      String message,
      KernelClock clock) {
    double uptime = Double.parseDouble(seconds);
    return new Parsed(
        format, kernel, printed, uptime, clock.epochMsAtUptime(uptime), null, message);
  }

  private static Parsed notKernel(KernelLogFormat format) {
    return new Parsed(format, false, null, null, null, null, "");
  }

  /** Priority = facility * 8 + level; the kernel's own messages are facility 0. */
  private static boolean isKernelFacility(String priority) {
    return Integer.parseInt(priority) >> 3 == 0;
  }

  private static Long isoEpochMs(String printed) {
    String normal = printed.replace(',', '.');
    if (normal.matches(".*[+-]\\d{4}$")) {
      normal =
          normal.substring(0, normal.length() - 2) + ":" + normal.substring(normal.length() - 2);
    }
    try {
      return OffsetDateTime.parse(normal).toInstant().toEpochMilli();
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  private static int month(String name) {
    return MONTHS.indexOf(name) + 1;
  }

  private static int nanos(String fraction) {
    if (fraction == null) {
      return 0;
    }
    return Integer.parseInt((fraction + "000000000").substring(0, 9));
  }
}
