package io.aiops.collector.kmsg;

/**
 * One row of the task table an OOM report prints (vm.oom_dump_tasks), memory in pages. Columns
 * differ by kernel, so any figure may be null.
 *
 * @param pgtablesBytes pgtables_bytes (4.15+), or (nr_ptes + nr_pmds) pages of 4 KiB on older
 *     kernels
 */
public record OomTask(
    int pid,
    String name,
    Integer uid,
    Integer tgid,
    Long totalVmPages,
    Long rssPages,
    Long rssAnonPages,
    Long rssFilePages,
    Long rssShmemPages,
    Long pgtablesBytes,
    Long swapEntries,
    Integer oomScoreAdj) {}
