package dev.alphapulse.cluster;

import dev.alphapulse.cluster.job.JobProgress;

/** Receives a job's progress updates, one at a time, in order; the last one {@code isFinal()}. */
@FunctionalInterface
public interface JobProgressListener {
  void onProgress(JobProgress progress);
}
