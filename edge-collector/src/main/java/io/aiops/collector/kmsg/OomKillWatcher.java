package io.aiops.collector.kmsg;

import io.aiops.schemas.memory.OomKillEvent;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Follows a kernel log on its own daemon thread and hands each OOM kill, once, to a consumer as an
 * {@link OomKillEvent}. After each kill it records how far it got (boot id, kmsg sequence number)
 * in the caller's state file, so a restarted collector skips the kills it already handled that are
 * still in the ring buffer; a new boot id starts afresh. Delivery is at least once: a crash between
 * the consumer and the state file repeats that one kill.
 */
public final class OomKillWatcher implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(OomKillWatcher.class);

  private final KernelLogSource source;
  private final String hostId;
  private final String bootId;
  private final Path stateFile;
  private final Consumer<OomKillEvent> consumer;
  private final Thread thread;
  private volatile WatcherCursor cursor;
  private volatile IOException failure;

  private OomKillWatcher(
      KernelLogSource source,
      String hostId,
      String bootId,
      Path stateFile,
      Consumer<OomKillEvent> consumer) {
    this.source = source;
    this.hostId = hostId;
    this.bootId = bootId;
    this.stateFile = stateFile;
    this.consumer = consumer;
    this.cursor = WatcherCursor.load(stateFile, bootId);
    this.thread = new Thread(this::run, "oom-kill-watcher");
    thread.setDaemon(true);
  }

  /**
   * Starts following {@code source} (e.g. {@link KernelLogSources#thisHost(boolean)} with {@code
   * true}); the watcher owns the source and closes it on {@link #close()}.
   */
  public static OomKillWatcher start(
      KernelLogSource source,
      String hostId,
      String bootId,
      Path stateFile,
      Consumer<OomKillEvent> consumer) {
    OomKillWatcher watcher =
        new OomKillWatcher(
            Objects.requireNonNull(source),
            Objects.requireNonNull(hostId),
            Objects.requireNonNull(bootId),
            Objects.requireNonNull(stateFile),
            Objects.requireNonNull(consumer));
    watcher.thread.start();
    return watcher;
  }

  /** Whether it is still reading; false once the source ended, failed or was closed. */
  public boolean isRunning() {
    return thread.isAlive();
  }

  /** Why reading stopped, when the source could not be read; null otherwise. */
  public IOException failure() {
    return failure;
  }

  private void run() {
    OomKillParser parser = new OomKillParser();
    try {
      source.read(
          line -> {
            if (cursor.alreadyRead(line)) {
              return;
            }
            for (OomKill kill : parser.accept(line)) {
              handle(kill);
            }
          });
    } catch (IOException e) {
      failure = e;
      LOG.error("OOM kills are not watched: {}", e.getMessage());
    }
  }

  private void handle(OomKill kill) {
    if (cursor.alreadyReported(kill)) {
      return;
    }
    try {
      consumer.accept(OomKillEvents.toAvro(kill, hostId, bootId, System.currentTimeMillis()));
    } catch (RuntimeException e) {
      // The consumer's trouble (a full queue, a closed producer) must not stop the watching.
      LOG.warn(
          "OOM kill of {} ({}) was not delivered: {}", kill.pid(), kill.process(), e.toString());
    }
    cursor = cursor.after(kill);
    try {
      cursor.save(stateFile);
    } catch (IOException e) {
      LOG.warn("Cannot record OOM watcher progress in {}: {}", stateFile, e.toString());
    }
  }

  /** Stops reading and waits briefly for the thread to end. */
  @Override
  public void close() {
    source.close();
    try {
      thread.join(TimeUnit.SECONDS.toMillis(5));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
