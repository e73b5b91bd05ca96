package dev.alphapulse.engine.indicator;

/**
 * A running sum with Neumaier (improved Kahan-Babuska) compensation.
 *
 * <p>Adding {@code x} and later {@code -x} cancels exactly in the represented value, so a window
 * sum maintained by adding the entering value and the negated leaving value does not drift: its
 * error stays within a few ulps of the window's sum however many bars are fed (the compensation
 * term's own rounding contributes {@code O(n * eps^2)} of the magnitudes, negligible for any {@code
 * n} an {@code int} can count).
 */
final class CompensatedSum {
  private double sum;
  private double compensation;

  void add(double x) {
    double t = sum + x;
    if (Math.abs(sum) >= Math.abs(x)) {
      compensation += (sum - t) + x;
    } else {
      compensation += (x - t) + sum;
    }
    sum = t;
  }

  double value() {
    return sum + compensation;
  }

  void reset() {
    sum = 0.0;
    compensation = 0.0;
  }

  void restore(double sumState, double compensationState) {
    sum = sumState;
    compensation = compensationState;
  }
}
