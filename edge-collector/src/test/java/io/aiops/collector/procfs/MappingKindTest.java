package io.aiops.collector.procfs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class MappingKindTest {
  private static MappingKind privateMapping(String path) {
    return MappingKind.of(path, false);
  }

  @Test
  void anonymousMappingsWithoutPathOrWithAName() {
    assertEquals(MappingKind.ANONYMOUS, privateMapping(""));
    assertEquals(MappingKind.ANONYMOUS, privateMapping("[anon:scudo:primary]"));
    assertEquals(MappingKind.ANONYMOUS, privateMapping("/dev/zero"), "a private /dev/zero map");
  }

  @Test
  void brkHeapAndThreadStacks() {
    assertEquals(MappingKind.HEAP, privateMapping("[heap]"));
    assertEquals(MappingKind.STACK, privateMapping("[stack]"));
    assertEquals(MappingKind.STACK, privateMapping("[stack:4242]"), "per-thread, before 4.5");
  }

  @Test
  void kernelProvidedPages() {
    for (String page : new String[] {"[vdso]", "[vvar]", "[vvar_vclock]", "[vsyscall]"}) {
      assertEquals(MappingKind.KERNEL, privateMapping(page), page);
    }
  }

  @Test
  void sharedObjectsByFileNameWhereverTheyLive() {
    assertEquals(MappingKind.LIBRARY, privateMapping("/usr/lib/x86_64-linux-gnu/libc.so.6"));
    assertEquals(
        MappingKind.LIBRARY, privateMapping("/usr/lib/x86_64-linux-gnu/ld-linux-x86-64.so.2"));
    assertEquals(
        MappingKind.LIBRARY,
        privateMapping("/usr/lib/jvm/java-17-openjdk-amd64/lib/server/libjvm.so"));
    assertEquals(MappingKind.LIBRARY, privateMapping("/opt/app/libssl.so.3.0.2 (deleted)"));
    assertEquals(MappingKind.FILE, privateMapping("/opt/data/model.solver"));
    assertEquals(MappingKind.FILE, privateMapping("/usr/bin/sleep"), "the executable itself");
    assertEquals(
        MappingKind.FILE,
        privateMapping("/usr/lib/jvm/java-17-openjdk-amd64/lib/server/classes.jsa"));
  }

  @Test
  void sharedMemoryInAllItsForms() {
    assertEquals(MappingKind.SHMEM, MappingKind.of("/SYSV00000000 (deleted)", true));
    assertEquals(MappingKind.SHMEM, MappingKind.of("/dev/zero (deleted)", true));
    assertEquals(MappingKind.SHMEM, MappingKind.of("/memfd:ring (deleted)", true));
    assertEquals(MappingKind.SHMEM, MappingKind.of("/dev/shm/PostgreSQL.1804289383", true));
    assertEquals(MappingKind.SHMEM, MappingKind.of("[anon_shmem:pool]", true));
  }

  @Test
  void somethingElseIsOther() {
    assertEquals(MappingKind.OTHER, privateMapping("[uprobes]"));
    assertEquals(MappingKind.OTHER, privateMapping("anon_inode:[perf_event]"));
  }

  @Test
  void deletedIsTheKernelsSuffix() {
    assertTrue(MappingKind.deleted("/tmp/cap/scratch.dat (deleted)"));
    assertFalse(MappingKind.deleted("/tmp/deleted"));
  }

  @Test
  void jsonNamesRoundTrip() {
    for (MappingKind kind : MappingKind.values()) {
      assertEquals(kind, MappingKind.ofJsonName(kind.jsonName()));
    }
    assertNull(MappingKind.ofJsonName("heap "));
  }
}
