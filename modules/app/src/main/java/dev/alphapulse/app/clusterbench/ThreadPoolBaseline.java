package dev.alphapulse.app.clusterbench;

import dev.alphapulse.cluster.data.DatasetResolver;
import dev.alphapulse.cluster.job.JobModel;
import dev.alphapulse.engine.data.Universe;
import dev.alphapulse.engine.indicator.IndicatorCache;
import dev.alphapulse.jobs.ChunkResult;
import dev.alphapulse.jobs.ChunkSpec;
import dev.alphapulse.jobs.DatasetRef;
import dev.alphapulse.jobs.JobPlan;
import dev.alphapulse.jobs.JobResult;
import dev.alphapulse.jobs.JobSpec;
import dev.alphapulse.jobs.JobType;
import dev.alphapulse.jobs.RunResult;
import dev.alphapulse.jobs.research.Json;
import dev.alphapulse.jobs.research.SweepOverfitting;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A job's chunks on a plain fixed thread pool: the work an embedded node does for a job minus the
 * cluster (no actors, no journal, no leases, no result cache), which is what "coordination
 * overhead" is measured against.
 *
 * <p>Same steps as a node: load and fingerprint the data ({@link DatasetResolver#describe}, as the
 * submitting node does), plan with {@link JobModel#plan}, compute every chunk with {@link
 * JobModel#execute} (the same {@code ChunkExecutor} call a worker makes) sharing one indicator
 * cache, fold the results with {@link JobModel#fold}; on request, for a sweep, the overfitting
 * statistics a node adds to a finished sweep's result ({@link SweepOverfitting}), to check the
 * node's result against.
 */
final class ThreadPoolBaseline {
  private ThreadPoolBaseline() {}

  /** The statistic a node ranks runs by unless configured otherwise. */
  static final String OBJECTIVE = "Sharpe Ratio";

  /**
   * The runs of a job, in their final order, the number of chunks, and for a sweep its overfitting
   * statistics as the node reports them (JSON).
   */
  record Outcome(List<RunResult> runs, int chunks, String overfitting) {}

  /**
   * Computes {@code spec} on {@code threads} threads; returns its runs.
   *
   * @param overfitting also compute a sweep's overfitting statistics (not part of the timed work:
   *     every figure is timed to the job's end, before its result is assembled)
   */
  static Outcome run(JobSpec spec, int threads, boolean overfitting) throws InterruptedException {
    DatasetResolver datasets = DatasetResolver.create(1L << 30);
    DatasetRef ref = datasets.describe(spec.data(), Path.of("").toAbsolutePath());
    Universe universe = datasets.resolve(ref);
    JobPlan plan = JobModel.plan(spec, ref, threads);
    IndicatorCache cache = new IndicatorCache();
    AtomicInteger n = new AtomicInteger();
    ExecutorService pool =
        Executors.newFixedThreadPool(
            threads,
            r -> {
              Thread t = new Thread(r, "threadpool-baseline-" + n.incrementAndGet());
              t.setDaemon(true);
              return t;
            });
    try {
      List<Future<ChunkResult>> futures = new ArrayList<>(plan.chunkCount());
      for (ChunkSpec chunk : plan.chunks()) {
        futures.add(pool.submit(() -> JobModel.execute(plan, chunk, universe, cache)));
      }
      List<ChunkResult> results = new ArrayList<>(futures.size());
      for (Future<ChunkResult> f : futures) {
        results.add(f.get());
      }
      JobResult folded = JobResult.of(plan.chunkCount(), results);
      String statistics = null;
      if (overfitting && spec.type() == JobType.SWEEP) {
        // What a node adds when it assembles a finished sweep (JobModel.sweepOverfitting).
        statistics =
            Json.write(
                SweepOverfitting.compute(
                    plan, universe, folded.runs(), OBJECTIVE, true, JobModel.registry()));
      }
      return new Outcome(folded.runs(), plan.chunkCount(), statistics);
    } catch (ExecutionException e) {
      throw new IllegalStateException("a chunk failed: " + e.getCause(), e.getCause());
    } finally {
      pool.shutdownNow();
    }
  }
}
