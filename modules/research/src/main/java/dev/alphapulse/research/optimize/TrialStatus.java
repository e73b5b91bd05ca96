package dev.alphapulse.research.optimize;

/** Where a trial of a {@link Study} stands. */
public enum TrialStatus {
  /** Has a task in flight or awaits promotion (ASHA) or the next segment (PBT). */
  RUNNING,
  /** Reached the last rung (FIFO, ASHA) or ran the last segment (PBT). */
  COMPLETED,
  /** ASHA did not promote it from a rung below the last. */
  STOPPED_EARLY,
  /** Its last task failed (FIFO, ASHA; a failed PBT segment only ranks its member last). */
  FAILED
}
