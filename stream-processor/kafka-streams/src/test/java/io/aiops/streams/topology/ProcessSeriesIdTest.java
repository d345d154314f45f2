package io.aiops.streams.topology;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.aiops.schemas.memory.HostMemorySample;
import io.aiops.schemas.memory.ProcessMemory;
import io.aiops.schemas.serde.AvroTrust;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProcessSeriesIdTest {

  @Test
  void aReaderWithoutASampleBuildsTheSameIdAsTheTopology() {
    AvroTrust.trustGeneratedClasses();
    ProcessMemory java =
        ProcessMemory.newBuilder()
            .setPid(4242)
            .setStartTimeTicks(987_654L)
            .setComm("java")
            .setRssBytes(1L << 30)
            .build();
    HostMemorySample sample =
        HostMemorySample.newBuilder()
            .setHostId("3d1219c7c4c5404aaa1f6d2a48adfda4")
            .setBootId("bd884490-c8e4-4d08-9274-fb38adb28883")
            .setTimestampMs(1_767_225_600_000L)
            .setMemTotalBytes(0)
            .setMemFreeBytes(0)
            .setMemAvailableBytes(0)
            .setSwapTotalBytes(0)
            .setSwapFreeBytes(0)
            .setProcesses(List.of(java))
            .build();

    assertEquals(
        "3d1219c7c4c5404aaa1f6d2a48adfda4/bd884490-c8e4-4d08-9274-fb38adb28883/4242/987654",
        ProcessSeriesId.of(sample, java));
    assertEquals(
        ProcessSeriesId.of(sample, java),
        ProcessSeriesId.of(
            "3d1219c7c4c5404aaa1f6d2a48adfda4",
            "bd884490-c8e4-4d08-9274-fb38adb28883",
            4242,
            987_654L));
  }
}
