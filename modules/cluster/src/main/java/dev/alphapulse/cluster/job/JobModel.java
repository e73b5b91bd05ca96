package dev.alphapulse.cluster.job;

import dev.alphapulse.engine.data.Universe;
import dev.alphapulse.engine.indicator.IndicatorCache;
import dev.alphapulse.engine.strategy.StrategyRegistry;
import dev.alphapulse.jobs.ChunkExecutor;
import dev.alphapulse.jobs.ChunkResult;
import dev.alphapulse.jobs.ChunkSpec;
import dev.alphapulse.jobs.DatasetRef;
import dev.alphapulse.jobs.JobPlan;
import dev.alphapulse.jobs.JobPlanner;
import dev.alphapulse.jobs.JobResult;
import dev.alphapulse.jobs.JobSpec;
import dev.alphapulse.jobs.ParallelizationStrategy;
import dev.alphapulse.jobs.RunResult;
import dev.alphapulse.jobs.StitchedRun;
import dev.alphapulse.jobs.TimeStitcher;
import dev.alphapulse.jobs.research.Json;
import dev.alphapulse.jobs.research.ResearchJobs;
import dev.alphapulse.jobs.research.ResearchKind;
import dev.alphapulse.jobs.research.SweepOverfitting;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.Supplier;

/**
 * The cluster's only door into the pure job model ({@code dev.alphapulse.jobs}): planning,
 * executing a chunk, folding results. Everything here is deterministic, so every node that plans a
 * ticket gets the same chunks, and folding the same results in any order gives the same result.
 */
public final class JobModel {
  private JobModel() {}

  /** Per-thread buffers of {@link #execute}; a worker slot's thread keeps one for its life. */
  private static final ThreadLocal<ChunkExecutor.Scratch> SCRATCH =
      ThreadLocal.withInitial(ChunkExecutor.Scratch::new);

  private static final class Registry {
    static final StrategyRegistry INSTANCE = StrategyRegistry.load();
  }

  private static final com.github.benmanes.caffeine.cache.Cache<String, ResearchKind> KINDS =
      com.github.benmanes.caffeine.cache.Caffeine.newBuilder().maximumSize(64).build();

  /** A research job's kind (cached per job id and spec). */
  public static ResearchKind research(JobTicket ticket) {
    return KINDS.get(
        ticket.jobId() + "@" + ticket.spec().hashCode() + "@" + ticket.dataset().contentHash(),
        k -> ResearchJobs.kind(ticket.spec(), ticket.dataset(), registry()));
  }

  /**
   * What finished jobs' results cost to assemble (a research result, a sweep's overfitting
   * statistics; both may recompute hundreds of backtests), by job and final state: a job's results
   * no longer change once it ended, so each is computed once per node however often it is read.
   */
  private static final com.github.benmanes.caffeine.cache.Cache<String, String> FINISHED =
      com.github.benmanes.caffeine.cache.Caffeine.newBuilder().maximumSize(256).build();

  /**
   * {@code compute}'s value for an ended job, computed once per {@code what}, ticket and final
   * state ({@code state}: e.g. the status and the number of results); {@code compute} itself for a
   * running job.
   */
  public static String finished(
      JobTicket ticket, boolean ended, String what, String state, Supplier<String> compute) {
    if (!ended) {
      return compute.get();
    }
    String key =
        what
            + "@"
            + ticket.jobId()
            + "@"
            + ticket.spec().hashCode()
            + "@"
            + ticket.dataset().contentHash()
            + "@"
            + state;
    return FINISHED.get(key, k -> compute.get());
  }

  /**
   * A finished sweep's overfitting statistics as JSON ({@link SweepOverfitting}); on an error, an
   * object {@code {"error": ...}} instead, so that the runs are still reported.
   */
  public static String sweepOverfitting(
      JobTicket ticket,
      List<RunResult> runs,
      String objective,
      boolean maximize,
      Supplier<Universe> universe) {
    try {
      return Json.write(
          SweepOverfitting.compute(
              plan(ticket), universe.get(), runs, objective, maximize, registry()));
    } catch (RuntimeException e) {
      return Json.write(Json.object().put("error", String.valueOf(e.getMessage())));
    }
  }

  /** The chunks a research job starts with. */
  public static int initialResearchChunks(JobSpec spec, DatasetRef dataset) {
    return ResearchJobs.kind(spec, dataset, registry()).driver().knownChunks();
  }

  /** The strategies visible to this node (built-ins and ServiceLoader providers), loaded once. */
  public static StrategyRegistry registry() {
    return Registry.INSTANCE;
  }

  /** Plans a job for {@code workers} slots. */
  public static JobPlan plan(JobSpec spec, DatasetRef dataset, int workers) {
    return JobPlanner.plan(spec, dataset, registry(), workers);
  }

  /**
   * Re-plans an accepted job.
   *
   * @throws IllegalStateException if the plan no longer has the ticket's chunk count (nodes on
   *     different builds)
   */
  public static JobPlan plan(JobTicket ticket) {
    JobPlan plan = plan(ticket.spec(), ticket.dataset(), ticket.workers());
    if (plan.chunks().size() != ticket.totalChunks()) {
      throw new IllegalStateException(
          "job "
              + ticket.jobId()
              + " plans to "
              + plan.chunks().size()
              + " chunks here but was accepted with "
              + ticket.totalChunks()
              + "; are all nodes on the same build?");
    }
    return plan;
  }

  /**
   * Computes one chunk, with the calling thread's {@link ChunkExecutor.Scratch} (worker threads
   * compute chunk after chunk).
   */
  public static ChunkResult execute(
      JobPlan plan, ChunkSpec chunk, Universe universe, IndicatorCache cache) {
    return ChunkExecutor.execute(plan, chunk, universe, cache, registry(), SCRATCH.get());
  }

  /** The empty result of a job (a research job's runs-free result has one slot). */
  public static JobResult emptyResult(JobTicket ticket) {
    return JobResult.empty(ticket.spec().type().isResearch() ? 1 : ticket.totalChunks());
  }

  /** Folds results (any order, duplicates counted once). */
  public static JobResult fold(JobTicket ticket, Collection<ChunkResult> results) {
    return JobResult.of(ticket.totalChunks(), results);
  }

  /**
   * The runs of a job's results in their final, deterministic order (parameter index, then symbol
   * index): the chunks' runs, or for a TIME_BASED job the stitched runs (which need the data, so
   * the stitch pass loads it through {@code universe}).
   */
  public static List<RunResult> finalRuns(
      JobTicket ticket, JobResult result, Supplier<Universe> universe) {
    JobPlan plan = plan(ticket);
    if (plan.strategy() != ParallelizationStrategy.TIME_BASED) {
      return result.runs();
    }
    List<RunResult> runs = new ArrayList<>();
    for (StitchedRun s :
        TimeStitcher.stitch(
            plan, result.chunks(), universe.get(), new IndicatorCache(), registry())) {
      runs.add(s.run());
    }
    return List.copyOf(runs);
  }

  /** The best run by {@code metric}, or null when there is none. */
  public static RunResult best(JobResult result, String metric, boolean maximize) {
    return result.best(metric, maximize).orElse(null);
  }
}
