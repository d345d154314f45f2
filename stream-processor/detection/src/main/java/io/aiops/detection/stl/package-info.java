/**
 * STL seasonal-trend decomposition: batch ({@link io.aiops.detection.stl.StlDecomposition}, R's
 * {@code stats::stl} algorithm) and streaming ({@link io.aiops.detection.stl.OnlineStl}, O(1) per
 * point). Plain Java, like the rest of the detectors.
 */
package io.aiops.detection.stl;
