package io.aiops.collector.simulate;

/**
 * How a simulated process's RSS evolves, noise-free, as a function of hours since the simulation
 * started. Each pattern is one of the shapes a leak detector must tell apart.
 */
public sealed interface MemoryPattern {
  double HOURS_PER_DAY = 24.0;

  double rssBytesAt(double hours);

  /** Whether this pattern is a leak (the label an evaluation checks verdicts against). */
  boolean leaking();

  /** A short name for logs and labels, e.g. "linear_leak". */
  String label();

  private static double daily(double hours, double phaseHours) {
    return Math.sin(2 * Math.PI * (hours + phaseHours) / HOURS_PER_DAY);
  }

  /** Steady level with a daily load swing (traffic by day, quiet by night). */
  record SeasonalStable(double baseBytes, double dailyAmplitudeFraction, double phaseHours)
      implements MemoryPattern {
    public double rssBytesAt(double hours) {
      return baseBytes * (1 + dailyAmplitudeFraction * daily(hours, phaseHours));
    }

    public boolean leaking() {
      return false;
    }

    public String label() {
      return "seasonal_stable";
    }
  }

  /** A garbage-collected heap: grows for a period, then drops back. */
  record GcSawtooth(double baseBytes, double sawBytes, double periodMinutes)
      implements MemoryPattern {
    public double rssBytesAt(double hours) {
      double phase = (hours * 60 / periodMinutes) % 1.0;
      return baseBytes + sawBytes * phase;
    }

    public boolean leaking() {
      return false;
    }

    public String label() {
      return "gc_sawtooth";
    }
  }

  /** Caches filling after start, levelling off at a plateau. */
  record WarmUp(double startBytes, double plateauBytes, double timeConstantHours)
      implements MemoryPattern {
    public double rssBytesAt(double hours) {
      return plateauBytes - (plateauBytes - startBytes) * Math.exp(-hours / timeConstantHours);
    }

    public boolean leaking() {
      return false;
    }

    public String label() {
      return "warm_up";
    }
  }

  /** A one-off jump, as after a deploy or a config change, then flat. */
  record OneOffStep(double baseBytes, double stepBytes, double atHour) implements MemoryPattern {
    public double rssBytesAt(double hours) {
      return hours < atHour ? baseBytes : baseBytes + stepBytes;
    }

    public boolean leaking() {
      return false;
    }

    public String label() {
      return "step";
    }
  }

  /** Steady growth from an onset, under the daily swing. */
  record LinearLeak(
      double baseBytes, double bytesPerHour, double onsetHour, double dailyAmplitudeFraction)
      implements MemoryPattern {
    public double rssBytesAt(double hours) {
      double growth = Math.max(0, hours - onsetHour) * bytesPerHour;
      return baseBytes * (1 + dailyAmplitudeFraction * daily(hours, 0)) + growth;
    }

    public boolean leaking() {
      return true;
    }

    public String label() {
      return "linear_leak";
    }
  }

  /** Growth in discrete steps (a cache that never evicts, a connection pool that never shrinks). */
  record StaircaseLeak(double baseBytes, double stepBytes, double everyHours, double onsetHour)
      implements MemoryPattern {
    public double rssBytesAt(double hours) {
      double steps = hours < onsetHour ? 0 : Math.floor((hours - onsetHour) / everyHours) + 1;
      return baseBytes + steps * stepBytes;
    }

    public boolean leaking() {
      return true;
    }

    public String label() {
      return "staircase_leak";
    }
  }
}
