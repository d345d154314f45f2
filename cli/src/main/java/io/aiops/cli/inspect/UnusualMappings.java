package io.aiops.cli.inspect;

import io.aiops.cli.inspect.UnusualMapping.Finding;
import io.aiops.collector.procfs.MappingKind;
import io.aiops.collector.procfs.SmapsMapping;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Flags the mappings an SRE should look at: very large shared memory, files deleted while mapped,
 * huge anonymous regions, and writable+executable pages other than JIT code, which is kept apart.
 * Fed one mapping at a time.
 */
final class UnusualMappings {
  /** Shared memory of this virtual size or more: a database's buffer pool, a forgotten segment. */
  static final long LARGE_SHARED_MEMORY_BYTES = 1L << 30;

  /** An anonymous region with this much resident: most services' whole heap is smaller. */
  static final long HUGE_ANONYMOUS_RSS_BYTES = 1L << 30;

  private final List<UnusualMapping> found = new ArrayList<>();
  // One finding per deleted file however many mappings (text, data, bss) it has.
  private final Map<String, UnusualMapping> deletedFiles = new LinkedHashMap<>();

  void accept(SmapsMapping m) {
    MappingKind kind = m.kind();
    if (kind == MappingKind.SHMEM && m.sizeBytes() >= LARGE_SHARED_MEMORY_BYTES) {
      found.add(of(Finding.LARGE_SHARED_MEMORY, m));
    }
    // SysV, memfd and shared anonymous memory always read "(deleted)": only real files count.
    if (m.deleted() && (kind == MappingKind.FILE || kind == MappingKind.LIBRARY)) {
      deletedFiles.merge(
          m.path(),
          of(Finding.DELETED_FILE, m),
          (a, b) ->
              new UnusualMapping(
                  a.finding(),
                  a.address(),
                  a.permissions(),
                  a.path(),
                  a.mappings() + 1,
                  a.sizeBytes() + b.sizeBytes(),
                  a.rssBytes() + b.rssBytes()));
    }
    if ((kind == MappingKind.ANONYMOUS || kind == MappingKind.HEAP)
        && m.rssBytes() >= HUGE_ANONYMOUS_RSS_BYTES) {
      found.add(of(Finding.HUGE_ANONYMOUS, m));
    }
    if (m.writable() && m.executable()) {
      // JIT compilers generate code into private anonymous memory (a JVM's code heaps, V8's
      // code space): that is expected. A file, the stack or shared memory mapped so is not.
      found.add(
          of(kind == MappingKind.ANONYMOUS ? Finding.JIT_CODE : Finding.WRITABLE_EXECUTABLE, m));
    }
  }

  /** The unusual mappings, in the order of the findings' kinds, then by address. */
  List<UnusualMapping> found() {
    return all().stream().filter(u -> u.finding().unusual()).toList();
  }

  /** Writable and executable anonymous memory, by address: reported, but no finding. */
  List<UnusualMapping> jitCode() {
    return all().stream().filter(u -> !u.finding().unusual()).toList();
  }

  private List<UnusualMapping> all() {
    List<UnusualMapping> all = new ArrayList<>(found);
    all.addAll(deletedFiles.values());
    all.sort(
        (a, b) ->
            a.finding() != b.finding()
                ? a.finding().compareTo(b.finding())
                : Long.compareUnsigned(
                    Long.parseUnsignedLong(a.address(), 16),
                    Long.parseUnsignedLong(b.address(), 16)));
    return all;
  }

  private static UnusualMapping of(Finding finding, SmapsMapping m) {
    return new UnusualMapping(
        finding, m.startHex(), m.permissions(), m.path(), 1, m.sizeBytes(), m.rssBytes());
  }
}
