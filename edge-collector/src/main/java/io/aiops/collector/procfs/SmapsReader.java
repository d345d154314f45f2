package io.aiops.collector.procfs;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Reads /proc/<pid>/smaps one mapping at a time: each is handed on as soon as its fields are read,
 * so a process with a hundred thousand mappings (a JVM with many threads, a database with many
 * files) never sits in memory whole. The kernel walks the page tables as the file is read; a large
 * process takes a while and the reading holds its mmap lock briefly per mapping.
 */
public final class SmapsReader {
  private SmapsReader() {}

  /**
   * Reads the file and returns how many mappings it held.
   *
   * @throws java.nio.file.NoSuchFileException when the process does not exist (or just exited)
   * @throws java.nio.file.AccessDeniedException for another user's process without root or
   *     CAP_SYS_PTRACE (smaps needs ptrace read access)
   * @throws MalformedSmapsException when a line is neither a mapping header nor a field
   */
  public static int read(Path smaps, Consumer<SmapsMapping> each) throws IOException {
    try (InputStream in = Files.newInputStream(smaps)) {
      // Paths are bytes; a file name that is not UTF-8 must not stop the reading.
      var decoder =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPLACE)
              .onUnmappableCharacter(CodingErrorAction.REPLACE);
      return read(new BufferedReader(new InputStreamReader(in, decoder), 1 << 16), each);
    }
  }

  /** Reads smaps text line by line; see {@link #read(Path, Consumer)}. */
  public static int read(BufferedReader lines, Consumer<SmapsMapping> each) throws IOException {
    Pending pending = null;
    int count = 0;
    int lineNumber = 0;
    for (String line = lines.readLine(); line != null; line = lines.readLine()) {
      lineNumber++;
      if (line.isEmpty()) {
        continue;
      }
      int space = line.indexOf(' ');
      int colon = line.indexOf(':');
      boolean field = colon > 0 && (space < 0 || colon < space);
      if (field) {
        if (pending == null) {
          throw new MalformedSmapsException(lineNumber, "a field before any mapping header");
        }
        pending.field(line, colon, lineNumber);
      } else {
        if (pending != null) {
          each.accept(pending.mapping());
          count++;
        }
        pending = Pending.header(line, lineNumber);
      }
    }
    if (pending != null) {
      each.accept(pending.mapping());
      count++;
    }
    return count;
  }

  /** A mapping whose header has been read and whose fields are being read. */
  private static final class Pending {
    private final long start;
    private final long end;
    private final String permissions;
    private final long offset;
    private final String device;
    private final long inode;
    private final String path;
    private final Map<String, Long> bytesByField = new LinkedHashMap<>();
    private final Map<String, String> otherFields = new LinkedHashMap<>();

    private Pending(
        long start,
        long end,
        String permissions,
        long offset,
        String device,
        long inode,
        String path) {
      this.start = start;
      this.end = end;
      this.permissions = permissions;
      this.offset = offset;
      this.device = device;
      this.inode = inode;
      this.path = path;
    }

    /** "55d0c7a5e000-55d0c7a60000 r--p 00000000 fd:01 1234 /usr/bin/sleep" (path optional). */
    static Pending header(String line, int lineNumber) throws MalformedSmapsException {
      String[] parts = new String[5];
      int from = 0;
      for (int i = 0; i < parts.length; i++) {
        int to = line.indexOf(' ', from);
        if (to < 0) {
          if (i < parts.length - 1) {
            throw new MalformedSmapsException(lineNumber, "not a mapping header: " + line);
          }
          to = line.length();
        }
        parts[i] = line.substring(from, to);
        from = Math.min(line.length(), to + 1);
      }
      int dash = parts[0].indexOf('-');
      if (dash <= 0) {
        throw new MalformedSmapsException(lineNumber, "not a mapping header: " + line);
      }
      // The kernel pads the path column with spaces; a path may itself contain spaces.
      while (from < line.length() && line.charAt(from) == ' ') {
        from++;
      }
      try {
        return new Pending(
            Long.parseUnsignedLong(parts[0].substring(0, dash), 16),
            Long.parseUnsignedLong(parts[0].substring(dash + 1), 16),
            parts[1],
            Long.parseUnsignedLong(parts[2], 16),
            parts[3],
            Long.parseLong(parts[4]),
            line.substring(from));
      } catch (NumberFormatException e) {
        throw new MalformedSmapsException(lineNumber, "not a mapping header: " + line);
      }
    }

    /** "Rss: 1234 kB", "THPeligible: 0", "VmFlags: rd wr mr mw me ac". */
    void field(String line, int colon, int lineNumber) throws MalformedSmapsException {
      String name = line.substring(0, colon);
      String value = line.substring(colon + 1).trim();
      if (value.endsWith(" kB")) {
        try {
          long kb = Long.parseLong(value.substring(0, value.length() - 3).trim());
          bytesByField.put(name, Math.multiplyExact(kb, 1024L));
        } catch (NumberFormatException | ArithmeticException e) {
          throw new MalformedSmapsException(lineNumber, "not a size in kB: " + line);
        }
      } else {
        otherFields.put(name, value);
      }
    }

    SmapsMapping mapping() {
      return new SmapsMapping(
          start, end, permissions, offset, device, inode, path, bytesByField, otherFields);
    }
  }
}
