package io.aiops.collector.procfs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.aiops.collector.RecordedHosts;
import io.aiops.schemas.memory.SocketMemory;
import java.io.IOException;
import java.nio.file.Files;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SockstatParserTest {
  private final ReadErrors errors = new ReadErrors();

  @Test
  void readsSocketCountsAndBufferPages() throws IOException {
    SocketMemory sockets =
        SockstatParser.parse(
            Files.readString(
                RecordedHosts.proc(RecordedHosts.KERNEL_6_1_HYBRID).resolve("net/sockstat")),
            errors);
    assertEquals(1830L, sockets.getSocketsUsed());
    assertEquals(412L, sockets.getTcpInuse());
    assertEquals(3L, sockets.getTcpOrphan());
    assertEquals(1207L, sockets.getTcpTimeWait());
    assertEquals(530L, sockets.getTcpAlloc());
    assertEquals(9017L, sockets.getTcpMemPages());
    assertEquals(11L, sockets.getUdpInuse());
    assertEquals(24L, sockets.getUdpMemPages());
    assertEquals(Map.of(), errors.snapshot());
  }

  @Test
  void leavesWhatTheFileDoesNotPrintNull() {
    SocketMemory sockets = SockstatParser.parse("sockets: used 3\nTCP: inuse 1\n", errors);
    assertEquals(1L, sockets.getTcpInuse());
    assertNull(sockets.getTcpMemPages());
    assertNull(sockets.getUdpInuse());
  }

  @Test
  void countsPairsThatDoNotParse() {
    SocketMemory sockets =
        SockstatParser.parse("TCP: inuse x orphan 0 tw\nUDP inuse 3\nsockets: used 9\n", errors);
    assertNull(sockets.getTcpInuse());
    assertEquals(0L, sockets.getTcpOrphan());
    assertNull(sockets.getUdpInuse());
    assertEquals(9L, sockets.getSocketsUsed());
    assertEquals(Map.of(ReadErrors.MALFORMED, 3L), errors.snapshot());
  }
}
