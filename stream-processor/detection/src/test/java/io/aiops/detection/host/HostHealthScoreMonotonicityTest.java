package io.aiops.detection.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/** Worse inputs never give a better score or a lower risk, over many random hosts. */
class HostHealthScoreMonotonicityTest extends HostFixtures {
  private static final int HOSTS = 2_000;
  private static final long RAM = 32 * GIB;

  @Test
  void worseningAnySignalNeverRaisesTheScore() {
    SplittableRandom random = new SplittableRandom(42);
    List<UnaryOperator<double[]>> worsenings = new ArrayList<>();
    for (int signal = 0; signal < 10; signal++) {
      int which = signal;
      worsenings.add(values -> worsen(values, which, random));
    }
    worsenings.add(
        values -> {
          double[] worse = values;
          for (int signal = 0; signal < 10; signal++) {
            worse = worsen(worse, signal, random);
          }
          return worse;
        });

    int scoreDrops = 0;
    for (int host = 0; host < HOSTS; host++) {
      double[] base = randomSignals(random);
      HostHealthScore before = HostHealthScore.of(signals(base));
      for (UnaryOperator<double[]> worsening : worsenings) {
        double[] worse = worsening.apply(base);
        HostHealthScore after = HostHealthScore.of(signals(worse));

        assertTrue(
            after.score() <= before.score() && after.risk().compareTo(before.risk()) >= 0,
            () -> before + " became " + after);
        scoreDrops += after.score() < before.score() ? 1 : 0;
      }
      assertEquals(before, HostHealthScore.of(signals(base.clone())), "deterministic");
    }
    // The property must not hold only because everything sits at 0 or 100.
    assertTrue(
        scoreDrops > HOSTS * worsenings.size() / 4,
        "worsening lowered the score " + scoreDrops + " times");
  }

  @Test
  void worseningAReadingNeverRaisesTheScore() {
    SplittableRandom random = new SplittableRandom(7);
    for (int host = 0; host < HOSTS; host++) {
      long available = (long) (random.nextDouble() * 12 * GIB);
      double some = random.nextDouble() * 60;
      double swapIn = random.nextDouble() * 20 * MIB;
      double swapOut = random.nextDouble() * 20 * MIB;
      double refaults = random.nextDouble() * 50 * MIB;
      long dirty = (long) (random.nextDouble() * 2 * GIB);
      int normalOrder = random.nextInt(11);

      HostHealthScore before =
          score(available, some, swapIn, swapOut, refaults, dirty, normalOrder);
      HostHealthScore after =
          score(
              (long) (available * random.nextDouble()),
              some + random.nextDouble() * (100 - some),
              swapIn * (1 + random.nextDouble()),
              swapOut * (1 + random.nextDouble()),
              refaults * (1 + random.nextDouble()),
              dirty + (long) (random.nextDouble() * GIB),
              // The same free memory split into smaller blocks.
              random.nextInt(normalOrder + 1));

      assertTrue(after.score() <= before.score(), () -> before + " became " + after);
    }
  }

  private static HostHealthScore score(
      long available,
      double some,
      double swapIn,
      double swapOut,
      double refaults,
      long dirty,
      int order) {
    HostMemoryReading reading =
        idleHost()
            .memory(16 * GIB, 2 * GIB, available)
            .psi(some, some, some / 4, some / 4)
            .dirty(dirty, 0)
            .buddyinfo(zoneWithAllFreeAtOrder("Normal", 4 * GIB, order))
            .build();
    HostRates rates =
        ratesOver(START_MS - STEP_MS, START_MS)
            .swapBytesPerSecond(swapIn, swapOut)
            .fileRefaultBytesPerSecond(refaults)
            .build();
    return HostHealthScore.of(reading, Optional.of(rates));
  }

  /**
   * Used ratio, PSI some, PSI full, allocstalls, swap in, swap out, U4, U3, refaults, dirty: each
   * quiet half of the time, so that scores spread over the whole range instead of piling at 0.
   */
  private static double[] randomSignals(SplittableRandom random) {
    boolean psi = random.nextInt(4) > 0;
    return new double[] {
      random.nextDouble(),
      psi ? quietOr(random, random.nextDouble() * 60) : Double.NaN,
      psi ? quietOr(random, random.nextDouble() * 15) : Double.NaN,
      maybeUnknown(random, quietOr(random, logUniform(random, 1e-2, 1e3))),
      maybeUnknown(random, quietOr(random, logUniform(random, 1e3, 1e9))),
      maybeUnknown(random, quietOr(random, logUniform(random, 1e3, 1e9))),
      quietOr(random, random.nextInt(5) == 0 ? 1 : random.nextDouble()),
      quietOr(random, random.nextInt(10) == 0 ? 1 : random.nextDouble() * 0.8),
      maybeUnknown(random, quietOr(random, logUniform(random, 1e3, 1e9))),
      quietOr(random, random.nextDouble() * 0.5)
    };
  }

  private static double quietOr(SplittableRandom random, double value) {
    return random.nextBoolean() ? 0 : value;
  }

  /** The same signals with one made worse; an unknown one becomes known. */
  private static double[] worsen(double[] values, int signal, SplittableRandom random) {
    double[] worse = values.clone();
    double value = values[signal];
    boolean isRatio = signal == 0 || signal == 6 || signal == 7 || signal == 9;
    boolean isPercent = signal == 1 || signal == 2;
    if (Double.isNaN(value)) {
      // PSI appearing on a kernel that had none is not "worse" pressure, it is another regime.
      worse[signal] = isPercent ? value : logUniform(random, 1, 1e9);
    } else if (isRatio) {
      // Often all the way: 1 is a state of its own (no free block of the order left).
      worse[signal] = random.nextInt(5) == 0 ? 1 : value + random.nextDouble() * (1 - value);
    } else if (isPercent) {
      worse[signal] = value + random.nextDouble() * (100 - value);
    } else {
      worse[signal] = value * (1 + 3 * random.nextDouble()) + random.nextDouble() * 1e4;
    }
    return worse;
  }

  private static double maybeUnknown(SplittableRandom random, double value) {
    return random.nextInt(8) == 0 ? Double.NaN : value;
  }

  private static double logUniform(SplittableRandom random, double from, double to) {
    return Math.exp(Math.log(from) + random.nextDouble() * (Math.log(to) - Math.log(from)));
  }

  private static HostHealthSignals signals(double[] v) {
    return new HostHealthSignals(RAM, v[0], v[1], v[2], v[3], v[4], v[5], v[6], v[7], v[8], v[9]);
  }
}
