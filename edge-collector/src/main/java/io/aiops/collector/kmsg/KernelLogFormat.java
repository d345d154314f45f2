package io.aiops.collector.kmsg;

/** The prefixes a kernel log line comes with, one per tool that prints the kernel's ring buffer. */
public enum KernelLogFormat {
  /** /dev/kmsg: {@code 6,1234,5678901,-;message}, microseconds since boot. */
  KMSG,
  /** {@code dmesg -r} or /proc/kmsg: {@code <6>[ 1234.567890] message}. */
  DMESG_RAW,
  /** {@code dmesg}: {@code [ 1234.567890] message}. */
  DMESG,
  /** {@code dmesg -T}: {@code [Mon Nov 3 10:22:33 2025] message}, local time. */
  DMESG_HUMAN,
  /** {@code dmesg --time-format iso}: {@code 2025-11-03T10:22:33,123456+00:00 message}. */
  DMESG_ISO,
  /** journalctl -o short-iso, rsyslog RFC 3339: {@code 2025-11-03T10:22:33+0000 host kernel: m}. */
  SYSLOG_ISO,
  /** /var/log/messages, syslog, journalctl -k: {@code Nov 3 10:22:33 host kernel: message}. */
  SYSLOG,
  /** No prefix: the message alone. */
  NONE;

  /** rsyslog writes the newlines inside one kernel record as {@code #012}. */
  boolean escapesNewlinesAsOctal() {
    return this == SYSLOG || this == SYSLOG_ISO;
  }
}
