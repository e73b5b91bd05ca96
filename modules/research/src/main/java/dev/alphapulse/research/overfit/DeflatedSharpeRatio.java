package dev.alphapulse.research.overfit;

/**
 * The Deflated Sharpe Ratio of a selected strategy: the probability that its true Sharpe ratio
 * exceeds the Sharpe ratio the best of {@code trials} skill-less trials would be expected to show.
 * All Sharpe ratios are per period (not annualised).
 *
 * @param sharpe the selected strategy's per-period Sharpe ratio
 * @param benchmarkSharpe {@code SR0}, the expected maximum Sharpe ratio of {@code trials}
 *     skill-less trials ({@link DeflatedSharpe#expectedMaxSharpe})
 * @param probability the DSR, {@code PSR(SR0)} in [0, 1]; {@code NaN} when the variance term of the
 *     PSR is not positive
 * @param observations number of return observations {@code T}
 * @param skewness skewness of the selected returns
 * @param kurtosis kurtosis (not excess; 3 for normal returns) of the selected returns
 * @param trials number of independent trials {@code N}
 * @param trialSharpeVariance variance across trials of their per-period Sharpe ratios
 */
public record DeflatedSharpeRatio(
    double sharpe,
    double benchmarkSharpe,
    double probability,
    long observations,
    double skewness,
    double kurtosis,
    long trials,
    double trialSharpeVariance) {

  public DeflatedSharpeRatio {
    if (!(Double.isNaN(probability) || (probability >= 0 && probability <= 1))) {
      throw new IllegalArgumentException(
          "probability must be in [0, 1] or NaN, was " + probability);
    }
    if (observations < 2) {
      throw new IllegalArgumentException("observations must be at least 2, was " + observations);
    }
    if (trials < 1) {
      throw new IllegalArgumentException("trials must be at least 1, was " + trials);
    }
  }
}
