package dev.alphapulse.cluster.util;

import dev.alphapulse.jobs.PartitionSizing;

/**
 * The seed's {@code optimizePartitionSize(total, workers, min, max)}, for callers of the cluster
 * layer; the rule itself lives in the pure job model ({@link PartitionSizing}).
 */
public final class PartitionSizes {
  private PartitionSizes() {}

  /**
   * Items per partition for {@code total} items over {@code workers} workers, within {@code [min,
   * max]}; see {@link PartitionSizing#optimizePartitionSize}.
   */
  public static int optimizePartitionSize(int total, int workers, int min, int max) {
    return PartitionSizing.optimizePartitionSize(total, workers, min, max);
  }
}
