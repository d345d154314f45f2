package io.aiops.cli.inspect;

/**
 * A mapping (or, for a deleted file, all mappings of that file) worth a look at 3 a.m., and why; or
 * one reported for what it is without being unusual (JIT code).
 */
record UnusualMapping(
    Finding finding,
    String address,
    String permissions,
    String path,
    int mappings,
    long sizeBytes,
    long rssBytes) {

  /**
   * The kinds of finding, with their JSON name, their label and what they usually mean, in the
   * order a report lists them; all but JIT code are unusual.
   */
  enum Finding {
    LARGE_SHARED_MEMORY(
        "large_shared_memory",
        "very large shared memory",
        "counted in Shmem and in every process that maps it; not freed when this process exits"
            + " (SysV segments live until ipcrm, see ipcs -m; /dev/shm files until deleted)"),
    DELETED_FILE(
        "deleted_file",
        "deleted file still mapped",
        "deleted or replaced while mapped (often a package upgrade): its pages stay in memory and"
            + " on disk until the process restarts"),
    HUGE_ANONYMOUS(
        "huge_anonymous",
        "huge anonymous region",
        "a heap (malloc arena, JVM or Go heap) or a cache: where a growing process grows"),
    WRITABLE_EXECUTABLE(
        "writable_executable",
        "writable and executable, not JIT code",
        "code that can be rewritten in place where no JIT compiler puts its code (a file, the"
            + " stack, the heap, shared memory): a loader or plugin doing something odd, or"
            + " injected code"),
    JIT_CODE(
        "jit_code",
        "JIT code",
        "writable and executable anonymous memory, where JIT compilers (a JVM's code cache, node's"
            + " V8, browsers, LuaJIT) write the code they generate: expected of these, no finding");

    private final String jsonName;
    private final String label;
    private final String meaning;

    Finding(String jsonName, String label, String meaning) {
      this.jsonName = jsonName;
      this.label = label;
      this.meaning = meaning;
    }

    String jsonName() {
      return jsonName;
    }

    String label() {
      return label;
    }

    String meaning() {
      return meaning;
    }

    /** Whether it makes the exit status 1: everything but what is expected of a JIT compiler. */
    boolean unusual() {
      return this != JIT_CODE;
    }
  }
}
