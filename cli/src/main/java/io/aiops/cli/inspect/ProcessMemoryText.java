package io.aiops.cli.inspect;

import io.aiops.cli.render.ByteSize;
import io.aiops.cli.render.Terminal;
import io.aiops.collector.procfs.MappingKind;
import io.aiops.collector.procfs.MappingTotals;
import io.aiops.collector.procfs.SmapsMapping;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** The report a person reads about one process's memory map. */
final class ProcessMemoryText {
  private static final String KIND_ROW = "%-20s %5s %9s %9s %9s %9s %9s %9s %9s %9s  %s%n";
  private static final Pattern TRAILING_BLANKS = Pattern.compile("(?m) +$");
  private static final String MAP_ROW = "%-16s %9s %9s %9s %9s %9s %-5s %-18s %s%n";

  private ProcessMemoryText() {}

  static String report(
      InspectedProcess p, ProcessMemoryMap map, boolean maps, boolean detail, Terminal terminal) {
    StringBuilder out = new StringBuilder();
    MappingTotals total = map.total();
    out.append(
        terminal.bold(
            String.format(
                Locale.ROOT,
                "pid %d (%s), owner %s: %s",
                p.pid(),
                p.comm(),
                p.owner(),
                p.cmdline().isEmpty() ? "[" + p.comm() + "]" : p.cmdline())));
    out.append('\n');
    out.append(
        String.format(
            Locale.ROOT,
            "%d mappings: size %s, RSS %s, PSS %s, swap %s, dirty %s (status says RSS %s)%n",
            total.mappings(),
            ByteSize.format(total.sizeBytes()),
            ByteSize.format(total.rssBytes()),
            ByteSize.format(total.pssBytes()),
            ByteSize.format(total.swapBytes()),
            ByteSize.format(total.dirtyBytes()),
            ByteSize.format(p.statusRssBytes())));
    regions(out, map, terminal);
    libraries(out, map, terminal);
    largest(out, map, terminal);
    unusual(out, map, terminal);
    jitCode(out, map, terminal);
    if (maps || detail) {
      everyMapping(out, map, detail, terminal);
    }
    // Rows whose last column is empty (anonymous mappings have no path) end without blanks.
    return TRAILING_BLANKS.matcher(out).replaceAll("");
  }

  private static void regions(StringBuilder out, ProcessMemoryMap map, Terminal terminal) {
    out.append('\n');
    out.append(
        terminal.bold(
            String.format(
                Locale.ROOT,
                KIND_ROW,
                "REGION",
                "MAPS",
                "SIZE",
                "RSS",
                "PSS",
                "SWAP",
                "DIRTY",
                "ANON",
                "SHARED",
                "PRIVATE",
                "PERMISSIONS")));
    for (Map.Entry<MappingKind, MappingTotals> region : map.byKind().entrySet()) {
      out.append(
          kindRow(
              region.getKey().label(),
              region.getValue(),
              String.join(" ", map.permissions(region.getKey()))));
    }
    out.append(kindRow("total", map.total(), ""));
  }

  private static String kindRow(String label, MappingTotals t, String permissions) {
    return String.format(
        Locale.ROOT,
        KIND_ROW,
        label,
        t.mappings(),
        ByteSize.format(t.sizeBytes()),
        ByteSize.format(t.rssBytes()),
        ByteSize.format(t.pssBytes()),
        ByteSize.format(t.swapBytes()),
        ByteSize.format(t.dirtyBytes()),
        ByteSize.format(t.anonymousBytes()),
        ByteSize.format(t.sharedBytes()),
        ByteSize.format(t.privateBytes()),
        permissions);
  }

  private static void libraries(StringBuilder out, ProcessMemoryMap map, Terminal terminal) {
    List<Map.Entry<String, MappingTotals>> libraries = map.largestLibraries();
    if (libraries.isEmpty()) {
      return;
    }
    out.append('\n').append(terminal.bold("LARGEST SHARED LIBRARIES (by RSS)")).append('\n');
    for (Map.Entry<String, MappingTotals> library : libraries) {
      MappingTotals t = library.getValue();
      String path = library.getKey();
      out.append(
          String.format(
              Locale.ROOT,
              "  %-28s size %9s  rss %9s  pss %9s  %s%n",
              path.substring(path.lastIndexOf('/') + 1),
              ByteSize.format(t.sizeBytes()),
              ByteSize.format(t.rssBytes()),
              ByteSize.format(t.pssBytes()),
              path));
    }
  }

