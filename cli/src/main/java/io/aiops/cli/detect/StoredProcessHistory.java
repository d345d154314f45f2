package io.aiops.cli.detect;

import io.aiops.cli.render.DurationText;
import io.aiops.collector.host.HostIdentity;
import io.aiops.collector.procfs.ProcessReading;
import io.aiops.streams.topology.ProcessSeriesId;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.Optional;

/**
 * Looks a live process up in the query store before watching it: the series the stream processor
 * keeps for exactly this process (host id as the collector computes it, boot id, pid and start
 * time, so an earlier process that had the same pid is not mixed in), over the period asked. Says
 * in one line on stderr what it found and what happens next.
 */
final class StoredProcessHistory {
  // Asked for this much more than needed: the window still open and the sink's lag are missing at
  // the recent end, so a store kept up to date still covers what is needed.
  private static final Duration MARGIN = Duration.ofMinutes(30);

  private final String url;
  private final TrendQueryClient client;
  private final HostIdentity host;

  StoredProcessHistory(String url, HostIdentity host) {
    this.url = url;
    this.client = new TrendQueryClient(url);
    this.host = host;
  }

  /**
   * The process's history before {@code nowMs} when the store holds {@code needed} of it (what a
   * verdict on the {@code asked} history takes); empty when the command must watch live instead.
   */
  Optional<MemorySeries> lookUp(
      ProcessReading process, Duration asked, Duration needed, long nowMs, PrintWriter err)
      throws InterruptedException {
    String who = "pid " + process.pid() + " (" + process.comm() + ")";
    String seriesId =
        ProcessSeriesId.of(host.hostId(), host.bootId(), process.pid(), process.startTimeTicks());
    long sinceMs = nowMs - needed.plus(MARGIN).toMillis();
    StoredHistory stored;
    try {
      stored = new StoredHistory(client.points(host.hostId(), seriesId, sinceMs));
    } catch (TrendQueryClient.Unavailable e) {
      say(
          err,
          "the query store at " + url + " cannot be asked (" + e.getMessage() + ")" + live(who));
      return Optional.empty();
    }
    if (stored.points().isEmpty()) {
      say(err, "the query store at " + url + " has no history of " + who + "; watching it live");
      return Optional.empty();
    }
    if (!stored.covers(needed)) {
      Duration bucket = needed.minus(asked);
      say(
          err,
          "the query store at "
              + url
              + " has "
              + DurationText.format(stored.covered())
              + " of "
              + who
              + "'s history, less than the "
              + DurationText.format(asked)
              + " asked"
              + (bucket.isZero()
                  ? ""
                  : " and the detector's " + DurationText.format(bucket) + " bucket")
              + "; watching it live");
      return Optional.empty();
    }
    say(
        err,
        who
            + ": "
            + DurationText.format(stored.covered())
            + " of history from the query store at "
            + url
            + " ("
            + stored.points().size()
            + " trend points), not watched");
    return Optional.of(stored.series("pid:" + process.pid()));
  }

  private static String live(String who) {
    return "; watching " + who + " live";
  }

  private static void say(PrintWriter err, String line) {
    err.println("aiops: " + line);
    err.flush();
  }
}
