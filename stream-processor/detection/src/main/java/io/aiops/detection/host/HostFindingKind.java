package io.aiops.detection.host;

/**
 * What a host finding is about. The first three have the same names in the schemas' {@code
 * AnomalyType}; until it gains its own symbols, {@code WRITEBACK_CONGESTION} maps to {@code
 * PAGE_CACHE_BLOAT} and {@code FRAGMENTATION} to {@code UNKNOWN}.
 */
public enum HostFindingKind {
  SWAP_STORM,
  MEMORY_PRESSURE,
  PAGE_CACHE_BLOAT,
  WRITEBACK_CONGESTION,
  FRAGMENTATION
}
