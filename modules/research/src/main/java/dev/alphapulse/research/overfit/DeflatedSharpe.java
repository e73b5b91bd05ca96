package dev.alphapulse.research.overfit;

import java.util.Objects;
import org.apache.commons.math3.distribution.NormalDistribution;

/**
 * The Probabilistic and Deflated Sharpe Ratios (Bailey and Lopez de Prado, "The Deflated Sharpe
 * Ratio: Correcting for Selection Bias, Backtest Overfitting and Non-Normality", 2014).
 *
 * <h2>Formulas</h2>
 *
 * <ul>
 *   <li>Expected maximum Sharpe ratio of {@code N} skill-less trials whose Sharpe ratios have
 *       variance {@code V}: {@code SR0 = sqrt(V) ((1 - g) Z^-1(1 - 1/N) + g Z^-1(1 - 1/(N e)))},
 *       {@code g} the Euler-Mascheroni constant, {@code Z^-1} the standard normal quantile; 0 for
 *       {@code N = 1}.
 *   <li>Probabilistic Sharpe Ratio against a benchmark {@code SR*}: {@code PSR = Z((SR - SR*)
 *       sqrt(T - 1) / sqrt(1 - skew SR + (kurt - 1) / 4 SR^2))} with {@code T} observations and the
 *       skewness and (non-excess) kurtosis of the returns.
 *   <li>DSR is the PSR against {@code SR0}.
 * </ul>
 *
 * <p>Every Sharpe ratio and variance is per period: to use annualised figures divide the Sharpe
 * ratio by {@code sqrt(periodsPerYear)} and the variance by {@code periodsPerYear}. From returns,
 * the Sharpe ratio is {@code mean / sd} (sample standard deviation, risk-free rate 0), skewness and
 * kurtosis are the population moment ratios {@code m3 / m2^1.5} and {@code m4 / m2^2}. Stateless
 * and thread-safe.
 */
public final class DeflatedSharpe {
  /** The Euler-Mascheroni constant. */
  public static final double EULER_MASCHERONI = 0.5772156649015329;

  private static final NormalDistribution NORMAL = new NormalDistribution(null, 0, 1);

  private DeflatedSharpe() {}

  /**
   * Expected maximum per-period Sharpe ratio of {@code trials} independent skill-less trials.
   *
   * @param trials number of trials {@code N}, at least 1
   * @param trialSharpeVariance variance {@code V} of the trials' per-period Sharpe ratios, finite
   *     and non-negative
   */
  public static double expectedMaxSharpe(long trials, double trialSharpeVariance) {
    if (trials < 1) {
      throw new IllegalArgumentException("trials must be at least 1, was " + trials);
    }
    if (!(trialSharpeVariance >= 0) || Double.isInfinite(trialSharpeVariance)) {
      throw new IllegalArgumentException(
          "trialSharpeVariance must be non-negative and finite, was " + trialSharpeVariance);
    }
    if (trials == 1) {
      return 0;
    }
    double n = trials;
    return Math.sqrt(trialSharpeVariance)
        * ((1 - EULER_MASCHERONI) * NORMAL.inverseCumulativeProbability(1 - 1 / n)
            + EULER_MASCHERONI * NORMAL.inverseCumulativeProbability(1 - 1 / (n * Math.E)));
  }

