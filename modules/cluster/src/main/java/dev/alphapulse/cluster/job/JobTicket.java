package dev.alphapulse.cluster.job;

import dev.alphapulse.jobs.DatasetRef;
import dev.alphapulse.jobs.JobSpec;
import java.util.Objects;

/**
 * Everything needed to plan a job the same way on every node: the spec, the dataset it was accepted
 * on (with its content hash), and the worker count the plan was sized for (it decides {@code
 * chunk-size: auto}, so it is fixed at submission and persisted, never re-read from the cluster).
 * Workers re-plan from the ticket and cache the plan per job, so chunks on the wire carry only
 * their {@link dev.alphapulse.jobs.ChunkSpec}.
 *
 * @param jobId the job's id, also its coordinator's entity id
 * @param workers the worker (slot) count the plan was sized for, at least 1
 * @param totalChunks the plan's chunk count, checked whenever the plan is rebuilt
 * @param submittedAtMillis wall-clock time of submission, epoch millis
 */
public record JobTicket(
    String jobId,
    JobSpec spec,
    DatasetRef dataset,
    int workers,
    int totalChunks,
    long submittedAtMillis) {
  public JobTicket {
    Objects.requireNonNull(jobId, "jobId");
    Objects.requireNonNull(spec, "spec");
    Objects.requireNonNull(dataset, "dataset");
    if (jobId.isBlank()) {
      throw new IllegalArgumentException("jobId: must not be blank");
    }
    if (workers < 1) {
      throw new IllegalArgumentException("workers: must be >= 1, was " + workers);
    }
    if (totalChunks < 1) {
      throw new IllegalArgumentException("totalChunks: must be >= 1, was " + totalChunks);
    }
  }
}
