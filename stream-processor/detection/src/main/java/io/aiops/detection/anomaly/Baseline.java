package io.aiops.detection.anomaly;

/**
 * What {@link AnomalyScorer} judges a point against, in this order as a series grows: the recent
 * level (first day), the first day's profile (until online STL is warm), online STL. The order is
 * the serialised code.
 */
enum Baseline {
  RECENT,
  DAILY_PROFILE,
  SEASONAL
}
