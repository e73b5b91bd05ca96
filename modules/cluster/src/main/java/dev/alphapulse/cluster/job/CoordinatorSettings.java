package dev.alphapulse.cluster.job;

import com.typesafe.config.Config;
import dev.alphapulse.cluster.util.RetryPolicy;
import java.time.Duration;

/**
 * Tuning of {@link JobCoordinator} and {@link JobAggregator}, from {@code alphapulse.job} in the
 * configuration (see {@code docs/operations.md}).
 *
 * @param retryBackoff back-off before the first retry of a failed chunk; doubles per attempt
 * @param maxRetryBackoff cap of the retry back-off
 * @param leaseTimeout a leased chunk with no outcome after this long is handed out again (a
 *     backstop: a lease is re-queued at once when its worker's node leaves the cluster)
 * @param rebroadcastInterval how often a job with pending chunks re-announces itself to every
 *     worker pool, and how often expired leases are looked for
 * @param passivateAfter how long an ended job's coordinator stays in memory after its last message
 * @param progressInterval the shortest interval between two progress updates to watchers
 * @param objective the statistic "best so far" is ranked by
 * @param maximize whether a larger objective is better
 * @param readJournal the query plugin (a {@code CurrentEventsByPersistenceIdQuery}) a coordinator
 *     recovered from a snapshot reads the results of its earlier chunks back with
 * @param persistBatchDelay how long a chunk's result may wait to be persisted with others in one
 *     journal write (group commit); zero persists each result at once
 * @param persistBatchMax how many waiting results are persisted at once without waiting longer
 */
public record CoordinatorSettings(
    Duration retryBackoff,
    Duration maxRetryBackoff,
    Duration leaseTimeout,
    Duration rebroadcastInterval,
    Duration passivateAfter,
    Duration progressInterval,
    String objective,
    boolean maximize,
    String readJournal,
    Duration persistBatchDelay,
    int persistBatchMax) {

  public CoordinatorSettings {
    if (persistBatchMax < 1) {
      throw new IllegalArgumentException(
          "alphapulse.job.persist-batch-max: must be >= 1, was " + persistBatchMax);
    }
    if (persistBatchDelay.isNegative()) {
      throw new IllegalArgumentException(
          "alphapulse.job.persist-batch-delay: must be >= 0, was " + persistBatchDelay);
    }
  }

  /** Reads {@code alphapulse.job} from a full configuration. */
  public static CoordinatorSettings from(Config config) {
    Config c = config.getConfig("alphapulse.job");
    return new CoordinatorSettings(
        c.getDuration("retry-backoff"),
        c.getDuration("max-retry-backoff"),
        c.getDuration("lease-timeout"),
        c.getDuration("rebroadcast-interval"),
        c.getDuration("passivate-after"),
        c.getDuration("progress-interval"),
        c.getString("objective"),
        c.getBoolean("objective-maximize"),
        c.getString("read-journal"),
        c.getDuration("persist-batch-delay"),
        c.getInt("persist-batch-max"));
  }

  /** These settings with another group commit (see {@code persist-batch-delay}). */
  public CoordinatorSettings withPersistBatch(Duration delay, int max) {
    return new CoordinatorSettings(
        retryBackoff,
        maxRetryBackoff,
        leaseTimeout,
        rebroadcastInterval,
        passivateAfter,
        progressInterval,
        objective,
        maximize,
        readJournal,
        delay,
        max);
  }

  /**
   * Exponential back-off before retry number {@code attempt} (1-based: the wait after the first
   * failure is {@code retryBackoff}), capped at {@code maxRetryBackoff}.
   */
  public Duration backoff(int attempt) {
    return RetryPolicy.exponential(retryBackoff, maxRetryBackoff, 1).delayAfter(attempt);
  }
}
