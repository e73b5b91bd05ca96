package dev.alphapulse.research.montecarlo;

/**
 * Geometric Brownian motion parameters fitted to simple returns: with log returns {@code l = ln(1 +
 * r)} of sample mean {@code m} and sample standard deviation {@code s} (divisor {@code n - 1}) per
 * step and {@code dt = 1 / periodsPerYear}, {@code volatility = s / sqrt(dt)} and {@code drift = m
 * / dt + volatility^2 / 2} (so that {@code E[S_t] = S_0 exp(drift t)}).
 *
 * @param drift annualised drift {@code mu}
 * @param volatility annualised volatility {@code sigma}, non-negative
 * @param periodsPerYear steps per year used to annualise
 * @param observations number of returns the fit used
 */
public record GbmFit(double drift, double volatility, double periodsPerYear, long observations) {

  public GbmFit {
    if (!Double.isFinite(drift)) {
      throw new IllegalArgumentException("drift must be finite, was " + drift);
    }
    if (!(volatility >= 0) || Double.isInfinite(volatility)) {
      throw new IllegalArgumentException(
          "volatility must be non-negative and finite, was " + volatility);
    }
    if (!(periodsPerYear > 0) || Double.isInfinite(periodsPerYear)) {
      throw new IllegalArgumentException(
          "periodsPerYear must be positive and finite, was " + periodsPerYear);
    }
    if (observations < 2) {
      throw new IllegalArgumentException("observations must be at least 2, was " + observations);
    }
  }

  /**
   * Fits GBM to simple returns.
   *
   * @param returns per-step simple returns, at least 2, each finite and greater than -1
   * @param periodsPerYear steps per year
   * @throws IllegalArgumentException naming {@code returns} or {@code periodsPerYear}
   */
  public static GbmFit fit(double[] returns, double periodsPerYear) {
    Inputs.checkReturns(returns, 2, true);
    int n = returns.length;
    double sum = 0;
    for (double r : returns) {
      sum += Math.log1p(r);
    }
    double mean = sum / n;
    double ss = 0;
    for (double r : returns) {
      double d = Math.log1p(r) - mean;
      ss += d * d;
    }
    double sd = Math.sqrt(ss / (n - 1));
    double dt = 1 / periodsPerYear;
    double vol = sd / Math.sqrt(dt);
    return new GbmFit(mean / dt + vol * vol / 2, vol, periodsPerYear, n);
  }

  /** Mean log return per step, {@code (drift - volatility^2 / 2) dt}. */
  public double logMeanPerStep() {
    return (drift - volatility * volatility / 2) / periodsPerYear;
  }

  /** Standard deviation of the log return per step, {@code volatility sqrt(dt)}. */
  public double logSdPerStep() {
    return volatility / Math.sqrt(periodsPerYear);
  }
}
