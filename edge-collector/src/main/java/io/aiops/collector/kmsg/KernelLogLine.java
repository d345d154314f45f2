package io.aiops.collector.kmsg;

/**
 * One kernel message with its prefix understood and removed.
 *
 * @param message the text the kernel printed, leading spaces kept (Mem-Info continues with them)
 * @param printedTimestamp the stamp exactly as the source printed it ({@code [ 1234.567890]},
 *     {@code Nov 3 10:22:33}, an ISO date, /dev/kmsg microseconds), or null when the line had none
 * @param uptimeSeconds seconds since boot when the line carried the monotonic stamp, else null
 * @param wallClockMs epoch ms when derivable (a printed date, or uptime plus a known boot time)
 * @param sequence the /dev/kmsg sequence number, null for every other source
 * @param rawLine the line as read, prefix included
 */
public record KernelLogLine(
    String message,
    String printedTimestamp,
    Double uptimeSeconds,
    Long wallClockMs,
    Long sequence,
    String rawLine) {

  /** A later line of the same multi-line record: same stamps, its own text. */
  KernelLogLine continuedBy(String text, String raw) {
    return new KernelLogLine(text, printedTimestamp, uptimeSeconds, wallClockMs, sequence, raw);
  }
}
