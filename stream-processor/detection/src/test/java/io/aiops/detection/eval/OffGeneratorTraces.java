package io.aiops.detection.eval;

import io.aiops.detection.LeakDetector;
import io.aiops.detection.LeakDetectorSettings;
import io.aiops.detection.LeakVerdict;
import io.aiops.detection.PointHistory;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.stream.DoubleStream;

/**
 * Traces from a second generator, written apart from {@link LabeledTraceGenerator} to show what
 * tuning on that one did not see: daily load that differs from day to day, quiet weekends,
 * restarts, memory that wanders and reverts, staircases at random times, leaks that slow down,
 * 15-second scrapes rounded to pages, and AR(1) noise throughout. The daily swing is load on top of
 * a floor, as a process's memory is. Each trace is replayed as the stream processor runs the
 * detector (30-minute buckets, a verdict at each close); a leak counts as found when flagged after
 * its onset, a non-leak as a false alarm when flagged at any close.
 *
 * <p>Not a test: a measurement to run by hand (see docs/detectors.md), with the traces per family
 * (default 100) and a seed (default 1) as arguments.
 */
public final class OffGeneratorTraces {
  private static final double MB = 1e6;
  private static final long HOUR_MS = 3_600_000L;
  private static final long EPOCH_MS = 1_767_571_200_000L; // 2026-01-05T00:00:00Z, a Monday

  /** What a trace is, and whether it leaks. */
  enum Family {
    STABLE(false),
    BUSIER_SOME_DAYS(false),
    QUIET_WEEKENDS(false),
    RESTARTS(false),
    MEAN_REVERTING(false),
    LEAK_BUSIER_SOME_DAYS(true),
    LEAK_QUIET_WEEKENDS(true),
    LEAK_RANDOM_STAIRS(true),
    LEAK_SLOWING(true),
    LEAK_15S_PAGES(true);

    final boolean leak;

    Family(boolean leak) {
      this.leak = leak;
    }
  }

  private OffGeneratorTraces() {}

  public static void main(String[] args) {
    int perFamily = args.length > 0 ? Integer.parseInt(args[0]) : 100;
    long seed = args.length > 1 ? Long.parseLong(args[1]) : 1;
    for (Family family : Family.values()) {
      int flagged = 0;
      Map<String, Integer> lastVerdicts = new TreeMap<>();
      for (int i = 0; i < perFamily; i++) {
        SplittableRandom random =
            new SplittableRandom((seed * 1_000_003L + family.ordinal()) * 1_000_003L + i);
        Replayed replayed = replay(family, random);
        flagged += replayed.flagged ? 1 : 0;
        lastVerdicts.merge(replayed.lastVerdict, 1, Integer::sum);
      }
      System.out.printf(
          Locale.ROOT,
          "%-22s %s %3d of %d  last verdicts %s%n",
          family.name().toLowerCase(Locale.ROOT),
          family.leak ? "found       " : "false alarms",
          flagged,
          perFamily,
          lastVerdicts);
    }
  }

  private record Replayed(boolean flagged, String lastVerdict) {}

  private static Replayed replay(Family family, SplittableRandom random) {
    double base = logUniform(random, 80 * MB, 6000 * MB);
    boolean weekly = family == Family.QUIET_WEEKENDS || family == Family.LEAK_QUIET_WEEKENDS;
    double hours = weekly ? uniform(random, 72, 168) : uniform(random, 48, 96);
    boolean scraped = family == Family.LEAK_15S_PAGES;
    double stepHours = (scraped ? 15 : uniform(random, 20, 120)) / 3600;
    int shape = random.nextInt(3);
    double swing = uniform(random, 0.05, 0.30);
    double phaseHours = uniform(random, 0, 24);
    boolean busier = family == Family.BUSIER_SOME_DAYS || family == Family.LEAK_BUSIER_SOME_DAYS;
    double[] dayLoad = new double[8];
    for (int day = 0; day < dayLoad.length; day++) {
      dayLoad[day] = busier ? uniform(random, 0.6, 1.4) : 1;
    }
    double phi = 0.97;
    double noiseBytes = uniform(random, 0.003, 0.015) * base;
    double onsetHours = uniform(random, 0, 0.4 * hours);
    double leakPerDay = logUniform(random, 0.04, 0.6) * base;
    double restartHours = uniform(random, 10, 24);
    double revertHours = uniform(random, 6, 36);
    double wanderBytes = uniform(random, 0.02, 0.07) * base;
    double[] stairs = stairs(random, onsetHours, hours);
    long startMs = EPOCH_MS + random.nextInt(24 * 28) * HOUR_MS;

    PointHistory history = new PointHistory(30 * 60_000L, 96);
    LeakDetector detector = new LeakDetector(LeakDetectorSettings.defaults());
    long limitBytes = (long) (4 * base);
    double ar = 0;
    double wander = 0;
    boolean flagged = false;
    String lastVerdict = LeakVerdict.INSUFFICIENT_HISTORY;
    for (double t = 0; t <= hours; t += stepHours * uniform(random, 0.8, 1.2)) {
      double clockHours = (startMs - EPOCH_MS) / (double) HOUR_MS + t;
      double load = swing * dayLoad(dayLoad, weekly, clockHours);
      double bytes = base * (1 + load * dailyShape(shape, clockHours + phaseHours));
      ar = phi * ar + Math.sqrt(1 - phi * phi) * noiseBytes * random.nextGaussian();
      bytes += ar;
      if (family == Family.MEAN_REVERTING) {
        wander +=
            -wander * stepHours / revertHours
                + wanderBytes * Math.sqrt(2 * stepHours / revertHours) * random.nextGaussian();
        bytes += wander;
      } else if (family == Family.RESTARTS) {
        bytes -= 0.3 * base * Math.exp(-(t % restartHours) / 1.5);
      }
      if (family.leak && t >= onsetHours) {
        bytes += leakBytes(family, leakPerDay, t - onsetHours, stairs, onsetHours, t);
      }
      if (scraped) {
        bytes = Math.floor(bytes / 4096) * 4096;
      }
      if (!history.add(startMs + Math.round(t * HOUR_MS), Math.max(bytes, MB))) {
        continue;
      }
      LeakVerdict verdict = detector.evaluate(history, limitBytes);
      lastVerdict = verdict.classification();
      flagged |= verdict.leak() && (!family.leak || t >= onsetHours);
    }
    return new Replayed(flagged, lastVerdict);
  }

