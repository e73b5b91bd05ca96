package dev.alphapulse.cluster;

import dev.alphapulse.jobs.RunResult;
import java.util.List;

/**
 * A job's results: its status and every run, in a deterministic order (parameter index, then symbol
 * index) that does not depend on chunking, nodes or failures.
 *
 * @param status the job's status when the results were read
 * @param runs every completed run (for TIME_BASED, the stitched runs, equal to the sequential
 *     backtest); runs of failed chunks are absent
 * @param objective the statistic {@code best} is ranked by
 * @param best the best run by {@code objective}, or null if no run has a value for it
 * @param research a research job's result (JSON object, see docs/jobs.md), or null
 * @param overfitting a finished sweep's overfitting statistics (JSON object: the Deflated Sharpe
 *     Ratio of {@code best} and the Probability of Backtest Overfitting, see
 *     docs/research-overfitting.md), or null (a backtest, a research job, a sweep that is still
 *     running or was cancelled)
 */
public record JobOutcome(
    JobStatusView status,
    List<RunResult> runs,
    String objective,
    RunResult best,
    String research,
    String overfitting) {
  public JobOutcome {
    runs = List.copyOf(runs);
  }

  /** A research job's outcome (or, with a null {@code research}, a backtest's or sweep's). */
  public JobOutcome(
      JobStatusView status,
      List<RunResult> runs,
      String objective,
      RunResult best,
      String research) {
    this(status, runs, objective, best, research, null);
  }

  /** A backtest's or sweep's outcome without overfitting statistics. */
  public JobOutcome(JobStatusView status, List<RunResult> runs, String objective, RunResult best) {
    this(status, runs, objective, best, null, null);
  }
}
