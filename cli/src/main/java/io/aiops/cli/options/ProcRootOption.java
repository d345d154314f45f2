package io.aiops.cli.options;

import io.aiops.collector.config.SamplingSettings;
import java.util.Map;
import picocli.CommandLine.Option;

/**
 * {@code --proc-root} of the commands that read processes the way the collector does ({@code
 * inspect memory}, {@code snapshot memory}), checked by the collector's {@link SamplingSettings}.
 */
public final class ProcRootOption {
  @Option(
      names = "--proc-root",
      paramLabel = "DIR",
      description = "The host's /proc, e.g. /host/proc in a container (default: /proc).")
  String dir;

  /** Adds the directory, when one was given, as the collector's proc-root setting. */
  public void addGiven(Map<String, String> given) {
    if (dir != null) {
      given.put(SamplingSettings.PROC_ROOT, dir);
    }
  }
}
