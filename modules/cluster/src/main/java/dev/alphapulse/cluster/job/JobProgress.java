package dev.alphapulse.cluster.job;

import dev.alphapulse.jobs.RunResult;
import java.util.List;

/**
 * One progress update of a job, as streamed to watchers.
 *
 * @param chunks the chunk counts at the time of the update
 * @param chunksPerSecond chunk outcomes per second since the job's coordinator (re)started
 * @param etaSeconds estimated seconds to the end at that rate; NaN when unknown, 0 once ended
 * @param elapsedMillis wall-clock time since submission
 * @param objective the statistic {@code best} is ranked by
 * @param best the best run so far by {@code objective}, or null before the first result
 * @param newRuns runs completed since the previous update to this watcher (the first update to a
 *     new watcher carries every run so far); partial results, in arrival order
 * @param more whether this update's runs continue in the next one: an update with more than {@link
 *     #MAX_RUNS} runs goes out as several, each with at most that many runs and the same counts and
 *     status, all but the last with {@code more} set (so no message outgrows a remote frame or a
 *     gRPC message, however large the job)
 */
public record JobProgress(
    String jobId,
    JobStatus status,
    ChunkCounts chunks,
    double chunksPerSecond,
    double etaSeconds,
    long elapsedMillis,
    String objective,
    RunResult best,
    List<RunResult> newRuns,
    boolean more) {

  /** The most runs one update carries (see {@code more}). */
  public static final int MAX_RUNS = 1000;

  public JobProgress {
    newRuns = List.copyOf(newRuns);
  }

  /**
   * Whether this is the last update of the job: it ended (and this is the last part of the final
   * update), or it is unknown.
   */
  public boolean isFinal() {
    return (status.isTerminal() && !more) || status == JobStatus.UNKNOWN;
  }
}
