package io.aiops.collector.kmsg;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The best kernel log source that can be read here: tries each in order of preference and reads the
 * first that works, saying once which one that is and why the better ones could not be read.
 */
public final class FirstReadableKernelLog implements KernelLogSource {
  private static final Logger LOG = LoggerFactory.getLogger(FirstReadableKernelLog.class);

  private final List<KernelLogSource> candidates;
  private final List<String> refusals = new ArrayList<>();
  private volatile KernelLogSource current;
  private volatile boolean closed;

  public FirstReadableKernelLog(List<KernelLogSource> candidates) {
    this.candidates = List.copyOf(candidates);
  }

  /** The source being read, or the first candidate before reading. */
  @Override
  public String description() {
    KernelLogSource source = current;
    return (source == null ? candidates.get(0) : source).description();
  }

  /** Why the sources before the one read could not be read; empty when the first one worked. */
  public List<String> unavailable() {
    return List.copyOf(refusals);
  }

  @Override
  public void read(Consumer<KernelLogLine> sink) throws IOException {
    for (KernelLogSource candidate : candidates) {
      current = candidate;
      if (closed) {
        return;
      }
      boolean[] delivered = new boolean[1];
      try {
        candidate.read(
            line -> {
              if (!delivered[0]) {
                delivered[0] = true;
                announce(candidate);
              }
              sink.accept(line);
            });
        if (!delivered[0]) {
          announce(candidate);
        }
        return;
      } catch (KernelLogUnavailableException e) {
        if (delivered[0]) {
          throw e;
        }
        refusals.add(e.getMessage());
      }
    }
    throw new KernelLogUnavailableException(
        "cannot read the kernel log: " + String.join("; ", refusals));
  }

  private void announce(KernelLogSource used) {
    if (refusals.isEmpty()) {
      LOG.info("Reading the kernel log from {}", used.description());
    } else {
      LOG.info(
          "Reading the kernel log from {}, since {}",
          used.description(),
          String.join("; ", refusals));
    }
  }

  @Override
  public void close() {
    closed = true;
    KernelLogSource source = current;
    if (source != null) {
      source.close();
    }
  }
}
