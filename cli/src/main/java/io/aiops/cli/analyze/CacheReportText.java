package io.aiops.cli.analyze;

import static io.aiops.cli.render.LabelledLines.line;
import static io.aiops.cli.render.LabelledLines.list;

import io.aiops.cli.render.ByteSize;
import io.aiops.cli.render.Terminal;
import io.aiops.collector.procfs.SlabCache;
import io.aiops.detection.host.CacheThrashing;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;
import java.util.OptionalLong;

/** The page cache and slab report a person reads: what they hold, how well the cache works. */
final class CacheReportText {
  private CacheReportText() {}

  static String report(CacheReport r, Terminal terminal) {
    StringBuilder out = new StringBuilder();
    out.append(
        String.format(
            Locale.ROOT,
            "Page cache and slab of %s: %s%s%n",
            r.sampled().subject(),
            state(r, terminal),
            over(r)));
    line(out, "page cache", pageCache(r));
    line(out, "slab", slab(r));
    slabTable(out, r, terminal);
    line(out, "dirty", dirty(r));
    if (r.sampled().rates().isPresent()) {
      line(
          out,
          "writeback",
          perSecond(r.dirtiedPagesPerSecond(), "pages/s dirtied")
              + ", "
              + perSecond(r.writtenPagesPerSecond(), "pages/s written back"));
      line(out, "refaults", refaults(r));
      line(out, "efficiency", efficiency(r));
    }
    list(out, "what to do", CacheAdvice.nextSteps(r));
    List<String> notes = new ArrayList<>();
    if (r.sampled().ratesNote() != null) {
      notes.add(r.sampled().ratesNote());
    }
    notes.addAll(r.notes());
    list(out, "notes", notes);
    return out.toString();
  }

  private static String state(CacheReport r, Terminal terminal) {
    String thrashing = CacheReportJson.thrashing(r);
    if (thrashing == null) {
      return "sizes only, no rates";
    }
    if (!thrashing.equals("none")) {
      String text = "THRASHING (" + thrashing + ")";
      return thrashing.equals("critical") ? terminal.alarm(text) : terminal.warn(text);
    }
    return r.bloat().isPresent() ? terminal.warn("PAGE-CACHE BLOAT") : terminal.ok("efficient");
  }

  private static String over(CacheReport r) {
    OptionalDouble seconds = r.sampled().intervalSeconds();
    return seconds.isPresent()
        ? String.format(Locale.ROOT, " (rates over %.1f s)", seconds.getAsDouble())
        : "";
  }

  private static String pageCache(CacheReport r) {
    return String.format(
        Locale.ROOT,
        "%s cached + %s buffers: %s droppable file pages (%s active, %s inactive), %s"
            + " shmem/tmpfs; %s mapped by processes",
        ByteSize.format(r.bytes("Cached")),
        ByteSize.format(r.bytes("Buffers")),
        ByteSize.format(r.fileCacheBytes()),
        ByteSize.format(r.bytes("Active(file)")),
        ByteSize.format(r.bytes("Inactive(file)")),
        ByteSize.format(r.bytes("Shmem")),
        ByteSize.format(r.bytes("Mapped")));
  }

  private static String slab(CacheReport r) {
    return String.format(
        Locale.ROOT,
        "%s: %s reclaimable, %s unreclaimable",
        ByteSize.format(r.bytes("Slab")),
        ByteSize.format(r.bytes("SReclaimable")),
        ByteSize.format(r.bytes("SUnreclaim")));
  }

  private static void slabTable(StringBuilder out, CacheReport r, Terminal terminal) {
    if (r.slabCaches().isEmpty()) {
      return;
    }
    List<SlabCache> caches = r.slabCaches().get();
    long page = r.sampled().later().pageSizeBytes();
    line(
        out,
        "largest caches",
        terminal.bold(
            String.format(
                Locale.ROOT, "%-22s %10s %10s %9s", "NAME", "SIZE", "OBJECTS", "OBJ SIZE")));
    for (SlabCache c :
        caches.subList(0, Math.min(CacheReportJson.SLAB_CACHES_SHOWN, caches.size()))) {
      line(
          out,
          "",
          String.format(
              Locale.ROOT,
              "%-22s %10s %10d %9s",
              c.name(),
              ByteSize.format(c.bytes(page)),
              c.objects(),
              ByteSize.format(c.objectSizeBytes())));
    }
    line(
        out,
        "",
        String.format(
            Locale.ROOT,
            "(%d caches, %s in all)",
            caches.size(),
            ByteSize.format(r.slabListedBytes())));
  }

  private static String dirty(CacheReport r) {
    return String.format(
        Locale.ROOT,
        "%s dirty, %s under writeback: %.1f %% of dirtyable memory (%s)",
        ByteSize.format(r.bytes("Dirty")),
        ByteSize.format(r.bytes("Writeback")),
        100 * r.dirtyShareRatio(),
        dirtyLimits(r));
  }

  private static String dirtyLimits(CacheReport r) {
    OptionalLong bytes = r.settings().getOrDefault("dirty_bytes", OptionalLong.empty());
    OptionalLong ratio = r.settings().getOrDefault("dirty_ratio", OptionalLong.empty());
    OptionalLong background =
        r.settings().getOrDefault("dirty_background_ratio", OptionalLong.empty());
    if (bytes.isPresent() && bytes.getAsLong() > 0) {
      return "vm.dirty_bytes " + ByteSize.format(bytes.getAsLong());
    }
    if (ratio.isEmpty()) {
      return "vm.dirty_* unknown";
    }
    return "vm.dirty_background_ratio "
        + (background.isPresent() ? Long.toString(background.getAsLong()) : "?")
        + ", vm.dirty_ratio "
        + ratio.getAsLong();
  }

  private static String refaults(CacheReport r) {
    String file = perSecond(r.fileRefaultsPerSecond(), "file pages/s");
    if (r.fileRefaultBytesPerSecond().isPresent()) {
      file +=
          String.format(
              Locale.ROOT,
              " (%s/s, %.3f %% of RAM a second; thrashing from %s/s)",
              ByteSize.format(r.fileRefaultBytesPerSecond().getAsDouble()),
              100 * r.fileRefaultBytesPerSecond().getAsDouble() / r.memTotalBytes(),
              ByteSize.format(CacheThrashing.warningBytesPerSecond(r.memTotalBytes())));
    }
    return r.anonRefaultsPerSecond().isPresent()
        ? file + ", " + perSecond(r.anonRefaultsPerSecond(), "anon pages/s back from swap")
        : file;
  }

  private static String efficiency(CacheReport r) {
    List<String> parts = new ArrayList<>();
    if (r.refaultShareOfPageInsRatio().isPresent()) {
      parts.add(
          String.format(
              Locale.ROOT,
              "%.1f %% of the %.0f pages/s read from disk were pages the cache had evicted",
              100 * r.refaultShareOfPageInsRatio().getAsDouble(),
              r.pageInsPerSecond().getAsDouble()));
    }
    if (r.activationShareOfRefaultsRatio().isPresent()) {
      parts.add(
          String.format(
              Locale.ROOT,
              "%.0f %% of the refaults were part of the working set",
              100 * r.activationShareOfRefaultsRatio().getAsDouble()));
    }
    return parts.isEmpty()
        ? "no refaults and no reads: nothing to judge"
        : String.join("; ", parts);
  }

  private static String perSecond(OptionalDouble value, String unit) {
    return value.isPresent()
        ? String.format(Locale.ROOT, "%.0f %s", value.getAsDouble(), unit)
        : "unknown " + unit;
  }
}
