package dev.alphapulse.cluster;

import dev.alphapulse.cluster.job.ChunkCounts;
import dev.alphapulse.cluster.job.ChunkFailure;
import dev.alphapulse.cluster.job.JobStatus;
import dev.alphapulse.jobs.JobType;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * A job's status, for the CLI and the gRPC service to translate.
 *
 * @param jobId the job's id
 * @param status where the job is; {@link JobStatus#UNKNOWN} for an id no job has
 * @param chunks chunk counts (running and pending are 0 once the job ended)
 * @param type backtest or sweep; null for an unknown job
 * @param strategy the strategy's name; null for an unknown job
 * @param submittedAt when the job was submitted; null for an unknown job
 * @param finishedAt when it ended; null while running
 * @param duration from submission to the end, or to now while running
 * @param chunksPerSecond chunk outcomes per second since the coordinator (re)started
 * @param etaSeconds estimated seconds to the end; NaN when unknown, 0 once ended
 * @param coordinatorNode {@code host:port} of the node hosting the job's coordinator
 * @param failures chunks that failed after max-retries, with their last error
 */
public record JobStatusView(
    String jobId,
    JobStatus status,
    ChunkCounts chunks,
    JobType type,
    String strategy,
    Instant submittedAt,
    Instant finishedAt,
    Duration duration,
    double chunksPerSecond,
    double etaSeconds,
    String coordinatorNode,
    List<ChunkFailure> failures) {
  public JobStatusView {
    failures = List.copyOf(failures);
  }
}
