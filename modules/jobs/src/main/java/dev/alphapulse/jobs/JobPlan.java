package dev.alphapulse.jobs;

import dev.alphapulse.engine.strategy.Params;
import java.util.List;
import java.util.Objects;

/**
 * A job split into chunks by {@link JobPlanner}: the spec, the dataset it runs on, its parameter
 * sets in grid order and its chunks. Deterministic: the same spec, dataset and worker count give an
 * equal plan.
 *
 * @param spec the job as submitted
 * @param dataset the data it runs on (by reference)
 * @param paramSets every parameter set, in grid order; a {@link RunResult#paramIndex()} indexes it
 * @param chunks the chunks, {@code chunks.get(i).id() == i}
 * @param strategy how the chunks split the work: the spec's strategy, or what {@code AUTO} resolved
 *     to (never {@code AUTO})
 */
public record JobPlan(
    JobSpec spec,
    DatasetRef dataset,
    List<Params> paramSets,
    List<ChunkSpec> chunks,
    ParallelizationStrategy strategy) {

  public JobPlan {
    Objects.requireNonNull(spec, "spec");
    Objects.requireNonNull(dataset, "dataset");
    paramSets = List.copyOf(paramSets);
    chunks = List.copyOf(chunks);
    Objects.requireNonNull(strategy, "strategy");
    if (strategy == ParallelizationStrategy.AUTO
        || strategy == ParallelizationStrategy.MONTE_CARLO) {
      throw new IllegalArgumentException("a plan's strategy cannot be " + strategy);
    }
    if (paramSets.isEmpty()) {
      throw new IllegalArgumentException("a plan has at least one parameter set");
    }
    if (chunks.isEmpty()) {
      throw new IllegalArgumentException("a plan has at least one chunk");
    }
    for (int i = 0; i < chunks.size(); i++) {
      ChunkSpec c = chunks.get(i);
      if (c.id() != i) {
        throw new IllegalArgumentException("chunk at index " + i + " has id " + c.id());
      }
      if (c.paramTo() > paramSets.size()
          || c.symbolTo() > dataset.symbols().size()
          || c.barTo() > dataset.bars()) {
        throw new IllegalArgumentException("chunk " + c + " reaches outside the plan");
      }
    }
  }

  /** Number of chunks. */
  public int chunkCount() {
    return chunks.size();
  }

  /** The chunk of that id. */
  public ChunkSpec chunk(int id) {
    return chunks.get(id);
  }
}
