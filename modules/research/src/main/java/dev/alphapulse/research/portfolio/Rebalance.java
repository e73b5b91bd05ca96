package dev.alphapulse.research.portfolio;

import java.util.Arrays;

/**
 * One entry of a weight schedule: at the close of {@code bar} the sleeves were set to {@code
 * weights} of the account's total value.
 *
 * @param bar the bar index on the calendar, {@code >= 0}
 * @param weights the target weight of each sleeve, in sleeve order (non-negative, sum 1); copied
 * @param warmup true when equal weights were used because fewer than {@code lookback} returns
 *     existed yet (only for allocations that need history)
 */
public record Rebalance(int bar, double[] weights, boolean warmup) {

  public Rebalance {
    if (bar < 0) {
      throw new IllegalArgumentException("bar must be >= 0, was " + bar);
    }
    weights = weights.clone();
    double sum = 0;
    for (int i = 0; i < weights.length; i++) {
      if (!(weights[i] >= 0) || Double.isInfinite(weights[i])) {
        throw new IllegalArgumentException(
            "weights[" + i + "] must be finite and >= 0, was " + weights[i]);
      }
      sum += weights[i];
    }
    if (Math.abs(sum - 1) > 1e-9) {
      throw new IllegalArgumentException(
          "weights must sum to 1, sum to " + sum + ": " + Arrays.toString(weights));
    }
  }

  /** A copy of the weights. */
  @Override
  public double[] weights() {
    return weights.clone();
  }

  /** The weight of sleeve {@code i}. */
  public double weight(int i) {
    return weights[i];
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Rebalance r
        && r.bar == bar
        && r.warmup == warmup
        && Arrays.equals(r.weights, weights);
  }

  @Override
  public int hashCode() {
    return 31 * (31 * bar + Boolean.hashCode(warmup)) + Arrays.hashCode(weights);
  }

  @Override
  public String toString() {
    return "Rebalance[bar="
        + bar
        + ", weights="
        + Arrays.toString(weights)
        + ", warmup="
        + warmup
        + "]";
  }
}
