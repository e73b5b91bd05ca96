package dev.alphapulse.research.overfit;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.ToDoubleFunction;

/**
 * Probability of Backtest Overfitting by combinatorially symmetric cross-validation (CSCV; Bailey,
 * Borwein, Lopez de Prado and Zhu, "The Probability of Backtest Overfitting", 2015).
 *
 * <h2>Procedure</h2>
 *
 * <ol>
 *   <li>The {@code T x N} matrix of per-period returns of {@code N} trials (configurations) is cut
 *       into {@code S} contiguous row blocks; block {@code b} holds rows {@code [floor(b T / S),
 *       floor((b + 1) T / S))}, so sizes differ by at most one.
 *   <li>Each of the {@code C(S, S/2)} sets of {@code S/2} blocks is the in-sample set once, its
 *       complement the out-of-sample set (combinations in lexicographic order of the in-sample
 *       block indices).
 *   <li>The trial {@code n*} of best in-sample performance is chosen (the lowest index on ties).
 *   <li>Its out-of-sample rank is {@code r = 1 + #(trials performing strictly worse) + #(other
 *       trials performing equally) / 2}, so 1 is the worst, {@code N} the best, ties share the mid
 *       rank; its relative rank is {@code omega = r / (N + 1)}, in (0, 1), and its logit {@code
 *       lambda = ln(omega / (1 - omega))}.
 *   <li>PBO is the fraction of combinations with {@code lambda <= 0} (chosen trial at or below the
 *       out-of-sample median).
 * </ol>
 *
 * <p>Also reported: the performance degradation (least-squares slope and intercept of the chosen
 * trial's out-of-sample on its in-sample performance across combinations) and the probability of an
 * out-of-sample loss (performance below 0).
 *
 * <h2>Enough data</h2>
 *
 * <p>A result needs at least 2 trials and at least 2 rows per block ({@code T >= 2 S}, so that
 * every block set has a standard deviation); with fewer, the methods return {@link
 * Optional#empty()}. {@code S} must be even, from 2 to {@value #MAX_BLOCKS} (C(24, 12) = 2,704,156
 * combinations), otherwise the call fails. Stateless and thread-safe.
 */
public final class BacktestOverfitting {
  /** Largest number of blocks accepted. */
  public static final int MAX_BLOCKS = 24;

  private BacktestOverfitting() {}

  /**
   * PBO with a performance metric computed from per-block sums (fast).
   *
   * @param returns {@code returns[t][n]}: per-period return of trial {@code n} in period {@code t};
   *     rectangular, finite
   * @param blocks number of row blocks {@code S}, even, in [2, {@value #MAX_BLOCKS}]
   * @param metric the performance function (Sharpe ratio or mean return)
   * @return the result, or empty when there are fewer than 2 trials or fewer than {@code 2 S} rows
   */
  public static Optional<PboResult> compute(
      double[][] returns, int blocks, PerformanceMetric metric) {
    Objects.requireNonNull(metric, "metric");
    int[] shape = check(returns, blocks);
    int t = shape[0];
    int n = shape[1];
    if (n < 2 || t < 2 * blocks) {
      return Optional.empty();
    }
    // per block and trial: count, sum, sum of squares
    double[][] sum = new double[blocks][n];
    double[][] sumSq = new double[blocks][n];
    double[] count = new double[blocks];
    for (int b = 0; b < blocks; b++) {
      int from = blockStart(b, t, blocks);
      int to = blockStart(b + 1, t, blocks);
      count[b] = to - from;
      for (int row = from; row < to; row++) {
        double[] r = returns[row];
        for (int j = 0; j < n; j++) {
          sum[b][j] += r[j];
          sumSq[b][j] += r[j] * r[j];
        }
      }
    }
    return Optional.of(
        run(
            t,
            n,
            blocks,
            (inSample, perf) -> {
              for (int j = 0; j < n; j++) {
                double c = 0;
                double s = 0;
                double ss = 0;
                for (int b = 0; b < blocks; b++) {
                  if (inSample[b]) {
                    c += count[b];
                    s += sum[b][j];
                    ss += sumSq[b][j];
                  }
                }
                perf[j] = metric.of(c, s, ss);
              }
            }));
  }

  /**
   * PBO with an arbitrary performance function of a trial's returns over a block set (the rows of
   * the set's blocks in time order). Slower: each combination passes over all returns.
   *
   * @param performance maps a trial's returns over a block set to its performance, higher is better
   */
  public static Optional<PboResult> compute(
      double[][] returns, int blocks, ToDoubleFunction<double[]> performance) {
    Objects.requireNonNull(performance, "performance");
    int[] shape = check(returns, blocks);
    int t = shape[0];
    int n = shape[1];
    if (n < 2 || t < 2 * blocks) {
      return Optional.empty();
    }
    return Optional.of(
        run(
            t,
            n,
            blocks,
            (inSample, perf) -> {
              int rows = 0;
              for (int b = 0; b < blocks; b++) {
                if (inSample[b]) {
                  rows += blockStart(b + 1, t, blocks) - blockStart(b, t, blocks);
                }
              }
              double[] column = new double[rows];
              for (int j = 0; j < n; j++) {
                int k = 0;
                for (int b = 0; b < blocks; b++) {
                  if (inSample[b]) {
                    for (int row = blockStart(b, t, blocks);
                        row < blockStart(b + 1, t, blocks);
                        row++) {
                      column[k++] = returns[row][j];
                    }
                  }
                }
                perf[j] = performance.applyAsDouble(column.clone());
              }
            }));
  }

