package dev.alphapulse.research.montecarlo;

import java.util.Objects;

/**
 * The per-path results of some Monte Carlo paths, keyed and sorted by path index. A partial result:
 * {@link #empty()} is the identity of {@link #merge(PathBatch)}, and merge is associative and
 * commutative (the result is sorted by path index whatever the order of arrival). Batches to be
 * merged must hold disjoint path indices of the same model. Immutable.
 *
 * <p>Per path: final equity, CAGR, maximum drawdown (a fraction), annualised Sharpe ratio (may be
 * {@code NaN}), minimum equity reached and whether the path hit ruin (see {@link MonteCarloModel}
 * for the conventions). Paths whose index is below the spec's {@code fanPaths} also keep their
 * equity curve ({@code steps + 1} values, starting equity first) for the {@link FanChart}.
 */
public final class PathBatch {
  private static final PathBatch EMPTY =
      new PathBatch(
          new long[0],
          new double[0],
          new double[0],
          new double[0],
          new double[0],
          new double[0],
          new boolean[0],
          new long[0],
          new double[0][]);

  private final long[] index;
  private final double[] finalEquity;
  private final double[] cagr;
  private final double[] maxDrawdown;
  private final double[] sharpe;
  private final double[] minEquity;
  private final boolean[] ruined;
  private final long[] fanIndex;
  private final double[][] fanCurves;

  PathBatch(
      long[] index,
      double[] finalEquity,
      double[] cagr,
      double[] maxDrawdown,
      double[] sharpe,
      double[] minEquity,
      boolean[] ruined,
      long[] fanIndex,
      double[][] fanCurves) {
    this.index = index;
    this.finalEquity = finalEquity;
    this.cagr = cagr;
    this.maxDrawdown = maxDrawdown;
    this.sharpe = sharpe;
    this.minEquity = minEquity;
    this.ruined = ruined;
    this.fanIndex = fanIndex;
    this.fanCurves = fanCurves;
  }

  /** No paths. */
  public static PathBatch empty() {
    return EMPTY;
  }

  /**
   * The union of this batch and {@code other}, sorted by path index.
   *
   * @throws IllegalArgumentException when both hold the same path index, or their fan curves have
   *     different lengths (batches of different models)
   */
  public PathBatch merge(PathBatch other) {
    Objects.requireNonNull(other, "other");
    if (other.size() == 0) {
      return this;
    }
    if (size() == 0) {
      return other;
    }
    if (fanCurves.length > 0
        && other.fanCurves.length > 0
        && fanCurves[0].length != other.fanCurves[0].length) {
      throw new IllegalArgumentException(
          "other has fan curves of "
              + other.fanCurves[0].length
              + " points, this batch of "
              + fanCurves[0].length
              + ": batches of different models");
    }
    int n = index.length + other.index.length;
    long[] idx = new long[n];
    double[] fe = new double[n];
    double[] cg = new double[n];
    double[] md = new double[n];
    double[] sh = new double[n];
    double[] me = new double[n];
    boolean[] ru = new boolean[n];
    int a = 0;
    int b = 0;
    for (int k = 0; k < n; k++) {
      PathBatch src;
      int j;
      if (b >= other.index.length || (a < index.length && index[a] < other.index[b])) {
        src = this;
        j = a++;
      } else {
        if (a < index.length && index[a] == other.index[b]) {
          throw new IllegalArgumentException(
              "path " + index[a] + " is in both batches; merged batches must be disjoint");
        }
        src = other;
        j = b++;
      }
      idx[k] = src.index[j];
      fe[k] = src.finalEquity[j];
      cg[k] = src.cagr[j];
      md[k] = src.maxDrawdown[j];
      sh[k] = src.sharpe[j];
      me[k] = src.minEquity[j];
      ru[k] = src.ruined[j];
    }
    int fn = fanIndex.length + other.fanIndex.length;
    long[] fi = new long[fn];
    double[][] fc = new double[fn][];
    a = 0;
    b = 0;
    for (int k = 0; k < fn; k++) {
      if (b >= other.fanIndex.length || (a < fanIndex.length && fanIndex[a] < other.fanIndex[b])) {
        fi[k] = fanIndex[a];
        fc[k] = fanCurves[a++];
      } else {
        fi[k] = other.fanIndex[b];
        fc[k] = other.fanCurves[b++];
      }
    }
    return new PathBatch(idx, fe, cg, md, sh, me, ru, fi, fc);
  }

  /** Number of paths. */
  public int size() {
    return index.length;
  }

  /** Path index of the {@code i}-th path (ascending in {@code i}). */
  public long pathIndex(int i) {
    return index[i];
  }

  /** Final equity of the {@code i}-th path, non-negative. */
  public double finalEquity(int i) {
    return finalEquity[i];
  }

  /** Compound annual growth rate of the {@code i}-th path, at least -1. */
  public double cagr(int i) {
    return cagr[i];
  }

  /** Maximum drawdown of the {@code i}-th path as a fraction in [0, 1]. */
  public double maxDrawdown(int i) {
    return maxDrawdown[i];
  }

  /** Annualised Sharpe ratio of the {@code i}-th path, {@code NaN} when undefined. */
  public double sharpe(int i) {
    return sharpe[i];
  }

  /** Lowest equity the {@code i}-th path reached (the starting equity at most). */
  public double minEquity(int i) {
    return minEquity[i];
  }

  /** Whether the {@code i}-th path fell below the spec's ruin threshold. */
  public boolean ruined(int i) {
    return ruined[i];
  }

  /** Copies of the per-path columns, in path-index order. */
  public long[] pathIndices() {
    return index.clone();
  }

  /** Final equities in path-index order (a copy). */
  public double[] finalEquities() {
    return finalEquity.clone();
  }

  /** CAGRs in path-index order (a copy). */
  public double[] cagrs() {
    return cagr.clone();
  }

  /** Maximum drawdowns in path-index order (a copy). */
  public double[] maxDrawdowns() {
    return maxDrawdown.clone();
  }

  /** Sharpe ratios in path-index order (a copy). */
  public double[] sharpes() {
    return sharpe.clone();
  }

  /** Minimum equities in path-index order (a copy). */
  public double[] minEquities() {
    return minEquity.clone();
  }

  /** Number of kept equity curves (paths with index below the spec's {@code fanPaths}). */
  public int fanPathCount() {
    return fanIndex.length;
  }

  /** Path index of the {@code i}-th kept curve. */
  public long fanPathIndex(int i) {
    return fanIndex[i];
  }

  /** A copy of the {@code i}-th kept equity curve ({@code steps + 1} values). */
  public double[] fanCurve(int i) {
    return fanCurves[i].clone();
  }

  double[][] fanCurvesView() {
    return fanCurves;
  }

  double[] finalEquityView() {
    return finalEquity;
  }

  double[] cagrView() {
    return cagr;
  }

  double[] maxDrawdownView() {
    return maxDrawdown;
  }

  double[] sharpeView() {
    return sharpe;
  }

  boolean[] ruinedView() {
    return ruined;
  }

  double[] minEquityView() {
    return minEquity;
  }
}
