package io.aiops.collector.kmsg;

import io.aiops.schemas.memory.OomKillEvent;
import io.aiops.schemas.memory.OomTaskEntry;
import io.aiops.schemas.serde.AvroTrust;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;

/** An {@link OomKill} as the {@code OomKillEvent} published on memory.oom-events.v1. */
public final class OomKillEvents {
  private OomKillEvents() {}

  /**
   * @param fallbackTimestampMs the event time when the log gave no wall clock (a bare line, an
   *     uptime stamp without boot time): the follower passes the moment it read the line
   */
  public static OomKillEvent toAvro(
      OomKill kill, String hostId, String bootId, long fallbackTimestampMs) {
    AvroTrust.trustGeneratedClasses();
    List<OomTaskEntry> tasks = new ArrayList<>(kill.tasks().size());
    for (OomTask task : kill.tasks()) {
      tasks.add(
          OomTaskEntry.newBuilder()
              .setPid(task.pid())
              .setName(task.name())
              .setUid(task.uid())
              .setTgid(task.tgid())
              .setTotalVmPages(task.totalVmPages())
              .setRssPages(task.rssPages())
              .setRssAnonPages(task.rssAnonPages())
              .setRssFilePages(task.rssFilePages())
              .setRssShmemPages(task.rssShmemPages())
              .setPgtablesBytes(task.pgtablesBytes())
              .setSwapEntries(task.swapEntries())
              .setOomScoreAdj(task.oomScoreAdj())
              .build());
    }
    return OomKillEvent.newBuilder()
        .setHostId(hostId)
        .setBootId(bootId == null ? "" : bootId)
        .setTimestampMs(kill.timestampMs() != null ? kill.timestampMs() : fallbackTimestampMs)
        .setPid(kill.pid())
        .setProcess(kill.process())
        .setTotalVmKb(kill.totalVmKb())
        .setAnonRssKb(kill.anonRssKb())
        .setFileRssKb(kill.fileRssKb())
        .setShmemRssKb(kill.shmemRssKb())
        .setPgtablesKb(kill.pgtablesKb())
        .setOomScoreAdj(kill.oomScoreAdj())
        .setUid(kill.uid())
        .setConstraint(kill.constraint())
        .setMemcg(kill.memcg())
        .setTaskMemcg(kill.taskMemcg())
        .setInvoker(kill.invoker())
        .setGfpMask(kill.gfpMask())
        .setOrder(kill.order())
        .setKernelTimestamp(kill.timestamp())
        .setUptimeSeconds(kill.uptimeSeconds())
        .setNodemask(kill.nodemask())
        .setCpuset(kill.cpuset())
        .setMemsAllowed(kill.memsAllowed())
        .setMemInfoPages(new HashMap<>(kill.memInfoPages()))
        .setTasks(tasks)
        .setRawLines(new ArrayList<>(kill.rawLines()))
        .build();
  }
}
