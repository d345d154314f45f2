package io.aiops.collector.cgroup;

import io.aiops.collector.procfs.MissingDataNotices;
import io.aiops.collector.procfs.PressureStallReading;
import io.aiops.collector.procfs.ReadErrors;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * Reads the small files of a cgroup directory: one number, "max" or a number, "name value" lines,
 * PSI. A file this cgroup does not have gives null; one that does not parse is counted.
 */
final class CgroupFiles {
  private final ReadErrors errors;
  private final MissingDataNotices notices;

  CgroupFiles(ReadErrors errors, MissingDataNotices notices) {
    this.errors = errors;
    this.notices = notices;
  }

  Long number(Path file) {
    String value = text(file);
    return value == null ? null : parseOrNull(value);
  }

  /** A v2 limit: null when absent or "max" (no limit). */
  Long limit(Path file) {
    String value = text(file);
    return value == null || value.equals("max") ? null : parseOrNull(value);
  }

  /** "name value" lines (memory.stat, memory.events, memory.oom_control). */
  Map<String, Long> keyValues(Path file) {
    String text = text(file);
    Map<String, Long> values = new HashMap<>();
    if (text == null) {
      return values;
    }
    for (String line : text.split("\n")) {
      String[] parts = line.trim().split("\\s+");
      if (parts.length == 2) {
        try {
          values.put(parts[0], Long.parseLong(parts[1]));
        } catch (NumberFormatException e) {
          errors.count(ReadErrors.MALFORMED);
        }
      } else if (!line.isBlank()) {
        errors.count(ReadErrors.MALFORMED);
      }
    }
    return values;
  }

  /**
   * A cgroup's memory.pressure, or null. Kernels booted with psi=0 either hide the file or, on some
   * 5.x kernels, keep it and fail the read with EOPNOTSUPP: both mean "no PSI", not an error.
   */
  PressureStallReading pressure(Path file) {
    String text;
    try {
      text = Files.readString(file);
    } catch (NoSuchFileException e) {
      return null;
    } catch (IOException e) {
      if (String.valueOf(e.getMessage()).contains("not supported")) {
        notices.once(
            "cgroup-psi",
            "cgroup memory.pressure is not supported (PSI disabled: boot with psi=1); cgroup"
                + " memory_pressure is null");
      } else {
        countFailure(e);
      }
      return null;
    }
    try {
      return PressureStallReading.parse(text);
    } catch (IllegalArgumentException e) {
      errors.count(ReadErrors.MALFORMED);
      return null;
    }
  }

  String text(Path file) {
    try {
      return Files.readString(file).trim();
    } catch (NoSuchFileException e) {
      return null;
    } catch (IOException e) {
      countFailure(e);
      return null;
    }
  }

  private void countFailure(IOException e) {
    errors.count(e instanceof AccessDeniedException ? ReadErrors.PERMISSION_DENIED : ReadErrors.IO);
  }

  private Long parseOrNull(String value) {
    try {
      return Long.parseLong(value.trim());
    } catch (NumberFormatException e) {
      errors.count(ReadErrors.MALFORMED);
      return null;
    }
  }
}
