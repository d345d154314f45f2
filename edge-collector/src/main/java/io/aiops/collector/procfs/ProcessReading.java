package io.aiops.collector.procfs;

import io.aiops.collector.cgroup.CgroupMembership;

/**
 * What one process's /proc files said at one instant. Nullable fields: not printed by this kernel.
 */
public record ProcessReading(
    int pid,
    long startTimeTicks,
    String comm,
    CgroupMembership cgroup,
    long rssBytes,
    Long rssAnonBytes,
    Long rssFileBytes,
    Long rssShmemBytes,
    long swapBytes,
    long vmSizeBytes) {}
