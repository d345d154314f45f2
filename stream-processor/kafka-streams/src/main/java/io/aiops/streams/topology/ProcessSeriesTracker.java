package io.aiops.streams.topology;

import io.aiops.detection.LeakDetector;
import io.aiops.detection.LeakVerdict;
import io.aiops.detection.PointHistory;
import io.aiops.schemas.memory.CgroupMemory;
import io.aiops.schemas.memory.HostMemorySample;
import io.aiops.schemas.memory.MemoryAnomaly;
import io.aiops.schemas.memory.MemoryTrend;
import io.aiops.schemas.memory.ProcessMemory;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Follows every process series of a host through its samples: closes trend windows, feeds the leak
 * detector's history, and decides when a leak is announced. Runtime-neutral apart from the two
 * key-value stores it keeps its state in.
 */
final class ProcessSeriesTracker {
  private static final Logger LOG = LoggerFactory.getLogger(ProcessSeriesTracker.class);

  /** What one sample produced, to be forwarded by the processor. */
  interface Output {
    void trend(String seriesId, MemoryTrend trend);

    void anomaly(String seriesId, MemoryAnomaly anomaly);
  }

  private final DetectionSettings settings;
  private final LeakDetector detector;
  private final KeyValueStore<String, byte[]> seriesStore;
  private final KeyValueStore<String, byte[]> hostIndexStore;

  ProcessSeriesTracker(
      DetectionSettings settings,
      KeyValueStore<String, byte[]> seriesStore,
      KeyValueStore<String, byte[]> hostIndexStore) {
    this.settings = settings;
    this.detector = new LeakDetector(settings.leak());
    this.seriesStore = seriesStore;
    this.hostIndexStore = hostIndexStore;
  }

  void onSample(HostMemorySample sample, Output output) {
    long timestampMs = sample.getTimestampMs();
    Map<String, Long> limitsByCgroup = cgroupLimits(sample.getCgroups());
    HostSeriesIndex index = loadIndex(sample.getHostId());
    for (ProcessMemory process : sample.getProcesses()) {
      String seriesId = ProcessSeriesId.of(sample, process);
      index.seen(seriesId, timestampMs);
      long limitBytes =
          limitsByCgroup.getOrDefault(
              process.getCgroupPath() == null ? "" : process.getCgroupPath(),
              process.getRssBytes() + sample.getMemAvailableBytes());
      SeriesState state = loadSeries(seriesId, sample, process);
      track(seriesId, state, timestampMs, process.getRssBytes(), limitBytes, output);
      seriesStore.put(seriesId, state.toBytes());
    }
    String bootPrefix = sample.getHostId() + "/" + sample.getBootId() + "/";
    for (String gone : index.evict(bootPrefix, timestampMs - settings.staleAfter().toMillis())) {
      seriesStore.delete(gone);
    }
    hostIndexStore.put(sample.getHostId(), index.toBytes());
  }

  private void track(
      String seriesId,
      SeriesState state,
      long timestampMs,
      long rssBytes,
      long limitBytes,
      Output output) {
    long windowMs = settings.trendWindow().toMillis();
    long windowStart = timestampMs - Math.floorMod(timestampMs, windowMs);
    if (state.windowStartMs == SeriesState.NONE) {
      state.openWindow(windowStart, rssBytes);
    } else if (windowStart > state.windowStartMs) {
      output.trend(seriesId, TrendRecords.trend(seriesId, state, windowMs));
      state.openWindow(windowStart, rssBytes);
    } else if (windowStart == state.windowStartMs) {
      state.addToWindow(rssBytes);
    } else {
      return; // late sample of a closed window: the history has moved on
    }
    state.limitBytes = limitBytes;
    if (state.history.add(timestampMs, rssBytes)) {
      judge(seriesId, state, timestampMs, limitBytes, output);
    }
  }

  private void judge(
      String seriesId, SeriesState state, long timestampMs, long limitBytes, Output output) {
    LeakVerdict verdict = detector.evaluate(state.history, limitBytes);
    state.slopeBytesPerHour =
        verdict.evidence().getOrDefault("theil_sen_bytes_per_hour", Double.NaN);
    state.etaSeconds = verdict.oomEtaSeconds().orElse(Double.NaN);
    if (!verdict.leak()) {
      state.leakSinceMs = SeriesState.NONE;
      return;
    }
    state.slopeBytesPerHour = verdict.growthBytesPerHour();
    boolean first = state.leakSinceMs == SeriesState.NONE;
    if (first) {
      state.leakSinceMs = timestampMs;
    }
    if (first || timestampMs - state.lastAnomalyMs >= settings.anomalyRepeat().toMillis()) {
      state.lastAnomalyMs = timestampMs;
      output.anomaly(seriesId, TrendRecords.leakAnomaly(seriesId, state, verdict, timestampMs));
    }
  }

  private SeriesState loadSeries(String seriesId, HostMemorySample sample, ProcessMemory process) {
    byte[] stored = seriesStore.get(seriesId);
    if (stored != null) {
      try {
        SeriesState state = SeriesState.fromBytes(stored);
        state.comm = process.getComm();
        return state;
      } catch (IllegalArgumentException e) {
        // State written by an incompatible version or damaged: start the series afresh rather
        // than dead-letter every later sample of the host.
        LOG.warn("series {}: unreadable state ({}), starting it afresh", seriesId, e.getMessage());
      }
    }
    return SeriesState.start(
        sample.getHostId(),
        process.getComm(),
        ProcessSeriesId.serviceOf(process),
        process.getPid(),
        new PointHistory(settings.historyBucket().toMillis(), settings.historyCapacity()));
  }

  private HostSeriesIndex loadIndex(String hostId) {
    byte[] stored = hostIndexStore.get(hostId);
    if (stored != null) {
      try {
        return HostSeriesIndex.fromBytes(stored);
      } catch (IllegalArgumentException e) {
        LOG.warn("host {}: unreadable series index ({}), rebuilding it", hostId, e.getMessage());
      }
    }
    return HostSeriesIndex.empty();
  }

  private static Map<String, Long> cgroupLimits(List<CgroupMemory> cgroups) {
    Map<String, Long> limits = new HashMap<>();
    for (CgroupMemory cgroup : cgroups) {
      if (cgroup.getLimitBytes() != null) {
        limits.put(cgroup.getPath(), cgroup.getLimitBytes());
      }
    }
    return limits;
  }
}
