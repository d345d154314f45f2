package io.aiops.detection.host;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;

/** Named sizes, times and builders of hand-made host readings and rates for the host tests. */
abstract class HostFixtures {
  static final long KIB = 1L << 10;
  static final long MIB = 1L << 20;
  static final long GIB = 1L << 30;
  static final long PAGE_BYTES = 4096;
  static final long START_MS = Instant.parse("2024-03-04T00:00:00Z").toEpochMilli();
  static final long STEP_MS = Duration.ofSeconds(30).toMillis();
  static final long MINUTE_MS = Duration.ofMinutes(1).toMillis();

  /** Buddy free blocks of orders 0..10 as printed by /proc/buddyinfo. */
  static ZoneFreeBlocks zone(int node, String name, long... freeBlocksByOrder) {
    List<Long> blocks = new ArrayList<>();
    for (long count : freeBlocksByOrder) {
      blocks.add(count);
    }
    return new ZoneFreeBlocks(node, name, blocks);
  }

  /** A zone whose free memory is all in blocks of one order, about {@code bytes} of it. */
  static ZoneFreeBlocks zoneWithAllFreeAtOrder(String name, long bytes, int order) {
    long[] blocks = new long[11];
    blocks[order] = bytes / (PAGE_BYTES << order);
    return zone(0, name, blocks);
  }

  /** An idle 16 GiB host: 12 GiB available, no swapping, no pressure, unfragmented. */
  static ReadingBuilder idleHost() {
    return new ReadingBuilder();
  }

  static RatesBuilder ratesOver(long fromMs, long toMs) {
    return new RatesBuilder(fromMs, toMs);
  }

  static final class ReadingBuilder {
    long timestampMs = START_MS;
    String bootId = "boot-1";
    long memTotal = 16 * GIB;
    long memFree = 8 * GIB;
    long memAvailable = 12 * GIB;
    long buffers = 256 * MIB;
    long cached = 4 * GIB;
    long swapTotal = 2 * GIB;
    long swapFree = 2 * GIB;
    long shmem = 128 * MIB;
    long slabReclaimable = 256 * MIB;
    long activeFile = 2 * GIB;
    long inactiveFile = 2 * GIB;
    long dirty = 16 * MIB;
    long writeback = 0;
    VmCounters vmstat =
        new VmCounters(
            1_000L, 5_000L, 20_000L, 30_000L, null, 400_000L, 1_000L, 390_000L, 900L, 10L);
    PressureAverages pressure = new PressureAverages(0, 0, 0, 0, 0, 0);
    List<ZoneFreeBlocks> buddyinfo =
        List.of(
            zone(0, "DMA", 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 3),
            zone(0, "DMA32", 900, 700, 500, 300, 200, 120, 80, 40, 20, 10, 200),
            zone(0, "Normal", 20000, 12000, 8000, 4000, 2000, 1000, 500, 250, 120, 60, 1500));

    ReadingBuilder at(long ms) {
      timestampMs = ms;
      return this;
    }

    ReadingBuilder bootId(String id) {
      bootId = id;
      return this;
    }

    ReadingBuilder memory(long total, long free, long available) {
      memTotal = total;
      memFree = free;
      memAvailable = available;
      return this;
    }

    ReadingBuilder fileCache(long active, long inactive, long shmemBytes) {
      activeFile = active;
      inactiveFile = inactive;
      shmem = shmemBytes;
      buffers = 0;
      cached = active + inactive + shmemBytes;
      return this;
    }

    ReadingBuilder dirty(long dirtyBytes, long writebackBytes) {
      dirty = dirtyBytes;
      writeback = writebackBytes;
      return this;
    }

    ReadingBuilder vmstat(VmCounters counters) {
      vmstat = counters;
      return this;
    }

    ReadingBuilder psi(double some10, double some60, double full10, double full60) {
      pressure = new PressureAverages(some10, some60, some60, full10, full60, full60);
      return this;
    }

    ReadingBuilder noPsi() {
      pressure = null;
      return this;
    }

    ReadingBuilder buddyinfo(ZoneFreeBlocks... zones) {
      buddyinfo = List.of(zones);
      return this;
    }

    HostMemoryReading build() {
      MemInfo memory =
          new MemInfo(
              memTotal,
              memFree,
              memAvailable,
              buffers,
              cached,
              swapTotal,
              swapFree,
              shmem,
              slabReclaimable,
              activeFile,
              inactiveFile,
              dirty,
              writeback);
      return new HostMemoryReading(
          timestampMs, bootId, PAGE_BYTES, memory, vmstat, pressure, buddyinfo);
    }
  }

  /** Rates with every counter unknown until set; set ones are in pages (or events) per second. */
  static final class RatesBuilder {
    private final long fromMs;
    private final long toMs;
    private OptionalDouble swapIn = OptionalDouble.empty();
    private OptionalDouble swapOut = OptionalDouble.empty();
    private OptionalDouble majorFaults = OptionalDouble.empty();
    private OptionalDouble refaults = OptionalDouble.empty();
    private OptionalDouble scanKswapd = OptionalDouble.empty();
    private OptionalDouble scanDirect = OptionalDouble.empty();
    private OptionalDouble stealKswapd = OptionalDouble.empty();
    private OptionalDouble stealDirect = OptionalDouble.empty();
    private OptionalDouble allocStalls = OptionalDouble.empty();

    private RatesBuilder(long fromMs, long toMs) {
      this.fromMs = fromMs;
      this.toMs = toMs;
    }

    RatesBuilder swapBytesPerSecond(double in, double out) {
      swapIn = OptionalDouble.of(in / PAGE_BYTES);
      swapOut = OptionalDouble.of(out / PAGE_BYTES);
      return this;
    }

    RatesBuilder majorFaultsPerSecond(double faults) {
      majorFaults = OptionalDouble.of(faults);
      return this;
    }

    RatesBuilder fileRefaultBytesPerSecond(double bytes) {
      refaults = OptionalDouble.of(bytes / PAGE_BYTES);
      return this;
    }

    /**
     * Direct reclaim: stalls per second, and pages scanned and reclaimed per second (all direct).
     */
    RatesBuilder directReclaim(double stalls, double scanned, double stolen) {
      allocStalls = OptionalDouble.of(stalls);
      scanKswapd = OptionalDouble.of(0);
      stealKswapd = OptionalDouble.of(0);
      scanDirect = OptionalDouble.of(scanned);
      stealDirect = OptionalDouble.of(stolen);
      return this;
    }

    RatesBuilder allocStallsOnly(double stalls) {
      allocStalls = OptionalDouble.of(stalls);
      return this;
    }

    HostRates build() {
      return new HostRates(
          fromMs,
          toMs,
          PAGE_BYTES,
          swapIn,
          swapOut,
          majorFaults,
          refaults,
          scanKswapd,
          scanDirect,
          stealKswapd,
          stealDirect,
          allocStalls);
    }
  }
}
