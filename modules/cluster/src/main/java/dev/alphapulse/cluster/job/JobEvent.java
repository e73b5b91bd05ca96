package dev.alphapulse.cluster.job;

import dev.alphapulse.cluster.serialization.CborSerializable;
import dev.alphapulse.jobs.ChunkResult;

/**
 * The facts a {@link JobCoordinator} persists, and nothing bigger: never bars, never per-bar
 * values. Stored with Jackson CBOR ({@link CborSerializable}); add fields with defaults rather than
 * changing the meaning of existing ones.
 */
public sealed interface JobEvent extends CborSerializable {

  /** The job was accepted: its spec, dataset reference and plan size. */
  record JobAccepted(JobTicket ticket) implements JobEvent {}

  /**
   * A chunk produced its result (its first delivery; later ones are not persisted).
   *
   * @param node the worker's node, {@code host:port}
   */
  record ChunkCompleted(int chunkId, int attempt, ChunkResult result, String node)
      implements JobEvent {}

  /** An attempt of a chunk threw; it is retried with back-off unless abandoned. */
  record ChunkFailed(int chunkId, int attempt, String reason, String node) implements JobEvent {}

  /** A chunk failed {@code 1 + max-retries} times and is given up; the job goes on. */
  record ChunkAbandoned(int chunkId, int attempts, String reason) implements JobEvent {}

  /** Every chunk has an outcome. */
  record JobFinished(JobStatus status, long finishedAtMillis) implements JobEvent {}

  /** The job was cancelled; no chunk is dispatched any more. */
  record JobCancelled(String reason, long cancelledAtMillis) implements JobEvent {}
}
