package io.aiops.cli.inspect;

import io.aiops.collector.procfs.MappingKind;
import io.aiops.collector.procfs.MappingTotals;
import io.aiops.collector.procfs.SmapsMapping;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;

/**
 * A process's address space summed up as smaps is read: totals by region kind, the largest
 * libraries and mappings, the unusual ones. Keeps every mapping only when asked to list them, so a
 * process with a hundred thousand mappings is summed in constant memory.
 */
final class ProcessMemoryMap implements Consumer<SmapsMapping> {
  static final int LARGEST = 10;
  private static final String DELETED = " (deleted)";
  private static final Comparator<SmapsMapping> BY_RSS =
      Comparator.comparingLong(SmapsMapping::rssBytes)
          .thenComparing(SmapsMapping::startAddress, Long::compareUnsigned);

  private final boolean keepMappings;
  private final Map<MappingKind, MappingTotals> byKind = new EnumMap<>(MappingKind.class);
  private final Map<MappingKind, Set<String>> permissionsByKind = new EnumMap<>(MappingKind.class);
  private final Map<String, MappingTotals> byLibrary = new HashMap<>();
  private final PriorityQueue<SmapsMapping> largest = new PriorityQueue<>(BY_RSS);
  private final UnusualMappings unusual = new UnusualMappings();
  private final List<SmapsMapping> mappings = new ArrayList<>();
  private MappingTotals total = MappingTotals.NONE;
  private volatile int count;

  ProcessMemoryMap(boolean keepMappings) {
    this.keepMappings = keepMappings;
  }

  @Override
  public void accept(SmapsMapping m) {
    MappingKind kind = m.kind();
    total = total.plus(m);
    byKind.merge(kind, MappingTotals.NONE.plus(m), MappingTotals::plus);
    permissionsByKind.computeIfAbsent(kind, k -> new TreeSet<>()).add(m.permissions());
    if (kind == MappingKind.LIBRARY) {
      byLibrary.merge(libraryPath(m.path()), MappingTotals.NONE.plus(m), MappingTotals::plus);
    }
    largest.add(m);
    if (largest.size() > LARGEST) {
      largest.poll();
    }
    unusual.accept(m);
    if (keepMappings) {
      mappings.add(m);
    }
    count++;
  }

  /** How many mappings were read so far; safe to ask from another thread. */
  int count() {
    return count;
  }

  MappingTotals total() {
    return total;
  }

  /** Every kind, in the enum's order, with zero totals for kinds the process does not have. */
  Map<MappingKind, MappingTotals> byKind() {
    Map<MappingKind, MappingTotals> all = new EnumMap<>(MappingKind.class);
    for (MappingKind kind : MappingKind.values()) {
      all.put(kind, byKind.getOrDefault(kind, MappingTotals.NONE));
    }
    return all;
  }

  /** The distinct permissions of a kind's mappings, sorted ("r--p", "r-xp", "rw-p"). */
  List<String> permissions(MappingKind kind) {
    return List.copyOf(permissionsByKind.getOrDefault(kind, Set.of()));
  }

  /** Shared libraries by path (all their mappings summed), the most resident first. */
  List<Map.Entry<String, MappingTotals>> largestLibraries() {
    return byLibrary.entrySet().stream()
        .sorted(
            Map.Entry.<String, MappingTotals>comparingByValue(
                    Comparator.comparingLong(MappingTotals::rssBytes)
                        .thenComparingLong(MappingTotals::sizeBytes))
                .reversed()
                .thenComparing(Map.Entry.comparingByKey()))
        .limit(LARGEST)
        .toList();
  }

  /** The most resident mappings, largest first. */
  List<SmapsMapping> largestMappings() {
    List<SmapsMapping> sorted = new ArrayList<>(largest);
    sorted.sort(BY_RSS.reversed());
    return sorted;
  }

  /** The mappings worth a look: any makes the exit status 1. */
  List<UnusualMapping> unusual() {
    return unusual.found();
  }

  /** JIT compilers' writable and executable anonymous memory: reported, not unusual. */
  List<UnusualMapping> jitCode() {
    return unusual.jitCode();
  }

  /** Every mapping in address order; empty unless the map was built to keep them. */
  List<SmapsMapping> mappings() {
    return mappings;
  }

  private static String libraryPath(String path) {
    return path.endsWith(DELETED) ? path.substring(0, path.length() - DELETED.length()) : path;
  }
}
