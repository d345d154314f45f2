package io.aiops.collector.procfs;

/**
 * One kernel slab cache of /proc/slabinfo: objects of one size (dentries, inodes, kmalloc-64, ...)
 * carved out of whole pages.
 *
 * @param name the cache's name
 * @param activeObjects objects in use
 * @param objects objects allocated, in use or not
 * @param objectSizeBytes size of one object
 * @param pagesPerSlab pages in one slab
 * @param slabs slabs allocated
 */
public record SlabCache(
    String name,
    long activeObjects,
    long objects,
    long objectSizeBytes,
    long pagesPerSlab,
    long slabs) {

  /**
   * The memory the cache holds: whole slabs, as slabtop's "CACHE SIZE" counts it; free objects in
   * them cost memory too.
   */
  public long bytes(long pageSizeBytes) {
    return slabs * pagesPerSlab * pageSizeBytes;
  }

  /** The part holding objects in use. */
  public long activeBytes() {
    return activeObjects * objectSizeBytes;
  }
}
