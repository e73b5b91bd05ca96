package dev.alphapulse.research.portfolio;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Combines the per-bar returns of several sleeves into one account that shares one cash balance and
 * is rebalanced periodically to weights chosen by an {@link Allocation}.
 *
 * <h2>Semantics</h2>
 *
 * Returns are a {@code T x K} matrix: {@code r[t][i]} is sleeve {@code i}'s simple return from the
 * close of bar {@code t-1} to the close of bar {@code t}; row 0 is not used. At the close of bar 0
 * the capital {@code C} is split by the initial weights. At each later bar the sleeve values grow
 * by their returns, {@code V_i(t) = V_i(t-1) (1 + r[t][i])}, and the account is their sum; between
 * rebalances the weights drift. At the close of every bar {@code t} with {@code t % rebalance == 0}
 * (no rebalancing after bar 0 when {@code rebalance == 0}), the weights {@code w} are chosen and
 * {@code V_i(t) = w_i P(t)}: rebalancing is frictionless (the sleeves' own trading costs are in
 * their returns).
 *
 * <h2>No look-ahead</h2>
 *
 * The weights set at bar {@code t} are estimated from the co-moments of return rows {@code max(1, t
 * - lookback + 1) .. t} only, all of which are known at the close of bar {@code t}. For an
 * allocation that {@link Allocation#needsHistory() needs history}, equal weights are used (and the
 * schedule entry is marked {@code warmup}) while fewer than {@code lookback} return rows exist
 * ({@code t < lookback}), including at bar 0. Allocations without history (fixed, equal) apply from
 * bar 0.
 *
 * <p>Pure and thread-safe; {@code O(T K + R lookback K^2)} for {@code R} rebalances plus the
 * allocation's own cost.
 */
public final class SleevePortfolio {
  private SleevePortfolio() {}

  /**
   * Combines sleeve returns.
   *
   * @param returns {@code T x K} sleeve returns as above, {@code T >= 1}, {@code K >= 1}; finite
   *     and {@code >= -1} from row 1 on
   * @param allocation how weights are chosen at each rebalance
   * @param rebalance bars between rebalances, {@code >= 1}, or 0 for never after bar 0
   * @param lookback return rows the allocation is estimated on, {@code >= 2}
   * @param capital starting account value, positive and finite
   * @throws IllegalArgumentException naming the bad argument
   * @throws IllegalStateException if the allocation returns invalid weights
   */
  public static SleeveCombination combine(
      double[][] returns, Allocation allocation, int rebalance, int lookback, double capital) {
    int t0 = returns.length;
    if (t0 == 0) {
      throw new IllegalArgumentException("returns must have at least one row");
    }
    int k = returns[0].length;
    if (k == 0) {
      throw new IllegalArgumentException("returns must have at least one column (sleeve)");
    }
    for (int t = 0; t < t0; t++) {
      if (returns[t].length != k) {
        throw new IllegalArgumentException(
            "returns row " + t + " has " + returns[t].length + " columns, expected " + k);
      }
      for (int i = 0; t > 0 && i < k; i++) {
        double r = returns[t][i];
        if (!(r >= -1) || Double.isInfinite(r)) {
          throw new IllegalArgumentException(
              "returns[" + t + "][" + i + "] must be finite and >= -1, was " + r);
        }
      }
    }
    if (allocation == null) {
      throw new IllegalArgumentException("allocation must not be null");
    }
    if (rebalance < 0) {
      throw new IllegalArgumentException("rebalance must be >= 0 (0 = never), was " + rebalance);
    }
    if (lookback < 2) {
      throw new IllegalArgumentException("lookback must be >= 2, was " + lookback);
    }
    if (!(capital > 0) || Double.isInfinite(capital)) {
      throw new IllegalArgumentException("capital must be positive and finite, was " + capital);
    }

    double[] equity = new double[t0];
    double[][] values = new double[t0][k];
    List<Rebalance> schedule = new ArrayList<>();
    double[] v = new double[k];
    Rebalance first = choose(returns, allocation, lookback, 0, k);
    schedule.add(first);
    for (int i = 0; i < k; i++) {
      v[i] = first.weight(i) * capital;
    }
    equity[0] = capital;
    values[0] = v.clone();
    for (int t = 1; t < t0; t++) {
      double total = 0;
      for (int i = 0; i < k; i++) {
        v[i] *= 1 + returns[t][i];
        total += v[i];
      }
      if (rebalance > 0 && t % rebalance == 0) {
        Rebalance r = choose(returns, allocation, lookback, t, k);
        schedule.add(r);
        for (int i = 0; i < k; i++) {
          v[i] = r.weight(i) * total;
        }
      }
      equity[t] = total;
      values[t] = v.clone();
    }
    return new SleeveCombination(equity, values, schedule);
  }

