package io.aiops.cli.detect;

/**
 * One trend point of a process as the query store serves it: a window's mean RSS, and the limit the
 * stream processor measured the ETA against.
 *
 * @param limitBytes -1 when the point has none
 */
record TrendPoint(long windowStartMs, long windowEndMs, double rssMeanBytes, long limitBytes) {}
