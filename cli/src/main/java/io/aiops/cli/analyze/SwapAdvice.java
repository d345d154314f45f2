package io.aiops.cli.analyze;

import io.aiops.cli.render.ByteSize;
import io.aiops.detection.host.Severity;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** What to do about a host's swap, from what the swap report says. */
final class SwapAdvice {
  // One process holding this much of the swap in use is the place to start.
  private static final double DOMINANT_SHARE = 0.25;
  // Swap this full leaves anon memory nowhere to go: the OOM killer is next.
  private static final double NEARLY_FULL_SHARE = 0.9;
  // VmSwap sums below this share of swap used leave a lot to shmem/tmpfs and the swap cache.
  private static final double ACCOUNTED_SHARE = 0.8;
  // The kernel default; lower values reclaim page cache longer before anon pages.
  private static final long DEFAULT_SWAPPINESS = 60;

  private SwapAdvice() {}

  static List<String> nextSteps(SwapReport r) {
    List<String> steps = new ArrayList<>();
    if (r.swapTotalBytes() == 0) {
      steps.add(
          "no swap on this host: anon memory cannot be reclaimed, so memory pressure goes"
              + " straight to the OOM killer (a choice, e.g. on Kubernetes nodes; add swap with"
              + " mkswap/swapon if the workloads have cold anon memory)");
      return steps;
    }
    Optional<ProcessSwap> top = r.processes().stream().findFirst();
    Optional<Severity> storm = r.storm();
    if (storm.isPresent()) {
      steps.add(
          "swap storm: pages go out and come back at once, the working set does not fit in RAM:"
              + " add memory or stop the largest consumer"
              + top.map(p -> " (" + who(p) + " holds the most swap)").orElse("")
              + "; cap it with a cgroup limit (systemd MemoryMax=, Kubernetes"
              + " resources.limits.memory) so it alone pays, and find out whether it leaks (aiops"
              + " detect memory-leak)");
    } else if (atLeastWarning(r.swapInBytesPerSecond().orElse(0), r)) {
      steps.add(
          "pages are coming back from swap at "
              + ByteSize.format(r.swapInBytesPerSecond().getAsDouble())
              + "/s: each is a task waiting on the disk; if it lasts, the host is short of memory");
    } else if (atLeastWarning(r.swapOutBytesPerSecond().orElse(0), r)) {
      steps.add(
          "kswapd is parking anon pages in swap at "
              + ByteSize.format(r.swapOutBytesPerSecond().getAsDouble())
              + "/s with little coming back: harmless while it stays one way");
    }
    if (r.swapUsedBytes() >= NEARLY_FULL_SHARE * r.swapTotalBytes()) {
      steps.add(
          String.format(
              Locale.ROOT,
              "swap is %.0f %% full: once it is full, anon memory cannot be reclaimed and the OOM"
                  + " killer is next; find the grower (aiops detect memory-leak) or add memory"
                  + " or swap",
              100.0 * r.swapUsedBytes() / r.swapTotalBytes()));
    }
    top.filter(p -> p.shareOfSwapUsedRatio() >= DOMINANT_SHARE)
        .filter(p -> storm.isEmpty())
        .ifPresent(
            p ->
                steps.add(
                    String.format(
                        Locale.ROOT,
                        "%s holds %.0f %% of the swap in use: cold pages of a big process are"
                            + " fine in swap; if it is latency-sensitive, cap its swap (cgroup v2"
                            + " memory.swap.max, systemd MemorySwapMax=) or lock what matters",
                        who(p),
                        100 * p.shareOfSwapUsedRatio())));
    if (r.swapUsedBytes() > 0
        && r.processesSwapBytes() < ACCOUNTED_SHARE * r.swapUsedBytes()
        && r.processesRead() > 0) {
      steps.add(
          ByteSize.format(r.swapUsedBytes() - r.processesSwapBytes())
              + " of the swap in use is in no process's VmSwap: swapped tmpfs and shared memory"
              + " (df -t tmpfs, ipcs -m) or pages of processes this user may not read");
    }
    r.swappiness().ifPresent(s -> swappiness(steps, s, storm.isPresent(), r));
    if (steps.isEmpty()) {
      steps.add("nothing to do: swap is quiet");
    }
    return steps;
  }

  private static void swappiness(List<String> steps, long swappiness, boolean storm, SwapReport r) {
    if (storm && swappiness <= 10) {
      steps.add(
          "vm.swappiness is already "
              + swappiness
              + ": the kernel swaps because memory is short, not because of the setting");
    } else if (swappiness >= DEFAULT_SWAPPINESS && r.swapUsedBytes() > 0) {
      steps.add(
          "vm.swappiness is "
              + swappiness
              + ": on hosts of latency-sensitive services, 10 makes the kernel drop page cache"
              + " longer before it swaps anon pages (sysctl vm.swappiness=10, kept in"
              + " /etc/sysctl.d/); it shifts reclaim, it does not add memory");
    }
  }

  private static boolean atLeastWarning(double bytesPerSecond, SwapReport r) {
    return bytesPerSecond >= r.stormWarningBytesPerSecond();
  }

  private static String who(ProcessSwap p) {
    return p.comm() + " (pid " + p.pid() + ")";
  }
}