  /** First row of block {@code b} of {@code blocks} over {@code t} rows. */
  static int blockStart(int b, int t, int blocks) {
    return (int) ((long) b * t / blocks);
  }

  /** Fills {@code perf[j]} with trial j's performance over the blocks flagged in the set. */
  private interface SetPerformance {
    void evaluate(boolean[] blockSet, double[] perf);
  }

  private static PboResult run(int t, int n, int blocks, SetPerformance performance) {
    int half = blocks / 2;
    int[] chosen = new int[half];
    for (int i = 0; i < half; i++) {
      chosen[i] = i;
    }
    boolean[] inSample = new boolean[blocks];
    boolean[] outOfSample = new boolean[blocks];
    double[] isPerf = new double[n];
    double[] oosPerf = new double[n];
    List<Double> logits = new ArrayList<>();
    List<Double> isBest = new ArrayList<>();
    List<Double> oosBest = new ArrayList<>();
    int overfit = 0;
    int losses = 0;
    do {
      java.util.Arrays.fill(inSample, false);
      for (int b : chosen) {
        inSample[b] = true;
      }
      for (int b = 0; b < blocks; b++) {
        outOfSample[b] = !inSample[b];
      }
      performance.evaluate(inSample, isPerf);
      performance.evaluate(outOfSample, oosPerf);
      int best = 0;
      for (int j = 1; j < n; j++) {
        if (isPerf[j] > isPerf[best]) {
          best = j;
        }
      }
      double target = oosPerf[best];
      double below = 0;
      double equal = 0;
      for (int j = 0; j < n; j++) {
        if (j != best) {
          if (oosPerf[j] < target) {
            below++;
          } else if (oosPerf[j] == target) {
            equal++;
          }
        }
      }
      double omega = (1 + below + equal / 2) / (n + 1);
      double lambda = Math.log(omega / (1 - omega));
      logits.add(lambda);
      isBest.add(isPerf[best]);
      oosBest.add(target);
      if (lambda <= 0) {
        overfit++;
      }
      if (target < 0) {
        losses++;
      }
    } while (nextCombination(chosen, blocks));

    int c = logits.size();
    double mx = 0;
    double my = 0;
    for (int k = 0; k < c; k++) {
      mx += isBest.get(k) / c;
      my += oosBest.get(k) / c;
    }
    double sxy = 0;
    double sxx = 0;
    for (int k = 0; k < c; k++) {
      double dx = isBest.get(k) - mx;
      sxy += dx * (oosBest.get(k) - my);
      sxx += dx * dx;
    }
    double slope = sxx > 0 ? sxy / sxx : Double.NaN;
    double intercept = sxx > 0 ? my - slope * mx : Double.NaN;
    return new PboResult(
        (double) overfit / c,
        logits,
        isBest,
        oosBest,
        slope,
        intercept,
        (double) losses / c,
        n,
        t,
        blocks);
  }

  /** Advances {@code chosen} to the next k-subset of [0, s) in lexicographic order. */
  static boolean nextCombination(int[] chosen, int s) {
    int k = chosen.length;
    int i = k - 1;
    while (i >= 0 && chosen[i] == s - k + i) {
      i--;
    }
    if (i < 0) {
      return false;
    }
    chosen[i]++;
    for (int j = i + 1; j < k; j++) {
      chosen[j] = chosen[j - 1] + 1;
    }
    return true;
  }

  /** Validates and returns {T, N}. */
  private static int[] check(double[][] returns, int blocks) {
    Objects.requireNonNull(returns, "returns");
    if (blocks < 2 || blocks % 2 != 0 || blocks > MAX_BLOCKS) {
      throw new IllegalArgumentException(
          "blocks must be even and in [2, " + MAX_BLOCKS + "], was " + blocks);
    }
    int n = returns.length == 0 ? 0 : Objects.requireNonNull(returns[0], "returns[0]").length;
    for (int row = 0; row < returns.length; row++) {
      double[] r = returns[row];
      if (r == null) {
        throw new NullPointerException("returns[" + row + "]");
      }
      if (r.length != n) {
        throw new IllegalArgumentException(
            "returns must be rectangular: returns["
                + row
                + "] has "
                + r.length
                + " trials, returns[0] has "
                + n);
      }
      for (int j = 0; j < n; j++) {
        if (!Double.isFinite(r[j])) {
          throw new IllegalArgumentException(
              "returns[" + row + "][" + j + "] must be finite, was " + r[j]);
        }
      }
    }
    return new int[] {returns.length, n};
  }
}
