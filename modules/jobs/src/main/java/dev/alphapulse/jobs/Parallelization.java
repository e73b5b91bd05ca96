package dev.alphapulse.jobs;

/**
 * The {@code parallelization:} block: {@code {strategy: PARAMETER_BASED, chunk-size: 20}}.
 *
 * @param strategy how to split; {@link ParallelizationStrategy#AUTO} lets the planner pick
 * @param chunkSize work items per chunk (parameter sets, symbols or bars, by strategy), or {@link
 *     #AUTO_CHUNK_SIZE} (0) for {@code auto}, which uses {@link
 *     PartitionSizing#optimizePartitionSize}
 */
public record Parallelization(ParallelizationStrategy strategy, int chunkSize) {

  /** The {@code chunkSize} written {@code auto}. */
  public static final int AUTO_CHUNK_SIZE = 0;

  public Parallelization {
    if (strategy == null) {
      throw new JobSpecException("parallelization.strategy", "is missing");
    }
    if (chunkSize < 0) {
      throw new JobSpecException(
          "parallelization.chunk-size", "must be a positive integer or auto, was " + chunkSize);
    }
  }

  /** {@code {strategy: AUTO, chunk-size: auto}}, the default. */
  public static Parallelization defaults() {
    return new Parallelization(ParallelizationStrategy.AUTO, AUTO_CHUNK_SIZE);
  }

  /** Whether the chunk size is {@code auto}. */
  public boolean autoChunkSize() {
    return chunkSize == AUTO_CHUNK_SIZE;
  }
}