  /** 0 at the daily low, 1 at the high: a sine, office hours with soft edges, or a 2 am batch. */
  private static double dailyShape(int shape, double clockHours) {
    double hourOfDay = ((clockHours % 24) + 24) % 24;
    return switch (shape) {
      case 0 -> (1 + Math.sin(2 * Math.PI * hourOfDay / 24)) / 2;
      case 1 -> logistic(3 * (hourOfDay - 8.5)) - logistic(3 * (hourOfDay - 18));
      default -> Math.exp(-(hourOfDay - 2) * (hourOfDay - 2) / 2);
    };
  }

  /**
   * The day's load as a multiple of the usual, blended over the six hours around midnight so that a
   * busier day ramps up instead of jumping; weekend days at 0.3.
   */
  private static double dayLoad(double[] dayLoad, boolean weekly, double clockHours) {
    double day = Math.floor(clockHours / 24);
    double intoDay = clockHours / 24 - day;
    double today = loadOn(dayLoad, weekly, (long) day);
    if (intoDay < 0.125) {
      double w = 0.5 + 0.5 * Math.sin(Math.PI * intoDay / 0.25);
      return w * today + (1 - w) * loadOn(dayLoad, weekly, (long) day - 1);
    }
    if (intoDay > 0.875) {
      double w = 0.5 + 0.5 * Math.sin(Math.PI * (1 - intoDay) / 0.25);
      return w * today + (1 - w) * loadOn(dayLoad, weekly, (long) day + 1);
    }
    return today;
  }

  private static double loadOn(double[] dayLoad, boolean weekly, long dayFromEpoch) {
    double load = dayLoad[(int) Math.floorMod(dayFromEpoch, dayLoad.length)];
    // The epoch is a Monday: days 5 and 6 of each week are the weekend.
    return weekly && Math.floorMod(dayFromEpoch, 7) >= 5 ? 0.3 * load : load;
  }

  private static double leakBytes(
      Family family,
      double leakPerDay,
      double sinceOnsetHours,
      double[] stairs,
      double onsetHours,
      double t) {
    return switch (family) {
      case LEAK_RANDOM_STAIRS -> {
        double lastStair = onsetHours;
        for (double stair : stairs) {
          if (stair <= t) {
            lastStair = stair;
          }
        }
        yield leakPerDay / 24 * (lastStair - onsetHours);
      }
      case LEAK_SLOWING -> leakPerDay * Math.sqrt(sinceOnsetHours / 24);
      default -> leakPerDay / 24 * sinceOnsetHours;
    };
  }

  /** Times of a staircase's steps: 1 to 6 hours apart on average, at random. */
  private static double[] stairs(SplittableRandom random, double onsetHours, double hours) {
    double meanGapHours = uniform(random, 1, 6);
    return DoubleStream.iterate(
            onsetHours, t -> t < hours, t -> t - Math.log(1 - random.nextDouble()) * meanGapHours)
        .toArray();
  }

  private static double logistic(double x) {
    return 1 / (1 + Math.exp(-x));
  }

  private static double uniform(SplittableRandom random, double from, double to) {
    return from + (to - from) * random.nextDouble();
  }

  private static double logUniform(SplittableRandom random, double from, double to) {
    return Math.exp(uniform(random, Math.log(from), Math.log(to)));
  }
}
