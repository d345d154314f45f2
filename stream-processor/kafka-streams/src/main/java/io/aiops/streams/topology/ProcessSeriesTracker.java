package io.aiops.streams.topology;

import io.aiops.detection.LeakVerdict;
import io.aiops.detection.anomaly.PointScore;
import io.aiops.detection.series.SeriesDetector;
import io.aiops.detection.series.SeriesListener;
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
 * Follows every process series of a host through its samples: closes trend windows, runs each
 * series' {@link SeriesDetector} (leak verdicts at its cadence, every point scored for anomalies),
 * and decides what is announced. Runtime-neutral apart from the two key-value stores it keeps its
 * state in.
 */
final class ProcessSeriesTracker {
  private static final Logger LOG = LoggerFactory.getLogger(ProcessSeriesTracker.class);

  /** What one sample produced, to be forwarded by the processor. */
  interface Output {
    void trend(String seriesId, MemoryTrend trend);

    void anomaly(String seriesId, MemoryAnomaly anomaly);
  }

  private final DetectionSettings settings;
  private final KeyValueStore<String, byte[]> seriesStore;
  private final KeyValueStore<String, byte[]> hostIndexStore;

  ProcessSeriesTracker(
      DetectionSettings settings,
      KeyValueStore<String, byte[]> seriesStore,
      KeyValueStore<String, byte[]> hostIndexStore) {
    this.settings = settings;
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
      long limitBytes = limitOf(process, sample, limitsByCgroup);
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
    state.limitBytes = limitBytes > 0 ? limitBytes : SeriesState.NONE;
    state.detector.add(
        timestampMs,
        rssBytes,
        limitBytes,
        new SeriesListener() {
          @Override
          public void judged(LeakVerdict verdict) {
            judge(seriesId, state, timestampMs, verdict, output);
          }

          @Override
          public void scored(PointScore score) {
            if (score.score() >= settings.minAnomalyScore()) {
              output.anomaly(seriesId, TrendRecords.pointAnomaly(seriesId, state, score));
            }
          }
        });
  }

  private void judge(
      String seriesId, SeriesState state, long timestampMs, LeakVerdict verdict, Output output) {
    state.slopeBytesPerHour =
        verdict.evidence().getOrDefault("theil_sen_bytes_per_hour", Double.NaN);
    state.etaSeconds = verdict.oomEtaSeconds().orElse(Double.NaN);
    state.verdictAtMs = timestampMs;
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
        SeriesState state = SeriesState.fromBytes(stored, settings.detector());
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
        new SeriesDetector(settings.detector()));
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

  /**
   * The limit the OOM ETA is measured against: the process's cgroup limit, else RSS plus the host's
   * MemAvailable; 0 (unknown) for a sample without host memory figures (MemTotal 0), as a replayed
   * export without a limit column is.
   */
  private static long limitOf(
      ProcessMemory process, HostMemorySample sample, Map<String, Long> limitsByCgroup) {
    Long cgroupLimit =
        limitsByCgroup.get(process.getCgroupPath() == null ? "" : process.getCgroupPath());
    if (cgroupLimit != null) {
      return cgroupLimit;
    }
    return sample.getMemTotalBytes() > 0
        ? process.getRssBytes() + sample.getMemAvailableBytes()
        : 0;
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
