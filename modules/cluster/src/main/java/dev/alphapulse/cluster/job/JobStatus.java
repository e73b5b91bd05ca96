package dev.alphapulse.cluster.job;

/** Where a job is in its life. */
public enum JobStatus {
  /** No job with that id has been accepted (or it is not known to this journal). */
  UNKNOWN,
  /** Accepted; chunks are being computed. */
  RUNNING,
  /** Every chunk completed. */
  SUCCEEDED,
  /**
   * Every chunk was attempted to the end: some completed, some failed after {@code max-retries}
   * retries. Results hold the completed chunks; the failures are listed with their errors.
   */
  COMPLETED_WITH_FAILURES,
  /** Cancelled before the end; results hold the chunks completed until then. */
  CANCELLED;

  /** Whether the job has ended (no chunk will be dispatched any more). */
  public boolean isTerminal() {
    return this == SUCCEEDED || this == COMPLETED_WITH_FAILURES || this == CANCELLED;
  }
}
