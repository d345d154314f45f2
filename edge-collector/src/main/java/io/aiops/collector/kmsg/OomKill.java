package io.aiops.collector.kmsg;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One process the kernel OOM killer killed, with everything its report said. A figure the log did
 * not print is null.
 *
 * @param timestamp the kill line's stamp as printed
 * @param timestampMs epoch ms of the kill when derivable from the log (and the boot time)
 * @param uptimeSeconds seconds since boot when the log gave the monotonic stamp
 * @param sequence /dev/kmsg sequence number of the kill line, null for other sources
 * @param constraint CONSTRAINT_NONE, CONSTRAINT_CPUSET, CONSTRAINT_MEMORY_POLICY or
 *     CONSTRAINT_MEMCG: as printed (4.19+), or CONSTRAINT_MEMCG when an older kernel said "Memory
 *     cgroup out of memory" or named the limit; null when a global OOM did not say which
 * @param memcg the cgroup whose limit was hit (oom_memcg); null for a global OOM
 * @param taskMemcg the victim's cgroup
 * @param invoker the process whose allocation invoked the OOM killer
 * @param memcgUsageKb the memcg's usage when the limit was hit ({@code memory: usage ...})
 * @param memcgLimitKb that memcg's limit
 * @param memInfoPages the Mem-Info summary of a global OOM, in pages
 * @param rawLines the report's lines as read, prefixes included (the first ones, and the kill)
 */
public record OomKill(
    String timestamp,
    Long timestampMs,
    Double uptimeSeconds,
    Long sequence,
    int pid,
    String process,
    Long totalVmKb,
    Long anonRssKb,
    Long fileRssKb,
    Long shmemRssKb,
    Long pgtablesKb,
    Integer oomScoreAdj,
    Integer uid,
    String constraint,
    String memcg,
    String taskMemcg,
    String invoker,
    String gfpMask,
    Integer order,
    String nodemask,
    String cpuset,
    String memsAllowed,
    Long memcgUsageKb,
    Long memcgLimitKb,
    Map<String, Long> memInfoPages,
    List<OomTask> tasks,
    List<String> rawLines) {

  public static final String CONSTRAINT_MEMCG = "CONSTRAINT_MEMCG";

  public OomKill {
    // In the order the kernel printed them.
    memInfoPages = Collections.unmodifiableMap(new LinkedHashMap<>(memInfoPages));
    tasks = List.copyOf(tasks);
    rawLines = List.copyOf(rawLines);
  }

  /** True when a cgroup's limit, not the host's memory, ran out. */
  public boolean isMemcgOom() {
    return CONSTRAINT_MEMCG.equals(constraint) || memcg != null;
  }
}
