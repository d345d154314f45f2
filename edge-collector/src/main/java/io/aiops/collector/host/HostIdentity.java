package io.aiops.collector.host;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;

/** Who this host is: machine id (else hostname), current boot id and hostname. */
public record HostIdentity(String hostId, String bootId, String hostname) {

  public static HostIdentity read(HostPaths paths) {
    String hostname = hostname(paths);
    String machineId = firstLine(paths.machineIdFile());
    String bootId = firstLine(paths.procRoot().resolve("sys/kernel/random/boot_id"));
    return new HostIdentity(
        machineId.isEmpty() ? hostname : machineId,
        bootId.isEmpty() ? "unknown" : bootId,
        hostname);
  }

  private static String hostname(HostPaths paths) {
    String fromProc = firstLine(paths.procRoot().resolve("sys/kernel/hostname"));
    if (!fromProc.isEmpty()) {
      return fromProc;
    }
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (IOException e) {
      return "localhost";
    }
  }

  private static String firstLine(Path file) {
    try {
      String text = Files.readString(file).trim();
      int newline = text.indexOf('\n');
      return newline < 0 ? text : text.substring(0, newline).trim();
    } catch (IOException | SecurityException e) {
      return "";
    }
  }
}
