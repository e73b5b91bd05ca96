package dev.alphapulse.research.optimize;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One unit of work a {@link Study} hands out: backtest {@code params} on the bars in the window
 * {@code [from, to)} of the history (fractions of its length) and report a {@link TrialOutcome}
 * with the same {@code (trialId, step)}.
 *
 * @param trialId the trial (a parameter set; a population member under PBT)
 * @param step the ASHA rung, the PBT segment, or 0 under FIFO; {@code (trialId, step)} is unique
 * @param params parameter values in search-space order; copied, unmodifiable
 * @param from start of the window, fraction of the history in [0, 1); 0 except under PBT
 * @param to end of the window (the budget), fraction in (from, 1]
 * @param recordEquity whether the outcome should carry the window's equity curve (PBT, for the
 *     stitched out-of-sample curve)
 */
public record TrialTask(
    long trialId,
    int step,
    Map<String, Object> params,
    double from,
    double to,
    boolean recordEquity) {

  public TrialTask {
    if (trialId < 0) {
      throw new IllegalArgumentException("trialId must be >= 0, was " + trialId);
    }
    if (step < 0) {
      throw new IllegalArgumentException("step must be >= 0, was " + step);
    }
    Objects.requireNonNull(params, "params");
    params = Collections.unmodifiableMap(new LinkedHashMap<>(params));
    if (!(from >= 0 && from < to && to <= 1)) {
      throw new IllegalArgumentException(
          "window must satisfy 0 <= from < to <= 1, was [" + from + ", " + to + ")");
    }
  }

  /** The fraction of the history this task covers. */
  public double budget() {
    return to - from;
  }
}
