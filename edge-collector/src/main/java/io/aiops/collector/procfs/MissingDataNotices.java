package io.aiops.collector.procfs;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Says once per collector what this host cannot give (a kernel feature it lacks, a file it may not
 * read as this user) and what is null because of it; the collector then carries on. Repeating the
 * line every sample would bury the log without telling anything new.
 */
public final class MissingDataNotices {
  private static final Logger LOG = LoggerFactory.getLogger(MissingDataNotices.class);

  private final Map<String, String> said = new LinkedHashMap<>();

  /** Logs the message the first time this key is given; later calls with the key are silent. */
  public synchronized void once(String key, String message) {
    if (said.putIfAbsent(key, message) == null) {
      LOG.warn(message);
    }
  }

  /** Everything said so far, in order. */
  public synchronized List<String> said() {
    return new ArrayList<>(said.values());
  }
}
