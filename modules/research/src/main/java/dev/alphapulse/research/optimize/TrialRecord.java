package dev.alphapulse.research.optimize;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A trial of a {@link Study} as seen from outside.
 *
 * @param trialId the id
 * @param params its current parameters (the latest under PBT)
 * @param status where it stands
 * @param steps the reported steps, in step order
 */
public record TrialRecord(
    long trialId, Map<String, Object> params, TrialStatus status, List<StepResult> steps) {

  public TrialRecord {
    Objects.requireNonNull(params, "params");
    Objects.requireNonNull(status, "status");
    params = Collections.unmodifiableMap(new LinkedHashMap<>(params));
    steps = List.copyOf(steps);
  }

  /** The budget (window end) of the last successful step, 0 if none. */
  public double budgetReached() {
    for (int k = steps.size() - 1; k >= 0; k--) {
      if (!steps.get(k).isFailure()) {
        return steps.get(k).to();
      }
    }
    return 0;
  }

  /** Whether ASHA stopped it before the last rung. */
  public boolean stoppedEarly() {
    return status == TrialStatus.STOPPED_EARLY;
  }

  /** The objective of the last step, {@code NaN} if none. */
  public double objective() {
    return steps.isEmpty() ? Double.NaN : steps.get(steps.size() - 1).objective();
  }

  /** The metrics of the last step, empty if none. */
  public Map<String, Double> metrics() {
    return steps.isEmpty() ? Map.of() : steps.get(steps.size() - 1).metrics();
  }
}
