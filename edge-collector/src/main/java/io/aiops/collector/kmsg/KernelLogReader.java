package io.aiops.collector.kmsg;

import java.util.ArrayList;
import java.util.List;

/**
 * Turns the lines of any kernel log text (/dev/kmsg records, dmesg in its formats, journalctl -k,
 * syslog files) into {@link KernelLogLine}s, in order. One reader per stream: it remembers the
 * previous line, because a record the kernel printed with embedded newlines (Mem-Info) comes back
 * as indented lines without a prefix (dmesg, journalctl), as {@code #012} inside one line (rsyslog)
 * or as {@code \x0a} inside one record (/dev/kmsg).
 */
public final class KernelLogReader {
  private final KernelClock clock;
  private KernelLogLine previous;
  private KernelLogFormat previousFormat = KernelLogFormat.NONE;
  private boolean previousWasOther;

  public KernelLogReader(KernelClock clock) {
    this.clock = clock;
  }

  /** The kernel lines in one line of text: none for another program's line, several for one. */
  public List<KernelLogLine> read(String rawLine) {
    String line = stripLineEnd(rawLine);
    if (line.isBlank()) {
      return List.of();
    }
    if (Character.isWhitespace(line.charAt(0))) {
      // An excerpt pasted with indentation still has its prefixes; only prefix-less lines continue.
      KernelLogPrefix.Parsed indented = KernelLogPrefix.parse(line.strip(), clock);
      if (indented.format() == KernelLogFormat.NONE || previousFormat == KernelLogFormat.KMSG) {
        return continuation(line);
      }
      line = line.strip();
    }
    KernelLogPrefix.Parsed parsed = KernelLogPrefix.parse(line, clock);
    previousFormat = parsed.format();
    previousWasOther = !parsed.kernel();
    if (!parsed.kernel()) {
      previous = null;
      return List.of();
    }
    KernelLogLine first =
        new KernelLogLine(
            "",
            parsed.printed(),
            parsed.uptimeSeconds(),
            parsed.wallClockMs(),
            parsed.sequence(),
            line);
    List<KernelLogLine> lines = new ArrayList<>();
    for (String text : split(parsed.format(), parsed.message())) {
      lines.add(first.continuedBy(text, line));
    }
    previous = lines.get(lines.size() - 1);
    return lines;
  }

  private List<KernelLogLine> continuation(String line) {
    if (previousFormat == KernelLogFormat.KMSG || previousWasOther) {
      // /dev/kmsg dictionary (" SUBSYSTEM=pci"), or more of another program's message.
      return List.of();
    }
    // dmesg and journalctl indent the later lines of a multi-line record to the message column.
    String text = " " + line.strip();
    if (previous == null) {
      return List.of(new KernelLogLine(text, null, null, null, null, line));
    }
    return List.of(previous.continuedBy(text, line));
  }

  private static List<String> split(KernelLogFormat format, String message) {
    if (format == KernelLogFormat.KMSG) {
      return List.of(unescapeKmsg(message).split("\n", -1));
    }
    if (format.escapesNewlinesAsOctal() && message.contains("#012")) {
      return List.of(message.replace("#011", "\t").split("#012", -1));
    }
    return List.of(message);
  }

  /** /dev/kmsg writes non-printable bytes and the backslash as {@code \xNN}. */
  static String unescapeKmsg(String text) {
    if (text.indexOf('\\') < 0) {
      return text;
    }
    StringBuilder out = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\\' && i + 1 < text.length() && text.charAt(i + 1) == 'x' && isHex(text, i + 2)) {
        out.append((char) Integer.parseInt(text.substring(i + 2, i + 4), 16));
        i += 3;
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }

  private static boolean isHex(String text, int at) {
    return at + 2 <= text.length()
        && Character.digit(text.charAt(at), 16) >= 0
        && Character.digit(text.charAt(at + 1), 16) >= 0;
  }

  private static String stripLineEnd(String raw) {
    int end = raw.length();
    while (end > 0 && (raw.charAt(end - 1) == '\n' || raw.charAt(end - 1) == '\r')) {
      end--;
    }
    return raw.substring(0, end);
  }
}
