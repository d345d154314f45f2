package io.aiops.collector.procfs;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One mapping of /proc/<pid>/smaps: its header (addresses, permissions, offset, device, inode,
 * path) and every field under it. Fields printed in kB are held in bytes in {@code bytesByField};
 * the others (THPeligible, ProtectionKey, VmFlags) are kept as printed in {@code otherFields}.
 * Addresses are unsigned: the vsyscall page sits at ffffffffff600000.
 */
public record SmapsMapping(
    long startAddress,
    long endAddress,
    String permissions,
    long offset,
    String device,
    long inode,
    String path,
    Map<String, Long> bytesByField,
    Map<String, String> otherFields) {

  public SmapsMapping {
    bytesByField = Collections.unmodifiableMap(new LinkedHashMap<>(bytesByField));
    otherFields = Collections.unmodifiableMap(new LinkedHashMap<>(otherFields));
  }

  /** The field in bytes, or 0 when this kernel does not print it. */
  public long bytes(String field) {
    return bytesByField.getOrDefault(field, 0L);
  }

  /** Size (the virtual extent), from the field, else from the addresses. */
  public long sizeBytes() {
    Long size = bytesByField.get("Size");
    return size != null ? size : endAddress - startAddress;
  }

  public long rssBytes() {
    return bytes("Rss");
  }

  public long pssBytes() {
    return bytes("Pss");
  }

  public long swapBytes() {
    return bytes("Swap");
  }

  /** Dirty pages as pmap -x counts them: Shared_Dirty + Private_Dirty. */
  public long dirtyBytes() {
    return bytes("Shared_Dirty") + bytes("Private_Dirty");
  }

  /** Pages no file backs (private copies of file pages included), the smaps Anonymous field. */
  public long anonymousBytes() {
    return bytes("Anonymous");
  }

  /** Resident pages other processes map too: Shared_Clean + Shared_Dirty. */
  public long sharedBytes() {
    return bytes("Shared_Clean") + bytes("Shared_Dirty");
  }

  /** Resident pages only this process maps: Private_Clean + Private_Dirty. */
  public long privateBytes() {
    return bytes("Private_Clean") + bytes("Private_Dirty");
  }

  /** MAP_SHARED: the fourth permission letter is "s" rather than "p". */
  public boolean shared() {
    return permissions.length() > 3 && permissions.charAt(3) == 's';
  }

  public boolean writable() {
    return permissions.length() > 1 && permissions.charAt(1) == 'w';
  }

  public boolean executable() {
    return permissions.length() > 2 && permissions.charAt(2) == 'x';
  }

  /** Whether the mapped file was unlinked or replaced while mapped. */
  public boolean deleted() {
    return MappingKind.deleted(path);
  }

  public MappingKind kind() {
    return MappingKind.of(path, shared());
  }

  /** The start address as smaps prints it, without leading zeros. */
  public String startHex() {
    return Long.toHexString(startAddress);
  }

  public String endHex() {
    return Long.toHexString(endAddress);
  }
}
