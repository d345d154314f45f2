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
  private final boolean logged;

  /** Notices that are logged as they are said, for the collector. */
  public MissingDataNotices() {
    this(true);
  }

  private MissingDataNotices(boolean logged) {
    this.logged = logged;
  }

  /** Notices that are only kept, for a command that prints them in its own report. */
  public static MissingDataNotices kept() {
    return new MissingDataNotices(false);
  }

  /** Says the message the first time this key is given; later calls with the key are silent. */
  public synchronized void once(String key, String message) {
    if (said.putIfAbsent(key, message) == null && logged) {
      LOG.warn(message);
    }
  }

  /** Everything said so far, in order. */
  public synchronized List<String> said() {
    return new ArrayList<>(said.values());
  }
}