  /**
   * The Probabilistic Sharpe Ratio: the probability that the true per-period Sharpe ratio exceeds
   * {@code benchmarkSharpe}, given the estimate {@code sharpe} from {@code observations} returns of
   * the given skewness and kurtosis.
   *
   * @return a probability in [0, 1], or {@code NaN} when {@code 1 - skew SR + (kurt - 1) / 4 SR^2
   *     <= 0} (moments inconsistent with the Sharpe ratio)
   */
  public static double probabilisticSharpe(
      double sharpe, double benchmarkSharpe, long observations, double skewness, double kurtosis) {
    checkFinite("sharpe", sharpe);
    checkFinite("benchmarkSharpe", benchmarkSharpe);
    checkFinite("skewness", skewness);
    checkFinite("kurtosis", kurtosis);
    if (observations < 2) {
      throw new IllegalArgumentException("observations must be at least 2, was " + observations);
    }
    double var = 1 - skewness * sharpe + (kurtosis - 1) / 4 * sharpe * sharpe;
    if (!(var > 0)) {
      return Double.NaN;
    }
    double z = (sharpe - benchmarkSharpe) * Math.sqrt(observations - 1.0) / Math.sqrt(var);
    return NORMAL.cumulativeProbability(z);
  }

  /**
   * The Deflated Sharpe Ratio of a strategy selected among {@code trials} trials.
   *
   * @param sharpe the selected strategy's per-period Sharpe ratio
   * @param observations number of its return observations, at least 2
   * @param skewness skewness of its returns
   * @param kurtosis kurtosis (not excess) of its returns
   * @param trials number of independent trials, at least 1
   * @param trialSharpeVariance variance of the trials' per-period Sharpe ratios
   */
  public static DeflatedSharpeRatio deflated(
      double sharpe,
      long observations,
      double skewness,
      double kurtosis,
      long trials,
      double trialSharpeVariance) {
    double sr0 = expectedMaxSharpe(trials, trialSharpeVariance);
    double p = probabilisticSharpe(sharpe, sr0, observations, skewness, kurtosis);
    return new DeflatedSharpeRatio(
        sharpe, sr0, p, observations, skewness, kurtosis, trials, trialSharpeVariance);
  }

  /**
   * The DSR of the selected strategy's returns, with its Sharpe ratio, skewness and kurtosis
   * estimated from them.
   *
   * @param selectedReturns per-period returns of the selected strategy, at least 2, finite
   */
  public static DeflatedSharpeRatio fromReturns(
      double[] selectedReturns, long trials, double trialSharpeVariance) {
    Moments.checkFinite("selectedReturns", selectedReturns, 2);
    return deflated(
        Moments.sharpe(selectedReturns),
        selectedReturns.length,
        Moments.skewness(selectedReturns),
        Moments.kurtosis(selectedReturns),
        trials,
        trialSharpeVariance);
  }

  /**
   * The DSR of the best of the given trials: selects the trial of highest per-period Sharpe ratio
   * (the first on ties), takes {@code N} as the number of trials and {@code V} as the sample
   * variance (divisor {@code N - 1}) of the trials' Sharpe ratios. Assumes the trials are
   * independent; with correlated trials pass an effective number of trials to {@link #fromReturns}
   * instead.
   *
   * @param trialReturns one per-period return series per trial, each at least 2 long; at least 2
   *     trials
   */
  public static DeflatedSharpeRatio fromTrials(double[][] trialReturns) {
    Objects.requireNonNull(trialReturns, "trialReturns");
    if (trialReturns.length < 2) {
      throw new IllegalArgumentException(
          "trialReturns must hold at least 2 trials, had " + trialReturns.length);
    }
    double[] sharpes = new double[trialReturns.length];
    int best = 0;
    for (int j = 0; j < trialReturns.length; j++) {
      Moments.checkFinite("trialReturns[" + j + "]", trialReturns[j], 2);
      sharpes[j] = Moments.sharpe(trialReturns[j]);
      if (sharpes[j] > sharpes[best]) {
        best = j;
      }
    }
    double m = Moments.mean(sharpes);
    double ss = 0;
    for (double s : sharpes) {
      ss += (s - m) * (s - m);
    }
    return fromReturns(trialReturns[best], trialReturns.length, ss / (sharpes.length - 1));
  }

  private static void checkFinite(String field, double v) {
    if (!Double.isFinite(v)) {
      throw new IllegalArgumentException(field + " must be finite, was " + v);
    }
  }
}
