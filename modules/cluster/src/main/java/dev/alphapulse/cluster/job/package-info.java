/**
 * Jobs on the cluster: the event-sourced, sharded {@link dev.alphapulse.cluster.job.JobCoordinator}
 * (one per job), its events and state, its lease book, the {@link
 * dev.alphapulse.cluster.job.JobAggregator} that merges results and streams progress, and the
 * {@link dev.alphapulse.cluster.job.JobWatcher} that follows a job for a caller.
 */
package dev.alphapulse.cluster.job;
