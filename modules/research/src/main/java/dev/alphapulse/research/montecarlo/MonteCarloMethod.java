package dev.alphapulse.research.montecarlo;

/** How a Monte Carlo path draws its per-step returns from the input returns. */
public enum MonteCarloMethod {
  /**
   * Resample the per-trade returns of a backtest with replacement; a step is one trade and "periods
   * per year" means trades per year. Same draw as {@link #IID_BOOTSTRAP}, kept apart so that jobs
   * and reports say what the input was.
   */
  TRADE_RESAMPLE,
  /** Resample per-bar returns independently with replacement (destroys serial dependence). */
  IID_BOOTSTRAP,
  /**
   * Stationary block bootstrap (Politis and Romano 1994): blocks of consecutive returns starting at
   * uniform random positions, wrapping circularly, with geometric lengths of the configured mean;
   * keeps short-range dependence such as volatility clustering.
   */
  BLOCK_BOOTSTRAP,
  /**
   * Geometric Brownian motion fitted to the data: normal log returns with the sample mean and
   * standard deviation of {@code ln(1 + r)}.
   */
  GBM,
  /**
   * Like {@link #GBM} but with Student-t innovations of the configured degrees of freedom, rescaled
   * to the same log-return standard deviation (fat tails).
   */
  STUDENT_T;

  /** Whether the method draws from a fitted distribution rather than from the data itself. */
  public boolean parametric() {
    return this == GBM || this == STUDENT_T;
  }
}
