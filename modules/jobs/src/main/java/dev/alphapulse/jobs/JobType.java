package dev.alphapulse.jobs;

import java.util.Locale;

/**
 * What a job computes; written {@code backtest}, {@code sweep}, {@code optimize}, {@code
 * walk-forward}, {@code monte-carlo}, {@code batch} or {@code portfolio} in job files. The last
 * five are research jobs (see {@code docs/jobs.md}): their chunks carry a task and return a payload
 * instead of runs, and their result is assembled by {@link dev.alphapulse.jobs.research}.
 */
public enum JobType {
  /** One parameter set (on one or several symbols). */
  BACKTEST,
  /** Every combination of the parameter grid. */
  SWEEP,
  /** Hyper-parameter optimisation: a search algorithm and a scheduler over a search space. */
  OPTIMIZE,
  /** Walk-forward analysis: optimise in sample, evaluate out of sample, window by window. */
  WALK_FORWARD,
  /** Monte Carlo simulation of a strategy's returns or trades. */
  MONTE_CARLO,
  /** A queue of (strategy, params) runs on the job's data. */
  BATCH,
  /** Several strategies sharing one account, with an allocation and rebalancing. */
  PORTFOLIO;

  /** The name used in job files, e.g. {@code walk-forward}. */
  public String fileName() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  /** Whether this is one of the research job types (task and payload chunks). */
  public boolean isResearch() {
    return this != BACKTEST && this != SWEEP;
  }

  /**
   * Parses a job file's {@code type} (case-insensitive, {@code _} or {@code -}).
   *
   * @throws JobSpecException on field {@code type}, naming the accepted values
   */
  public static JobType parse(String text) {
    String t = text.trim().toLowerCase(Locale.ROOT).replace('_', '-');
    for (JobType type : values()) {
      if (type.fileName().equals(t)) {
        return type;
      }
    }
    throw new JobSpecException(
        "type",
        "unknown job type '"
            + text
            + "'; expected backtest, sweep, optimize, walk-forward, monte-carlo, batch or"
            + " portfolio");
  }
}
