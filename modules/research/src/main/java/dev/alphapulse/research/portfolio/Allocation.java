package dev.alphapulse.research.portfolio;

/**
 * How capital is split between sleeves (strategies or assets) from their trailing co-moments.
 *
 * <h2>Contract</h2>
 *
 * {@link #weights(CoMoments)} returns {@code K} weights, each in {@code [0, 1]}, summing to 1 (long
 * only, fully invested), for the {@code K} columns of the trailing co-moments (sample covariance
 * {@code Σ}); it never looks at anything but its argument. Implementations are pure and
 * thread-safe.
 *
 * <h2>Methods</h2>
 *
 * <ul>
 *   <li>{@link #fixed(double...)}: the given weights divided by their sum.
 *   <li>{@link #equal()}: {@code 1/K} each.
 *   <li>{@link #inverseVolatility()}: {@code w_i ∝ 1/σ_i}.
 *   <li>{@link #minimumVariance()}: {@code argmin w'Σw} subject to {@code w >= 0, sum w = 1}: the
 *       closed form {@code Σ^-1 1 / (1'Σ^-1 1)} when it is non-negative, else a projected (FISTA)
 *       gradient solver on the simplex polished by an exact solve on its support.
 *   <li>{@link #riskParity()}: equal risk contributions {@code w_i (Σw)_i = w'Σw / K}, by cyclical
 *       coordinate descent to a tolerance.
 * </ul>
 *
 * For the methods that use volatility, sleeves whose trailing variance is zero share all the weight
 * equally (the limit of each method as those variances go to zero); see {@code
 * docs/research-aggregation.md}.
 */
public interface Allocation {

  /** A short name for reports, e.g. {@code inverse-volatility}. */
  String name();

  /**
   * Whether the weights depend on the trailing returns. Those that do are replaced by equal weights
   * until a full look-back window of returns exists (see {@link SleevePortfolio}).
   */
  boolean needsHistory();

  /**
   * The weights for the columns of {@code trailing}.
   *
   * @throws IllegalArgumentException if the method needs history and {@code trailing} has fewer
   *     than 2 rows, or (fixed weights) the column count differs from the number of weights
   */
  double[] weights(CoMoments trailing);

  /**
   * Fixed weights, normalised to sum to 1 ({@code fixed(3, 1)} is 75% / 25%).
   *
   * @throws IllegalArgumentException if a weight is negative or not finite, or all are zero
   */
  static Allocation fixed(double... weights) {
    return new AllocationMethods.Fixed(weights);
  }

  /** {@code 1/K} each. */
  static Allocation equal() {
    return AllocationMethods.Equal.INSTANCE;
  }

  /** Weights proportional to the inverse of each sleeve's trailing volatility. */
  static Allocation inverseVolatility() {
    return AllocationMethods.InverseVolatility.INSTANCE;
  }

  /** Long-only minimum variance. */
  static Allocation minimumVariance() {
    return AllocationMethods.MinimumVariance.INSTANCE;
  }

  /** Equal risk contribution with tolerance {@code 1e-10} and at most 10,000 sweeps. */
  static Allocation riskParity() {
    return riskParity(1e-10, 10_000);
  }

  /**
   * Equal risk contribution.
   *
   * @param tolerance the largest allowed {@code |RC_i - 1/K|}, with {@code RC} the risk
   *     contributions as fractions of the portfolio variance; in {@code (0, 0.1]}
   * @param maxIterations coordinate-descent sweeps before giving up ({@code >= 1}); not converging
   *     is an {@link ArithmeticException}
   */
  static Allocation riskParity(double tolerance, int maxIterations) {
    return new AllocationMethods.RiskParity(tolerance, maxIterations);
  }

  /**
   * Risk contributions as fractions of the portfolio variance: {@code RC_i = w_i (Σw)_i / w'Σw};
   * they sum to 1 ({@code NaN} if the portfolio variance is 0).
   */
  static double[] riskContributions(double[] weights, double[][] covariance) {
    int k = weights.length;
    if (covariance.length != k) {
      throw new IllegalArgumentException(
          "covariance must be " + k + " x " + k + ", has " + covariance.length + " rows");
    }
    double[] sw = AllocationMethods.times(covariance, weights);
    double var = 0;
    for (int i = 0; i < k; i++) {
      var += weights[i] * sw[i];
    }
    double[] rc = new double[k];
    for (int i = 0; i < k; i++) {
      rc[i] = var == 0 ? Double.NaN : weights[i] * sw[i] / var;
    }
    return rc;
  }
}
