package dev.alphapulse.research.optimize;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One reported step of a trial: an ASHA rung, a PBT segment or the single FIFO run.
 *
 * @param step rung or segment index
 * @param from window start, fraction of the history
 * @param to window end (the budget), fraction of the history
 * @param params the parameters the step ran with (they change between PBT segments)
 * @param metrics statistics by name; empty on failure
 * @param objective the metric signed so that higher is better ({@link Mode#objective}); {@code NaN}
 *     on failure or when the metric is undefined
 * @param failure failure message, or {@code ""}
 * @param equity the window's equity curve if recorded (PBT), else empty
 */
public record StepResult(
    int step,
    double from,
    double to,
    Map<String, Object> params,
    Map<String, Double> metrics,
    double objective,
    String failure,
    List<Double> equity) {

  public StepResult {
    Objects.requireNonNull(params, "params");
    Objects.requireNonNull(metrics, "metrics");
    params = Collections.unmodifiableMap(new LinkedHashMap<>(params));
    metrics = Collections.unmodifiableMap(new LinkedHashMap<>(metrics));
    failure = failure == null ? "" : failure;
    equity = List.copyOf(equity);
  }

  /** Whether the step failed. */
  public boolean isFailure() {
    return !failure.isEmpty();
  }
}
