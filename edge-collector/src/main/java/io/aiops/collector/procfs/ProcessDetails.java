package io.aiops.collector.procfs;

import io.aiops.collector.cgroup.CgroupMembership;
import io.aiops.collector.cgroup.ContainerIdentity;

/**
 * What the costlier per-process files said, read only for the processes a sample carries. Null
 * fields: the kernel lacks the file (smaps_rollup before 4.14), or this user may not read it.
 */
public record ProcessDetails(
    CgroupMembership cgroup,
    ContainerIdentity container,
    SmapsRollup smapsRollup,
    Integer fdCount,
    String cmdline) {}
