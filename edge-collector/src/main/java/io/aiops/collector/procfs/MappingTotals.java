package io.aiops.collector.procfs;

/** Sums of smaps figures over a set of mappings (a region kind, a library, a whole process). */
public record MappingTotals(
    int mappings,
    long sizeBytes,
    long rssBytes,
    long pssBytes,
    long swapBytes,
    long dirtyBytes,
    long anonymousBytes,
    long sharedBytes,
    long privateBytes) {

  public static final MappingTotals NONE = new MappingTotals(0, 0, 0, 0, 0, 0, 0, 0, 0);

  public MappingTotals plus(SmapsMapping m) {
    return new MappingTotals(
        mappings + 1,
        sizeBytes + m.sizeBytes(),
        rssBytes + m.rssBytes(),
        pssBytes + m.pssBytes(),
        swapBytes + m.swapBytes(),
        dirtyBytes + m.dirtyBytes(),
        anonymousBytes + m.anonymousBytes(),
        sharedBytes + m.sharedBytes(),
        privateBytes + m.privateBytes());
  }

  public MappingTotals plus(MappingTotals o) {
    return new MappingTotals(
        mappings + o.mappings,
        sizeBytes + o.sizeBytes,
        rssBytes + o.rssBytes,
        pssBytes + o.pssBytes,
        swapBytes + o.swapBytes,
        dirtyBytes + o.dirtyBytes,
        anonymousBytes + o.anonymousBytes,
        sharedBytes + o.sharedBytes,
        privateBytes + o.privateBytes);
  }
}
