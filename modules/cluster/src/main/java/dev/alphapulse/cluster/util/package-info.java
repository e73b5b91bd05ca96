/**
 * Node-local utilities of the cluster layer, on libraries where one exists: CPU and memory
 * monitoring (OSHI), retry with exponential back-off (Resilience4j), resending idempotent asks on
 * Pekko's scheduler, the on-disk chunk-result cache, partition sizing, and node naming.
 */
package dev.alphapulse.cluster.util;
