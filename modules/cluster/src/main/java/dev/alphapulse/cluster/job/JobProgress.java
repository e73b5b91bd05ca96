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
    List<RunResult> newRuns) {
  public JobProgress {
    newRuns = List.copyOf(newRuns);
  }

  /** Whether this is the last update of the job (it ended, or is unknown). */
  public boolean isFinal() {
    return status.isTerminal() || status == JobStatus.UNKNOWN;
  }
}
