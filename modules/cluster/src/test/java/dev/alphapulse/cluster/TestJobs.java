package dev.alphapulse.cluster;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import dev.alphapulse.cluster.data.DatasetResolver;
import dev.alphapulse.cluster.job.JobModel;
import dev.alphapulse.cluster.job.JobTicket;
import dev.alphapulse.engine.data.Universe;
import dev.alphapulse.engine.indicator.IndicatorCache;
import dev.alphapulse.jobs.ChunkExecutor;
import dev.alphapulse.jobs.ChunkResult;
import dev.alphapulse.jobs.ChunkSpec;
import dev.alphapulse.jobs.DatasetRef;
import dev.alphapulse.jobs.JobPlan;
import dev.alphapulse.jobs.JobResult;
import dev.alphapulse.jobs.JobSpec;
import dev.alphapulse.jobs.JobSpecs;
import dev.alphapulse.jobs.RunResult;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Job specs, tickets and the sequential reference run shared by the tests. */
public final class TestJobs {
  private TestJobs() {}

  /** One resolver for the whole test JVM (synthetic data is regenerated deterministically). */
  public static final DatasetResolver DATASETS = DatasetResolver.create(256L << 20);

  /** A small sma-cross sweep on synthetic data: 16 x 3 = 48 parameter sets. */
  public static JobSpec sweep(int chunkSize) {
    return sweep(2, 1500, chunkSize, 2, 5);
  }

  public static JobSpec sweep(
      int symbols, int bars, int chunkSize, int maxRetries, int checkpointInterval) {
    return JobSpecs.parseYaml(
        "type: sweep\n"
            + "data: {synthetic: {symbols: "
            + symbols
            + ", bars: "
            + bars
            + ", seed: 7}}\n"
            + "strategy: sma-cross\n"
            + "params: {fast: {range: [5, 20, 1]}, slow: [30, 50, 60]}\n"
            + "backtest: {cash: 10000, commission: 0.0, spread: 0.0, fill: next-open,"
            + " finalize-trades: true}\n"
            + "parallelization: {strategy: PARAMETER_BASED, chunk-size: "
            + chunkSize
            + "}\n"
            + "max-retries: "
            + maxRetries
            + "\n"
            + "checkpoint-interval: "
            + checkpointInterval
            + "\n"
            + "seed: 42\n");
  }

  /** A ticket for a spec, planned for {@code workers} slots. */
  public static JobTicket ticket(String jobId, JobSpec spec, int workers) {
    DatasetRef ref = DATASETS.describe(spec.data(), Path.of(""));
    JobPlan plan = JobModel.plan(spec, ref, workers);
    return new JobTicket(jobId, spec, ref, workers, plan.chunks().size(), 1_700_000_000_000L);
  }

  /** Every chunk of a ticket's plan computed in order on this thread. */
  public static List<ChunkResult> sequentialChunks(JobTicket ticket) {
    JobPlan plan = JobModel.plan(ticket);
    Universe u = DATASETS.resolve(ticket.dataset());
    IndicatorCache cache = new IndicatorCache();
    List<ChunkResult> out = new ArrayList<>();
    for (ChunkSpec c : plan.chunks()) {
      out.add(ChunkExecutor.execute(plan, c, u, cache, JobModel.registry()));
    }
    return out;
  }

  /** The sequential run's final runs. */
  public static List<RunResult> sequentialRuns(JobTicket ticket) {
    JobResult r = JobModel.fold(ticket, sequentialChunks(ticket));
    return JobModel.finalRuns(ticket, r, () -> DATASETS.resolve(ticket.dataset()));
  }

  /** Settings that make tests fast: short back-off, progress and rebroadcast intervals. */
  public static Config fastJobs() {
    return ConfigFactory.parseString(
        "alphapulse.job.retry-backoff = 50ms\n"
            + "alphapulse.job.max-retry-backoff = 200ms\n"
            + "alphapulse.job.rebroadcast-interval = 200ms\n"
            + "alphapulse.job.progress-interval = 50ms\n"
            + "alphapulse.job.passivate-after = 30s\n");
  }
}
