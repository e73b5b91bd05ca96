package dev.alphapulse.cluster.worker;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.alphapulse.cluster.data.DatasetResolver;
import dev.alphapulse.cluster.job.JobModel;
import dev.alphapulse.cluster.job.JobTicket;
import dev.alphapulse.engine.data.Universe;
import dev.alphapulse.engine.indicator.IndicatorCache;
import dev.alphapulse.jobs.ChunkResult;
import dev.alphapulse.jobs.ChunkSpec;
import dev.alphapulse.jobs.JobPlan;
import java.time.Duration;
import java.util.Optional;

/**
 * Computes chunks on a node: plans the job from its ticket (cached per job), resolves its dataset
 * (cached per node, hash-checked), shares indicator columns between the chunks of a job on this
 * node, and reuses results from the on-disk {@link ChunkResultCache} when one is configured.
 *
 * <p>Thread-safe: called from the worker pool's executor threads.
 */
public final class ChunkRunner {

  /** A job's indicator cache, tied to the universe instance its columns were computed on. */
  private record Indicators(Universe universe, IndicatorCache cache) {}

  private final DatasetResolver datasets;
  private final ChunkResultCache results; // may be null
  private final Cache<String, JobPlan> plans =
      Caffeine.newBuilder().maximumSize(64).expireAfterAccess(Duration.ofMinutes(30)).build();
  private final Cache<String, Indicators> indicators =
      Caffeine.newBuilder()
          .maximumSize(4)
          .expireAfterAccess(Duration.ofMinutes(10))
          .removalListener(
              (String k, Indicators v, com.github.benmanes.caffeine.cache.RemovalCause c) -> {
                if (v != null) {
                  v.cache().clear();
                }
              })
          .build();

  /**
   * A runner.
   *
   * @param results on-disk result cache, or null for none
   */
  public ChunkRunner(DatasetResolver datasets, ChunkResultCache results) {
    this.datasets = datasets;
    this.results = results;
  }

  /**
   * Computes (or reuses) chunk {@code chunkId} of the ticket's job; a research job's chunk runs its
   * {@code task} (sent by the coordinator, as a study's next trials depend on earlier ones).
   */
  public ChunkResult run(JobTicket ticket, int chunkId, String task) {
    if (ticket.spec().type().isResearch()) {
      if (task == null) {
        throw new IllegalArgumentException("research chunk " + chunkId + " came without a task");
      }
      Universe universe = datasets.resolve(ticket.dataset());
      return ChunkResult.ofPayload(chunkId, JobModel.research(ticket).execute(task, universe));
    }
    return run(ticket, chunkId);
  }

  /** Computes (or reuses) chunk {@code chunkId} of the ticket's (sweep or backtest) job. */
  public ChunkResult run(JobTicket ticket, int chunkId) {
    JobPlan plan = plans.get(ticket.jobId(), id -> JobModel.plan(ticket));
    if (chunkId < 0 || chunkId >= plan.chunks().size()) {
      throw new IllegalArgumentException(
          "job " + ticket.jobId() + " has no chunk " + chunkId + " (" + plan.chunks().size() + ")");
    }
    ChunkSpec chunk = plan.chunks().get(chunkId);
    String key = results == null ? null : results.keyOf(plan, chunk);
    if (key != null) {
      Optional<ChunkResult> hit = results.get(key, chunkId);
      if (hit.isPresent()) {
        return hit.get();
      }
    }
    Universe universe = datasets.resolve(ticket.dataset());
    Indicators ind =
        indicators
            .asMap()
            .compute(
                ticket.jobId(),
                (id, old) ->
                    old != null && old.universe() == universe
                        ? old
                        : new Indicators(universe, new IndicatorCache()));
    ChunkResult r = JobModel.execute(plan, chunk, universe, ind.cache());
    if (key != null) {
      results.put(key, r);
    }
    return r;
  }

  /** Drops what is cached for a job that ended. */
  public void forget(String jobId) {
    plans.invalidate(jobId);
    indicators.invalidate(jobId);
  }
}
