package io.aiops.cli.inspect;

/**
 * A mapping (or, for a deleted file, all mappings of that file) worth a look at 3 a.m., and why.
 */
record UnusualMapping(
    Finding finding,
    String address,
    String permissions,
    String path,
    int mappings,
    long sizeBytes,
    long rssBytes) {

  /** The kinds of finding, with their JSON name, their label and what they usually mean. */
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
        "writable and executable",
        "JIT compilers (a JVM's code cache, V8, LuaJIT) need it; in other programs it can be"
            + " injected code");

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
  }
}
