package dev.alphapulse.app;

import dev.alphapulse.cluster.DistributedComputingService;
import dev.alphapulse.cluster.JobOutcome;
import dev.alphapulse.cluster.JobSubmission;
import dev.alphapulse.cluster.JobWatch;
import dev.alphapulse.cluster.job.JobProgress;
import dev.alphapulse.jobs.JobSpec;
import java.nio.file.Path;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.DelegatingProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * A job's progress (chunks done/total, rate, ETA) as a progress bar on stderr, and {@link #run},
 * the way every CLI command that runs a job on a node in this process waits for it.
 */
public final class JobProgressBar implements AutoCloseable {
  private final ProgressBar bar;

  public JobProgressBar(String jobId, boolean quiet) {
    ProgressBarBuilder b =
        new ProgressBarBuilder()
            .setTaskName("job " + jobId)
            .setInitialMax(1)
            .setStyle(ProgressBarStyle.ASCII)
            .setUpdateIntervalMillis(250)
            .setUnit(" chunks", 1)
            .setConsumer(
                quiet
                    ? new DelegatingProgressBarConsumer(s -> {})
                    : new ConsoleProgressBarConsumer(System.err));
    this.bar = b.build();
  }

  public synchronized void update(JobProgress p) {
    bar.maxHint(p.chunks().total());
    bar.stepTo(p.chunks().succeeded() + p.chunks().failed());
    String best =
        p.best() == null
            ? ""
            : String.format(
                " best %s %.3f",
                p.objective(), p.best().stats().getOrDefault(p.objective(), Double.NaN));
    bar.setExtraMessage(p.status() + best);
  }

  @Override
  public synchronized void close() {
    bar.close();
  }

  /** A job that ran to its end. */
  public record Finished(String jobId, JobOutcome outcome) {}

  /**
   * Submits {@code job} to {@code service}, prints the job id on stderr, shows its progress (unless
   * {@code quiet}) and waits for its outcome.
   *
   * @throws Exception the cause of a failed submission or job (not wrapped), so the CLI reports the
   *     real message
   */
  public static Finished run(DistributedComputingService service, JobSpec job, boolean quiet)
      throws Exception {
    JobSubmission submission = service.runDistributedBacktest(job, Path.of("").toAbsolutePath());
    String jobId = unwrap(submission.jobId());
    System.err.println("job " + jobId + " submitted");
    try (JobProgressBar bar = new JobProgressBar(jobId, quiet)) {
      JobWatch watch = service.watch(jobId, bar::update);
      try {
        return new Finished(jobId, unwrap(submission.result()));
      } finally {
        watch.close();
      }
    }
  }

  /** Waits for {@code stage}, rethrowing the cause of its failure. */
  private static <T> T unwrap(CompletionStage<T> stage) throws Exception {
    try {
      return stage.toCompletableFuture().get();
    } catch (ExecutionException | CompletionException e) {
      Throwable c = e.getCause() == null ? e : e.getCause();
      if (c instanceof Exception ex) {
        throw ex;
      }
      throw e;
    }
  }
}
