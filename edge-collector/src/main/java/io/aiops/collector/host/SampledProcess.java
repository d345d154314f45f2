package io.aiops.collector.host;

import io.aiops.collector.procfs.ProcessDetails;
import io.aiops.collector.procfs.ProcessReading;
import io.aiops.collector.procfs.ProcessStatus;
import io.aiops.collector.procfs.SmapsRollup;
import io.aiops.schemas.memory.ProcessMemory;

/** One process a sample carries: its cheap reading and the details read once it was selected. */
record SampledProcess(ProcessReading reading, ProcessDetails details) {

  ProcessMemory toAvro() {
    ProcessStatus status = reading.status();
    SmapsRollup smaps = details.smapsRollup();
    return ProcessMemory.newBuilder()
        .setPid(reading.pid())
        .setStartTimeTicks(reading.startTimeTicks())
        .setComm(reading.comm())
        .setCgroupPath(details.cgroup() == null ? null : details.cgroup().path())
        .setRssBytes(status.rssBytes())
        .setRssAnonBytes(status.rssAnonBytes())
        .setRssFileBytes(status.rssFileBytes())
        .setRssShmemBytes(status.rssShmemBytes())
        .setSwapBytes(status.swapBytes())
        .setVmSizeBytes(status.vmSizeBytes())
        .setVmDataBytes(status.vmDataBytes())
        .setThreads(status.threads())
        .setPssBytes(smaps == null ? null : smaps.pssBytes())
        .setPssAnonBytes(smaps == null ? null : smaps.pssAnonBytes())
        .setPssFileBytes(smaps == null ? null : smaps.pssFileBytes())
        .setPssShmemBytes(smaps == null ? null : smaps.pssShmemBytes())
        .setSmapsSwapBytes(smaps == null ? null : smaps.swapBytes())
        .setSwapPssBytes(smaps == null ? null : smaps.swapPssBytes())
        .setPrivateDirtyBytes(smaps == null ? null : smaps.privateDirtyBytes())
        .setFdCount(details.fdCount())
        .setContainerId(details.container().containerId())
        .setPodUid(details.container().podUid())
        .setCmdline(details.cmdline())
        .build();
  }
}
