package dev.alphapulse.research.montecarlo;

import java.util.Objects;

/** Validation of the input return arrays, with messages naming the field and the bad value. */
final class Inputs {
  private Inputs() {}

  static void checkReturns(double[] returns, int minLength, boolean aboveMinusOne) {
    Objects.requireNonNull(returns, "returns");
    if (returns.length < minLength) {
      throw new IllegalArgumentException(
          "returns must hold at least " + minLength + " values, had " + returns.length);
    }
    for (int i = 0; i < returns.length; i++) {
      double r = returns[i];
      if (!Double.isFinite(r)) {
        throw new IllegalArgumentException("returns[" + i + "] must be finite, was " + r);
      }
      if (aboveMinusOne && !(r > -1)) {
        throw new IllegalArgumentException(
            "returns[" + i + "] must be greater than -1 for a log-return fit, was " + r);
      }
    }
  }
}
