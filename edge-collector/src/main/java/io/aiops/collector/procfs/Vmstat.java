package io.aiops.collector.procfs;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * /proc/vmstat, every counter in file order, as the kernel prints it: pages for most, events for
 * faults and stalls, KiB for pgpgin and pgpgout. The collector's {@link VmstatParser} keeps the
 * counters a sample carries; the diagnosis commands need others (pgpgin, nr_dirtied, nr_written,
 * workingset_activate_*).
 */
public record Vmstat(Map<String, Long> countersByName) {

  public Vmstat {
    countersByName = Collections.unmodifiableMap(new LinkedHashMap<>(countersByName));
  }

  /** Parses vmstat text, counting lines that are not "name number" as malformed. */
  public static Vmstat parse(String text, ReadErrors errors) {
    return new Vmstat(KeyValueFile.parseBytes(text, errors));
  }

  /** The counter, or null when this kernel does not print it. */
  public Long counter(String name) {
    return countersByName.get(name);
  }

  public boolean isEmpty() {
    return countersByName.isEmpty();
  }

  /**
   * The plain counter, else the sum of {@code name_suffix} over the suffixes this kernel prints,
   * else null: counters that kernels split by zone (allocstall_normal) or page type
   * (workingset_refault_file) keep one meaning on every kernel this way.
   */
  public Long plainOrSum(String name, String... suffixes) {
    Long plain = countersByName.get(name);
    if (plain != null) {
      return plain;
    }
    Long sum = null;
    for (String suffix : suffixes) {
      Long part = countersByName.get(name + "_" + suffix);
      if (part != null) {
        sum = (sum == null ? 0 : sum) + part;
      }
    }
    return sum;
  }
}
