package io.aiops.collector.procfs;

import java.util.regex.Pattern;

/**
 * What a mapping of a process's address space holds, judged from its smaps header the way pmap and
 * an SRE read it: the brk heap, thread stacks, anonymous mmap (malloc arenas, a JVM's heap), files,
 * shared libraries, shared memory, the kernel's vdso pages, and anything else.
 */
public enum MappingKind {
  HEAP("heap", "heap"),
  STACK("stack", "stack"),
  ANONYMOUS("anon_mmap", "anonymous mmap"),
  FILE("file", "file-backed"),
  LIBRARY("library", "shared libraries"),
  SHMEM("shmem", "shmem/sysv"),
  KERNEL("vdso", "vdso/vvar/vsyscall"),
  OTHER("other", "other");

  // libc.so.6, ld-linux-x86-64.so.2, libjvm.so, libssl.so.3.0.2; not libfoo.solver or x.so.bak.
  private static final Pattern SHARED_OBJECT = Pattern.compile(".*\\.so(\\.[0-9]+)*");
  private static final String DELETED = " (deleted)";

  private final String jsonName;
  private final String label;

  MappingKind(String jsonName, String label) {
    this.jsonName = jsonName;
    this.label = label;
  }

  /** The name in JSON output and snapshots: heap, stack, anon_mmap, file, library, shmem, ... */
  public String jsonName() {
    return jsonName;
  }

  /** The name in reports: "anonymous mmap", "shared libraries", "vdso/vvar/vsyscall". */
  public String label() {
    return label;
  }

  /** The kind of the JSON name, or null when no kind has it. */
  public static MappingKind ofJsonName(String name) {
    for (MappingKind kind : values()) {
      if (kind.jsonName.equals(name)) {
        return kind;
      }
    }
    return null;
  }

  /**
   * Classifies a mapping by the path column of its header ("" when anonymous) and whether it is
   * shared (the "s" of "rw-s").
   */
  public static MappingKind of(String path, boolean shared) {
    if (path.isEmpty()) {
      return ANONYMOUS;
    }
    if (path.charAt(0) == '[') {
      return bracketed(path);
    }
    if (path.charAt(0) != '/') {
      return OTHER; // e.g. anon_inode:[perf_event] of some drivers
    }
    String file =
        path.endsWith(DELETED) ? path.substring(0, path.length() - DELETED.length()) : path;
    // SysV segments (/SYSV<key>), memfd and MAP_SHARED|MAP_ANONYMOUS (/dev/zero) all live in shmem
    // and always read "(deleted)"; POSIX shm is a file under /dev/shm.
    if (file.startsWith("/SYSV")
        || file.startsWith("/memfd:")
        || file.startsWith("/dev/shm/")
        || (file.equals("/dev/zero") && shared)) {
      return SHMEM;
    }
    if (file.equals("/dev/zero")) {
      return ANONYMOUS;
    }
    String name = file.substring(file.lastIndexOf('/') + 1);
    return SHARED_OBJECT.matcher(name).matches() ? LIBRARY : FILE;
  }

  private static MappingKind bracketed(String path) {
    if (path.equals("[heap]")) {
      return HEAP;
    }
    if (path.equals("[stack]") || path.startsWith("[stack:")) {
      return STACK; // [stack:<tid>] on kernels before 4.5
    }
    if (path.startsWith("[anon_shmem:")) {
      return SHMEM; // a named MAP_SHARED|MAP_ANONYMOUS region (6.2+)
    }
    if (path.startsWith("[anon:")) {
      return ANONYMOUS; // named with prctl(PR_SET_VMA_ANON_NAME) (5.17+)
    }
    return switch (path) {
      // vvar_vclock came with 6.13; vectors and sigpage are arm's.
      case "[vdso]", "[vvar]", "[vvar_vclock]", "[vsyscall]", "[vectors]", "[sigpage]" -> KERNEL;
      default -> OTHER; // [uprobes] and what later kernels add
    };
  }

  /** Whether a path ends with " (deleted)": the file was unlinked or replaced while mapped. */
  public static boolean deleted(String path) {
    return path.endsWith(DELETED);
  }
}
