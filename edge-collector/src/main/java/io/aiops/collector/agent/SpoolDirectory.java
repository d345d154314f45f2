package io.aiops.collector.agent;

import io.aiops.collector.config.CollectorSettings;
import io.aiops.collector.config.SettingException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where the spool lives. The default (/var/lib/aiops/spool) needs root or systemd's StateDirectory;
 * a collector started by hand falls back to ./aiops-spool and says so. A directory asked for
 * explicitly must be writable: falling back there would hide a mistake.
 *
 * @param note why the directory is not the one configured, or empty
 */
public record SpoolDirectory(Path path, String note) {
  public static final Path FALLBACK = Path.of("aiops-spool");

  public static SpoolDirectory prepare(CollectorSettings settings) {
    Path configured = settings.spoolDir();
    String problem = writableProblem(configured);
    if (problem == null) {
      return new SpoolDirectory(configured, "");
    }
    if (settings.spoolDirGiven()) {
      throw new SettingException(
          "--" + CollectorSettings.SPOOL_DIR + " '" + configured + "' " + problem);
    }
    Path fallback = FALLBACK.toAbsolutePath();
    String fallbackProblem = writableProblem(fallback);
    if (fallbackProblem != null) {
      throw new SettingException(
          "neither the default spool "
              + configured
              + " nor "
              + fallback
              + " can be written; pass --"
              + CollectorSettings.SPOOL_DIR);
    }
    return new SpoolDirectory(
        fallback,
        configured
            + " "
            + problem
            + "; spooling to "
            + fallback
            + " instead (pass --"
            + CollectorSettings.SPOOL_DIR
            + " to choose)");
  }

  /** Null when the directory exists (or could be created) and can be written. */
  private static String writableProblem(Path directory) {
    try {
      Files.createDirectories(directory);
    } catch (IOException | SecurityException e) {
      return "cannot be created (" + e.getClass().getSimpleName() + ")";
    }
    return Files.isWritable(directory) ? null : "is not writable";
  }
}
