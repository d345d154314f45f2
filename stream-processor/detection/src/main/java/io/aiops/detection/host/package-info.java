/**
 * Host-level memory detectors and the host memory health score: swap storms, memory pressure (PSI,
 * or reclaim counters on kernels without it), page-cache bloat, writeback congestion and
 * buddy-allocator fragmentation, from {@code /proc/meminfo}, {@code /proc/vmstat}, {@code
 * /proc/pressure/memory} and {@code /proc/buddyinfo}.
 *
 * <p>Plain Java in, plain Java out: the callers fill {@link
 * io.aiops.detection.host.HostMemoryReading} from the collector's {@code HostMemorySample}, derive
 * {@link io.aiops.detection.host.HostRates} with {@link io.aiops.detection.host.CounterRates}, and
 * keep the small state of the sustained detectors per host. Thresholds and formulas: {@code
 * docs/detectors.md}, "Host-level detectors and health score".
 */
package io.aiops.detection.host;
