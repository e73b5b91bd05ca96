package dev.alphapulse.cluster.job;

/**
 * Chunk bookkeeping of a job.
 *
 * @param total chunks in the plan
 * @param succeeded chunks with a result (each counted once, however often it was delivered)
 * @param failed chunks abandoned after max-retries
 * @param attempts attempts that ended with a result or an error (a re-delivered duplicate result is
 *     not an attempt)
 * @param running chunks leased to a worker right now (0 once the job ended)
 * @param pending chunks waiting for a worker or a retry (0 once the job ended)
 */
public record ChunkCounts(
    int total, int succeeded, int failed, long attempts, int running, int pending) {

  /** Chunks with an outcome (succeeded or failed). */
  public int done() {
    return succeeded + failed;
  }

  /** Fraction of chunks with an outcome, in [0, 1]; 1 for an empty plan. */
  public double fraction() {
    return total == 0 ? 1.0 : (double) done() / total;
  }
}
