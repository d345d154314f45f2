package io.aiops.collector;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The Mem: and Swap: rows of {@code free -b}, procps-ng 3.3.10 or later, in bytes. */
public record FreeOutput(
    long memTotal,
    long used,
    long free,
    long buffCache,
    long available,
    long swapTotal,
    long swapUsed) {

  /** Runs {@code free -b} now. */
  public static FreeOutput now() {
    return parse(Procps.run("free", "-b"));
  }

  public static FreeOutput parse(String text) {
    long[] mem = null;
    long[] swap = null;
    for (String line : text.split("\n")) {
      String[] parts = line.trim().split("\\s+");
      if (parts[0].equals("Mem:")) {
        mem = numbers(parts);
      } else if (parts[0].equals("Swap:")) {
        swap = numbers(parts);
      }
    }
    if (mem == null || mem.length < 6 || swap == null || !text.contains("available")) {
      throw new AssertionError("unexpected free -b output (procps-ng 3.3.10+ expected):\n" + text);
    }
    return new FreeOutput(mem[0], mem[1], mem[2], mem[4], mem[5], swap[0], swap[1]);
  }

  private static long[] numbers(String[] parts) {
    long[] values = new long[parts.length - 1];
    for (int i = 1; i < parts.length; i++) {
      values[i - 1] = Long.parseLong(parts[i]);
    }
    return values;
  }

  /** The installed free's version ({@code free -V}). */
  public static Version version() {
    return Version.parse(Procps.run("free", "-V"));
  }

  /** procps-ng's version, which decides how free computes "used". */
  public record Version(int major, int minor, int patch) {
    public static Version parse(String text) {
      Matcher m = Pattern.compile("procps-ng (\\d+)\\.(\\d+)\\.(\\d+)").matcher(text);
      if (!m.find()) {
        throw new AssertionError("not procps-ng's free: " + text);
      }
      return new Version(
          Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
    }

    /**
     * procps-ng 4.0.1 changed used to total - available (its NEWS: "Used memory is Total -
     * Available"); 3.3.10 to 4.0.0 print total - free - buffers - cache, with cache = Cached +
     * SReclaimable.
     */
    public boolean usedIsTotalMinusAvailable() {
      return major > 4 || (major == 4 && (minor > 0 || patch >= 1));
    }

    public String usedDefinition() {
      return usedIsTotalMinusAvailable()
          ? "total - available"
          : "total - free - buffers - (Cached + SReclaimable)";
    }

    /** "used" as this version of free computes it from meminfo's figures. */
    public long used(
        long total, long free, long buffers, long cached, long sReclaimable, long available) {
      return usedIsTotalMinusAvailable()
          ? total - available
          : total - free - buffers - cached - sReclaimable;
    }

    @Override
    public String toString() {
      return "free from procps-ng " + major + "." + minor + "." + patch;
    }
  }
}
