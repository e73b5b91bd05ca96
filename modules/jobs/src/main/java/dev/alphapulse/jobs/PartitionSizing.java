package dev.alphapulse.jobs;

/**
 * Chunk sizes for {@code chunk-size: auto}.
 *
 * <h2>Rule</h2>
 *
 * Aim for {@value #CHUNKS_PER_WORKER} chunks per worker slot: with work pulled on demand, several
 * chunks per slot let fast slots take over the tail of slow ones (load balance) while keeping the
 * per-chunk coordination cost (a message, a journal event, a merge) small next to the work. So the
 * size is {@code ceil(total / (workers * 4))}, clamped to {@code [min, max]} and never below 1.
 */
public final class PartitionSizing {
  /** Chunks aimed for per worker slot. */
  public static final int CHUNKS_PER_WORKER = 4;

  private PartitionSizing() {}

  /**
   * The number of work items per chunk.
   *
   * @param total work items (parameter sets, symbols or bars), {@code >= 0}
   * @param workers worker slots that compute chunks at once, {@code >= 1}
   * @param min smallest size wanted (values below 1 count as 1)
   * @param max largest size wanted, {@code >= max(min, 1)}
   * @return {@code clamp(ceil(total / (4 * workers)), max(1, min), max)}; 1 ... max for {@code
   *     total = 0}
   * @throws IllegalArgumentException if {@code total < 0}, {@code workers < 1} or {@code max <
   *     max(min, 1)}
   */
  public static int optimizePartitionSize(long total, int workers, int min, int max) {
    if (total < 0) {
      throw new IllegalArgumentException("total must be >= 0, was " + total);
    }
    if (workers < 1) {
      throw new IllegalArgumentException("workers must be >= 1, was " + workers);
    }
    int lower = Math.max(1, min);
    if (max < lower) {
      throw new IllegalArgumentException("max " + max + " must be >= max(min, 1) = " + lower);
    }
    long target = (long) workers * CHUNKS_PER_WORKER;
    long size = (total + target - 1) / target;
    return (int) Math.max(lower, Math.min(max, size));
  }
}
