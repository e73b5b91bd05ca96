package dev.alphapulse.research.optimize;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The result of a {@link TrialTask}: the statistics of the backtest, or a failure.
 *
 * @param trialId the task's trial id
 * @param step the task's step
 * @param metrics statistics by name (the keys of {@link dev.alphapulse.engine.metrics.Statistics});
 *     {@code NaN} allowed; empty on failure; copied
 * @param failure why the trial failed (e.g. a constraint such as fast &lt; slow), or {@code ""}
 * @param equity the window's equity curve when the task asked for it (first element: the equity
 *     just before the window), else empty; copied
 */
public record TrialOutcome(
    long trialId, int step, Map<String, Double> metrics, String failure, List<Double> equity) {

  public TrialOutcome {
    Objects.requireNonNull(metrics, "metrics");
    metrics.forEach(
        (k, v) -> {
          Objects.requireNonNull(k, "metric name");
          Objects.requireNonNull(v, () -> "value of metric " + k);
        });
    metrics = Collections.unmodifiableMap(new LinkedHashMap<>(metrics));
    failure = failure == null ? "" : failure;
    equity = equity == null ? List.of() : List.copyOf(equity);
  }

  /** A successful outcome without an equity curve. */
  public static TrialOutcome success(long trialId, int step, Map<String, Double> metrics) {
    return new TrialOutcome(trialId, step, metrics, "", List.of());
  }

  /** A failed outcome. */
  public static TrialOutcome failed(long trialId, int step, String failure) {
    if (failure == null || failure.isBlank()) {
      throw new IllegalArgumentException("a failure needs a message");
    }
    return new TrialOutcome(trialId, step, Map.of(), failure, List.of());
  }

  /** Whether the trial failed. */
  public boolean isFailure() {
    return !failure.isEmpty();
  }
}
