package dev.alphapulse.cluster;

import java.util.Objects;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;

/**
 * A submitted job: its id once accepted, and its outcome on request.
 *
 * <p>The outcome is fetched only when {@link #result()} is first called: waiting for the job's end
 * means watching its progress (every partial result streamed to this node), and the outcome is
 * every result page plus, for a sweep, its overfitting statistics, computed here. A caller that
 * only needs the id (the gRPC {@code Submit}, {@code alphapulse submit} without {@code --wait})
 * pays for none of that. Thread-safe.
 */
public final class JobSubmission {
  private final CompletionStage<String> jobId;
  private final Supplier<CompletionStage<JobOutcome>> outcome;
  private CompletionStage<JobOutcome> result; // guarded by this

  /**
   * A submission.
   *
   * @param outcome starts fetching the outcome (called once, by the first {@link #result()})
   */
  public JobSubmission(
      CompletionStage<String> jobId, Supplier<CompletionStage<JobOutcome>> outcome) {
    this.jobId = Objects.requireNonNull(jobId, "jobId");
    this.outcome = Objects.requireNonNull(outcome, "outcome");
  }

  /**
   * Completes with the job's id once its coordinator accepted it (or exceptionally, e.g. with a
   * {@link dev.alphapulse.jobs.JobSpecException} naming the field when planning refuses the job, or
   * when its data cannot be loaded).
   */
  public CompletionStage<String> jobId() {
    return jobId;
  }

  /**
   * Completes with the outcome once the job ended (succeeded, completed with failures, or
   * cancelled); the same stage on every call.
   */
  public synchronized CompletionStage<JobOutcome> result() {
    if (result == null) {
      result = outcome.get();
    }
    return result;
  }
}
