package dev.alphapulse.jobs;

/**
 * One unit of work of a {@link JobPlan}: parameter sets {@code [paramFrom, paramTo)} of {@link
 * JobPlan#paramSets()}, symbols {@code [symbolFrom, symbolTo)} of the dataset, and bars {@code
 * [barFrom, barTo)} of the calendar (the whole calendar except for TIME_BASED chunks). Identified
 * by {@code id}, its index in {@link JobPlan#chunks()}.
 *
 * @param warmupBars TIME_BASED only (else 0): the look-back the plan budgets before {@code barFrom}
 *     for the strategy's warm-up, {@code min(barFrom, 1 + largest INT parameter value)} (see {@link
 *     JobPlanner}); it is what a chunk's time range plus overlap covers in a data reference. The
 *     executor reads indicator columns of the whole series instead (see {@link TimeStitcher}), so
 *     exactness never depends on this bound being right.
 */
public record ChunkSpec(
    int id,
    int paramFrom,
    int paramTo,
    int symbolFrom,
    int symbolTo,
    int barFrom,
    int barTo,
    int warmupBars) {

  public ChunkSpec {
    if (id < 0) {
      throw new IllegalArgumentException("chunk id must be >= 0, was " + id);
    }
    if (paramFrom < 0 || paramTo <= paramFrom) {
      throw new IllegalArgumentException(
          "chunk " + id + ": parameter range [" + paramFrom + ", " + paramTo + ") is empty");
    }
    if (symbolFrom < 0 || symbolTo <= symbolFrom) {
      throw new IllegalArgumentException(
          "chunk " + id + ": symbol range [" + symbolFrom + ", " + symbolTo + ") is empty");
    }
    if (barFrom < 0 || barTo <= barFrom) {
      throw new IllegalArgumentException(
          "chunk " + id + ": bar range [" + barFrom + ", " + barTo + ") is empty");
    }
    if (warmupBars < 0 || warmupBars > barFrom) {
      throw new IllegalArgumentException(
          "chunk "
              + id
              + ": warmupBars must be in [0, barFrom="
              + barFrom
              + "], was "
              + warmupBars);
    }
  }

  /** Number of parameter sets. */
  public int paramCount() {
    return paramTo - paramFrom;
  }

  /** Number of symbols. */
  public int symbolCount() {
    return symbolTo - symbolFrom;
  }

  /** Number of bars of the chunk's own range (without the warm-up). */
  public int barCount() {
    return barTo - barFrom;
  }
}
