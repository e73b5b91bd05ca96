package dev.alphapulse.research.montecarlo;

import java.util.Arrays;
import java.util.Objects;

/**
 * The summary of a Monte Carlo run over merged paths.
 *
 * <p>Path return {@code R = finalEquity / startingEquity - 1}. With the path returns sorted
 * ascending {@code R_(1) <= ... <= R_(n)} and {@code k = max(1, ceil(n (1 - level)))} (computed
 * with a 1e-9 tolerance so that {@code 1000 * (1 - 0.95)} is 50), value at risk is {@code VaR =
 * -R_(k)} and conditional value at risk (expected shortfall) is {@code CVaR = -(R_(1) + ... +
 * R_(k)) / k}: both are losses as positive fractions of starting equity (negative when even the
 * worst tail gains), and {@code CVaR >= VaR}.
 *
 * @param paths number of paths summarised
 * @param finalEquity bands of final equity
 * @param cagr bands of CAGR
 * @param maxDrawdown bands of maximum drawdown (fractions)
 * @param sharpe bands of the annualised Sharpe ratio (paths with an undefined ratio left out)
 * @param level confidence level of VaR and CVaR, in (0, 1)
 * @param valueAtRisk VaR of the path return at {@code level}
 * @param conditionalValueAtRisk CVaR of the path return at {@code level}
 * @param probabilityOfLoss fraction of paths ending strictly below the starting equity
 * @param ruinThreshold the ruin threshold as a fraction of starting equity
 * @param probabilityOfRuin fraction of paths whose equity fell strictly below {@code ruinThreshold
 *     * startingEquity} at some step
 */
public record MonteCarloSummary(
    long paths,
    MonteCarloBands finalEquity,
    MonteCarloBands cagr,
    MonteCarloBands maxDrawdown,
    MonteCarloBands sharpe,
    double level,
    double valueAtRisk,
    double conditionalValueAtRisk,
    double probabilityOfLoss,
    double ruinThreshold,
    double probabilityOfRuin) {

  public MonteCarloSummary {
    if (paths < 1) {
      throw new IllegalArgumentException("paths must be at least 1, was " + paths);
    }
    Objects.requireNonNull(finalEquity, "finalEquity");
    Objects.requireNonNull(cagr, "cagr");
    Objects.requireNonNull(maxDrawdown, "maxDrawdown");
    Objects.requireNonNull(sharpe, "sharpe");
    checkLevel(level);
    if (!(probabilityOfLoss >= 0 && probabilityOfLoss <= 1)) {
      throw new IllegalArgumentException(
          "probabilityOfLoss must be in [0, 1], was " + probabilityOfLoss);
    }
    if (!(ruinThreshold > 0 && ruinThreshold <= 1)) {
      throw new IllegalArgumentException("ruinThreshold must be in (0, 1], was " + ruinThreshold);
    }
    if (!(probabilityOfRuin >= 0 && probabilityOfRuin <= 1)) {
      throw new IllegalArgumentException(
          "probabilityOfRuin must be in [0, 1], was " + probabilityOfRuin);
    }
  }

  private static void checkLevel(double level) {
    if (!(level > 0 && level < 1)) {
      throw new IllegalArgumentException("level must be in (0, 1), was " + level);
    }
  }

  /**
   * Summarises the paths of {@code batch}, simulated with {@code spec}.
   *
   * @param batch merged paths, at least one
   * @param spec the spec the paths were simulated with (starting equity and ruin threshold)
   * @param level VaR/CVaR confidence level in (0, 1), e.g. 0.95
   * @param extraPercentiles percentiles (in [0, 100]) reported besides 5, 50 and 95
   * @throws IllegalArgumentException naming {@code batch} when it is empty, or the bad argument
   */
  public static MonteCarloSummary of(
      PathBatch batch, MonteCarloSpec spec, double level, double... extraPercentiles) {
    Objects.requireNonNull(batch, "batch");
    Objects.requireNonNull(spec, "spec");
    checkLevel(level);
    int n = batch.size();
    if (n == 0) {
      throw new IllegalArgumentException("batch must hold at least one path, was empty");
    }
    double start = spec.startingEquity();
    double[] fe = batch.finalEquityView();
    double[] returns = new double[n];
    int losses = 0;
    for (int i = 0; i < n; i++) {
      returns[i] = fe[i] / start - 1;
      if (fe[i] < start) {
        losses++;
      }
    }
    Arrays.sort(returns);
    int k = tailCount(n, level);
    double tail = 0;
    for (int i = 0; i < k; i++) {
      tail += returns[i];
    }
    double ruinLevel = spec.ruinThreshold() * start;
    double[] minEq = batch.minEquityView();
    int ruined = 0;
    for (int i = 0; i < n; i++) {
      if (minEq[i] < ruinLevel) {
        ruined++;
      }
    }
    return new MonteCarloSummary(
        n,
        MonteCarloBands.of(fe, extraPercentiles),
        MonteCarloBands.of(batch.cagrView(), extraPercentiles),
        MonteCarloBands.of(batch.maxDrawdownView(), extraPercentiles),
        MonteCarloBands.of(batch.sharpeView(), extraPercentiles),
        level,
        -returns[k - 1],
        -tail / k,
        (double) losses / n,
        spec.ruinThreshold(),
        (double) ruined / n);
  }

  /**
   * Fraction of paths of {@code batch} whose equity fell strictly below {@code threshold *
   * startingEquity} at some step, for any threshold in (0, 1] (not only the spec's).
   */
  public static double probabilityOfRuin(PathBatch batch, double startingEquity, double threshold) {
    Objects.requireNonNull(batch, "batch");
    if (!(threshold > 0 && threshold <= 1)) {
      throw new IllegalArgumentException("threshold must be in (0, 1], was " + threshold);
    }
    if (batch.size() == 0) {
      throw new IllegalArgumentException("batch must hold at least one path, was empty");
    }
    double level = threshold * startingEquity;
    int ruined = 0;
    for (double m : batch.minEquityView()) {
      if (m < level) {
        ruined++;
      }
    }
    return (double) ruined / batch.size();
  }

  /** Number of worst paths in the VaR/CVaR tail: {@code max(1, ceil(n (1 - level) - 1e-9))}. */
  static int tailCount(int n, double level) {
    return (int) Math.max(1, Math.min(n, Math.ceil(n * (1 - level) - 1e-9)));
  }
}
