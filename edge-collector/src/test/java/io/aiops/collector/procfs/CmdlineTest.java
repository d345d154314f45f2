package io.aiops.collector.procfs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class CmdlineTest {
  private static String decode(String raw) {
    byte[] bytes = raw.getBytes(StandardCharsets.UTF_8);
    return Cmdline.decode(bytes, bytes.length);
  }

  @Test
  void joinsNulSeparatedArgumentsWithSpaces() {
    assertEquals("java -Xmx1g -jar app.jar", decode("java\0-Xmx1g\0-jar\0app.jar\0"));
  }

  @Test
  void keepsATitleAProcessWroteOverItsArgv() {
    assertEquals("redis-server *:6379", decode("redis-server *:6379\0\0\0\0\0\0"));
    assertEquals(
        "nginx: master process nginx -g daemon off;",
        decode("nginx: master process nginx -g daemon off;\0"));
  }

  @Test
  void isEmptyForAZombie() {
    assertEquals("", decode(""));
  }

  @Test
  void cutsAt512Characters() {
    String decoded = decode("java\0-cp\0" + "/lib/a.jar:".repeat(100) + "\0Main\0");
    assertEquals(Cmdline.MAX_CHARS, decoded.length());
    assertTrue(decoded.startsWith("java -cp /lib/a.jar:"));
  }

  @Test
  void neverCutsACharacterInHalf() {
    String decoded = decode("x".repeat(511) + "😀tail");
    assertEquals("x".repeat(511), decoded, "the emoji's surrogate pair does not fit at 511");
    assertEquals("ünïcode arg", decode("ünïcode\0arg\0"));
  }
}
