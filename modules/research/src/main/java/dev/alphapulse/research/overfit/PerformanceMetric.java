package dev.alphapulse.research.overfit;

/**
 * Performance functions for {@link BacktestOverfitting} that are computed from per-block sums, so
 * that every combination costs {@code O(trials * blocks)} rather than a pass over the returns.
 */
public enum PerformanceMetric {
  /**
   * Per-period Sharpe ratio {@code mean / sd} over the rows (sample standard deviation, risk-free
   * rate 0); 0 when the standard deviation is 0.
   */
  SHARPE,
  /** Mean per-period return over the rows. */
  MEAN_RETURN;

  double of(double count, double sum, double sumSquares) {
    double mean = sum / count;
    if (this == MEAN_RETURN) {
      return mean;
    }
    if (count < 2) {
      return 0;
    }
    double var = (sumSquares - sum * mean) / (count - 1);
    return var > 0 ? mean / Math.sqrt(var) : 0;
  }
}