  private static Rebalance choose(
      double[][] returns, Allocation allocation, int lookback, int t, int k) {
    if (allocation.needsHistory() && t < lookback) {
      return new Rebalance(t, AllocationMethods.equal(k), true);
    }
    CoMoments trailing = CoMoments.of(returns, Math.max(1, t - lookback + 1), t + 1);
    double[] w = allocation.weights(trailing);
    try {
      return new Rebalance(t, w, false);
    } catch (IllegalArgumentException e) {
      throw new IllegalStateException(
          "allocation "
              + allocation.name()
              + " returned invalid weights at bar "
              + t
              + ": "
              + e.getMessage(),
          e);
    }
  }

  /**
   * Simple returns of an equity curve: {@code r[0] = 0}, {@code r[t] = E[t] / E[t-1] - 1}, and 0
   * after the equity reached 0 (a bankrupt sleeve stays at 0).
   *
   * @throws IllegalArgumentException if a value is negative or not finite
   */
  public static double[] returns(double[] equity) {
    double[] r = new double[equity.length];
    for (int t = 0; t < equity.length; t++) {
      if (!(equity[t] >= 0) || Double.isInfinite(equity[t])) {
        throw new IllegalArgumentException(
            "equity[" + t + "] must be finite and >= 0, was " + equity[t]);
      }
      r[t] = t == 0 || equity[t - 1] == 0 ? 0 : equity[t] / equity[t - 1] - 1;
    }
    return r;
  }

  /** The {@code T x K} matrix of the returns of {@code K} equity curves of equal length. */
  public static double[][] returnMatrix(List<double[]> equityCurves) {
    if (equityCurves.isEmpty()) {
      throw new IllegalArgumentException("equityCurves must not be empty");
    }
    int t0 = equityCurves.get(0).length;
    int k = equityCurves.size();
    double[][] m = new double[t0][k];
    for (int i = 0; i < k; i++) {
      if (equityCurves.get(i).length != t0) {
        throw new IllegalArgumentException(
            "equity curve " + i + " has " + equityCurves.get(i).length + " bars, expected " + t0);
      }
      double[] r = returns(equityCurves.get(i));
      for (int t = 0; t < t0; t++) {
        m[t][i] = r[t];
      }
    }
    return m;
  }

  /**
   * The diversification ratio {@code sum_i w_i σ_i / sqrt(w'Σw)}: at least 1 for long-only weights,
   * 1 when all sleeves are perfectly correlated; {@code NaN} if the portfolio variance is 0.
   */
  public static double diversificationRatio(double[] weights, double[][] covariance) {
    int k = weights.length;
    if (covariance.length != k) {
      throw new IllegalArgumentException(
          "covariance must be "
              + k
              + " x "
              + k
              + ", has "
              + covariance.length
              + " rows; weights "
              + Arrays.toString(weights));
    }
    double num = 0;
    for (int i = 0; i < k; i++) {
      num += weights[i] * Math.sqrt(covariance[i][i]);
    }
    double[] sw = AllocationMethods.times(covariance, weights);
    double var = 0;
    for (int i = 0; i < k; i++) {
      var += weights[i] * sw[i];
    }
    return var > 0 ? num / Math.sqrt(var) : Double.NaN;
  }
}
