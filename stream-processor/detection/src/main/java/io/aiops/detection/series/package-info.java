/**
 * The whole per-sample update of one memory series (downsampling, leak verdict and OOM ETA at a
 * bounded cadence, online STL anomaly scoring) behind one class, which the topology, the offline
 * commands and the benchmarks all run.
 */
package io.aiops.detection.series;
