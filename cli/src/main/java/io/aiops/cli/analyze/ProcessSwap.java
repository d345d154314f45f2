package io.aiops.cli.analyze;

/**
 * One process's swapped-out memory.
 *
 * @param pid process id
 * @param comm its name as the kernel keeps it (15 characters at most)
 * @param swapBytes VmSwap: its private anon pages in swap (shared or tmpfs pages are not in it)
 * @param rssBytes VmRSS, what it still has in RAM
 * @param shareOfSwapUsedRatio swapBytes / the host's swap in use (SwapTotal − SwapFree)
 */
record ProcessSwap(
    int pid, String comm, long swapBytes, long rssBytes, double shareOfSwapUsedRatio) {}
