package io.aiops.cli.analyze;

import io.aiops.collector.kmsg.OomKill;
import java.util.ArrayList;
import java.util.List;

/** What to do after an OOM kill, from what its report says. */
final class OomAdvice {
  // Kubernetes gives BestEffort pods 1000 and Burstable pods up to 999; such victims were chosen
  // first because of that score, not only because of their size.
  private static final int EXPENDABLE_SCORE_ADJ = 900;

  private OomAdvice() {}

  static List<String> nextSteps(OomKill kill) {
    List<String> steps = new ArrayList<>();
    String who = kill.process();
    if (kill.isMemcgOom()) {
      steps.add(
          "if "
              + who
              + "'s memory grows steadily between restarts, find the leak (aiops detect"
              + " memory-leak on its RSS series); if this is its normal working set, raise the limit"
              + " (Kubernetes resources.limits.memory, systemd MemoryMax=, docker --memory)");
    } else if (isNodeConstraint(kill)) {
      steps.add(
          "memory on nodes "
              + kill.memsAllowed()
              + " ran out while other nodes may have had room: review the cpuset or NUMA policy"
              + " (numactl --membind, cpuset.mems)");
    } else {
      steps.add(
          "the whole host ran out: find the process that grows (aiops detect memory-leak), then"
              + " give it a cgroup limit so it alone is killed, or add memory or swap");
      steps.add(
          "protect critical services from the OOM killer with oom_score_adj -1000 (systemd"
              + " OOMScoreAdjust=-1000) and make expendable ones likelier victims");
    }
    if (kill.oomScoreAdj() != null && kill.oomScoreAdj() >= EXPENDABLE_SCORE_ADJ) {
      steps.add(
          "oom_score_adj "
              + kill.oomScoreAdj()
              + " marked "
              + who
              + " as the first to go (a Kubernetes BestEffort or low-request Burstable pod):"
              + " set memory requests equal to limits for a Guaranteed pod");
    }
    if (kill.order() != null && kill.order() > 0) {
      steps.add(
          "the allocation wanted 2^"
              + kill.order()
              + " contiguous pages: fragmentation, not only a lack of memory; check"
              + " /proc/buddyinfo and vm.min_free_kbytes");
    }
    if (who.equals("java")) {
      steps.add(
          "for a JVM, heap + metaspace + thread stacks + direct buffers must fit: keep -Xmx (or"
              + " -XX:MaxRAMPercentage) well below the limit and check NativeMemoryTracking");
    }
    return steps;
  }

  private static boolean isNodeConstraint(OomKill kill) {
    return "CONSTRAINT_CPUSET".equals(kill.constraint())
        || "CONSTRAINT_MEMORY_POLICY".equals(kill.constraint());
  }
}
