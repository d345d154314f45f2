package io.aiops.detection.eval;

import java.util.SplittableRandom;

/**
 * The fast, non-structural part of a trace: measurement noise, a GC or allocator sawtooth, short
 * spikes and, for the random-walk kind, a mean-reverting wander. Stateful: one instance per trace,
 * called in time order.
 */
final class TraceNoise {
  private final double noiseBytes;
  private final double sawtoothBytes;
  private final double sawtoothPeriodHours;
  private final double spikeProbability;
  private final double spikeBytes;
  private final double walkBytes;
  private final double walkReversionPerStep;
  private final double stepSeconds;
  private double walk;
  private int spikeLeft;
  private double spikeHeight;

  private TraceNoise(
      double noiseBytes,
      double sawtoothBytes,
      double sawtoothPeriodHours,
      double spikeProbability,
      double spikeBytes,
      double walkBytes,
      double stepSeconds) {
    this.noiseBytes = noiseBytes;
    this.sawtoothBytes = sawtoothBytes;
    this.sawtoothPeriodHours = sawtoothPeriodHours;
    this.spikeProbability = spikeProbability;
    this.spikeBytes = spikeBytes;
    this.walkBytes = walkBytes;
    this.stepSeconds = stepSeconds;
    // Reverts with a 6 h time constant, so the wander never builds into a trend.
    this.walkReversionPerStep = stepSeconds / (6 * 3600);
  }

  static TraceNoise draw(SplittableRandom random, TraceKind kind, double base, double stepSec) {
    double noise = LabeledTraceGenerator.uniform(random, 0.002, 0.015) * base;
    boolean sawtooth = kind == TraceKind.GC_SAWTOOTH || random.nextInt(4) == 0;
    double sawBytes = sawtooth ? LabeledTraceGenerator.uniform(random, 0.05, 0.25) * base : 0;
    double sawPeriod = LabeledTraceGenerator.uniform(random, 2, 20) / 60;
    boolean spiky = kind == TraceKind.SPIKES || random.nextInt(4) == 0;
    double spikeP = spiky ? LabeledTraceGenerator.uniform(random, 0.001, 0.01) : 0;
    double spikeBytes = LabeledTraceGenerator.uniform(random, 0.2, 1.0) * base;
    double walk =
        kind == TraceKind.RANDOM_WALK
            ? LabeledTraceGenerator.uniform(random, 0.01, 0.04) * base
            : 0;
    return new TraceNoise(noise, sawBytes, sawPeriod, spikeP, spikeBytes, walk, stepSec);
  }

  double next(SplittableRandom random, double hours) {
    double value = noiseBytes * gaussian(random);
    if (sawtoothBytes > 0) {
      double phase = hours / sawtoothPeriodHours;
      value += sawtoothBytes * (phase - Math.floor(phase) - 0.5);
    }
    if (walkBytes > 0) {
      // Ornstein-Uhlenbeck: the stationary spread is walkBytes.
      double sigma = walkBytes * Math.sqrt(2 * walkReversionPerStep);
      walk += -walkReversionPerStep * walk + sigma * gaussian(random);
      value += walk;
    }
    if (spikeLeft > 0) {
      spikeLeft--;
      value += spikeHeight;
    } else if (spikeProbability > 0 && random.nextDouble() < spikeProbability) {
      spikeLeft = 1 + random.nextInt(Math.max(1, (int) (300 / stepSeconds)));
      spikeHeight = spikeBytes * LabeledTraceGenerator.uniform(random, 0.3, 1);
      value += spikeHeight;
    }
    return value;
  }

  private static double gaussian(SplittableRandom random) {
    // Box-Muller; SplittableRandom has no nextGaussian on Java 17.
    double u = 1 - random.nextDouble();
    double v = random.nextDouble();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  }
}