  private static void largest(StringBuilder out, ProcessMemoryMap map, Terminal terminal) {
    out.append('\n').append(terminal.bold("LARGEST MAPPINGS (by RSS)")).append('\n');
    out.append(
        String.format(
            Locale.ROOT,
            "  %-16s %-5s %-18s %9s %9s %9s  %s%n",
            "ADDRESS",
            "PERMS",
            "KIND",
            "SIZE",
            "RSS",
            "DIRTY",
            "PATH"));
    for (SmapsMapping m : map.largestMappings()) {
      out.append(
          String.format(
              Locale.ROOT,
              "  %-16s %-5s %-18s %9s %9s %9s  %s%n",
              m.startHex(),
              m.permissions(),
              m.kind().label(),
              ByteSize.format(m.sizeBytes()),
              ByteSize.format(m.rssBytes()),
              ByteSize.format(m.dirtyBytes()),
              m.path()));
    }
  }

  private static void unusual(StringBuilder out, ProcessMemoryMap map, Terminal terminal) {
    out.append('\n').append(terminal.bold("UNUSUAL MAPPINGS")).append('\n');
    List<UnusualMapping> unusual = map.unusual();
    if (unusual.isEmpty()) {
      out.append("  none\n");
      return;
    }
    UnusualMapping.Finding previous = null;
    for (UnusualMapping u : unusual) {
      if (u.finding() != previous) {
        previous = u.finding();
        out.append("  ")
            .append(terminal.warn(u.finding().label()))
            .append(": ")
            .append(u.finding().meaning())
            .append('\n');
      }
      out.append(row(u));
    }
  }

  /** Listed for what it is, after the unusual mappings, and only when there is some. */
  private static void jitCode(StringBuilder out, ProcessMemoryMap map, Terminal terminal) {
    List<UnusualMapping> jit = map.jitCode();
    if (jit.isEmpty()) {
      return;
    }
    out.append('\n').append(terminal.bold("JIT CODE (not unusual)")).append('\n');
    out.append("  ").append(UnusualMapping.Finding.JIT_CODE.meaning()).append('\n');
    jit.forEach(u -> out.append(row(u)));
  }

  private static String row(UnusualMapping u) {
    return String.format(
        Locale.ROOT,
        "    %-16s %-5s size %9s  rss %9s  %s%s%n",
        u.address(),
        u.permissions(),
        ByteSize.format(u.sizeBytes()),
        ByteSize.format(u.rssBytes()),
        u.path().isEmpty() ? "[anonymous]" : u.path(),
        u.mappings() > 1 ? " (" + u.mappings() + " mappings)" : "");
  }

  /** Every mapping, in KiB as pmap -x prints them, so the two can be read side by side. */
  private static void everyMapping(
      StringBuilder out, ProcessMemoryMap map, boolean detail, Terminal terminal) {
    out.append('\n')
        .append(
            terminal.bold(
                String.format(
                    Locale.ROOT,
                    MAP_ROW,
                    "ADDRESS",
                    "KBYTES",
                    "RSS",
                    "PSS",
                    "SWAP",
                    "DIRTY",
                    "PERMS",
                    "KIND",
                    "MAPPING")));
    for (SmapsMapping m : map.mappings()) {
      out.append(
          String.format(
              Locale.ROOT,
              MAP_ROW,
              String.format(Locale.ROOT, "%016x", m.startAddress()),
              m.sizeBytes() / 1024,
              m.rssBytes() / 1024,
              m.pssBytes() / 1024,
              m.swapBytes() / 1024,
              m.dirtyBytes() / 1024,
              m.permissions(),
              m.kind().label(),
              m.path()));
      if (detail) {
        out.append("    ").append(fields(m)).append('\n');
      }
    }
    MappingTotals t = map.total();
    out.append(
        String.format(
            Locale.ROOT,
            MAP_ROW,
            "total kB",
            t.sizeBytes() / 1024,
            t.rssBytes() / 1024,
            t.pssBytes() / 1024,
            t.swapBytes() / 1024,
            t.dirtyBytes() / 1024,
            "",
            "",
            ""));
  }

  private static String fields(SmapsMapping m) {
    String sizes =
        m.bytesByField().entrySet().stream()
            .map(e -> e.getKey() + ": " + e.getValue() / 1024 + " kB")
            .collect(Collectors.joining(", "));
    String others =
        m.otherFields().entrySet().stream()
            .map(e -> e.getKey() + ": " + e.getValue())
            .collect(Collectors.joining(", "));
    return others.isEmpty() ? sizes : sizes + ", " + others;
  }
}
