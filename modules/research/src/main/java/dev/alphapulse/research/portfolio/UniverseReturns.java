package dev.alphapulse.research.portfolio;

import dev.alphapulse.engine.data.Universe;

/**
 * Close-to-close simple returns of a {@link Universe}, and their co-moments and per-symbol
 * summaries over a chunk of bars, so that a universe's covariance and moments are computed in
 * parallel time chunks and merged.
 *
 * <p>The return of symbol {@code s} at bar {@code t >= 1} is {@code close[t] / close[t-1] - 1}; it
 * is {@code NaN} at bar 0, where either close is {@code NaN} (not trading yet), or where the symbol
 * has no bar of its own at {@code t} ({@link Universe#hasBar}). A chunk of bars {@code [from, to)}
 * holds the returns of those bars, so disjoint chunks covering the calendar hold every return
 * exactly once.
 */
public final class UniverseReturns {
  private UniverseReturns() {}

  /** The return of symbol {@code s} at bar {@code t} as defined above. */
  public static double simpleReturn(Universe u, int s, int t) {
    if (t < 1 || !u.hasBar(s, t)) {
      return Double.NaN;
    }
    double prev = u.series(s).close(t - 1);
    double cur = u.series(s).close(t);
    return cur / prev - 1;
  }

  /** The {@code size x symbolCount} return matrix ({@code NaN} where undefined). */
  public static double[][] matrix(Universe u) {
    double[][] r = new double[u.size()][u.symbolCount()];
    for (int t = 0; t < u.size(); t++) {
      for (int s = 0; s < u.symbolCount(); s++) {
        r[t][s] = simpleReturn(u, s, t);
      }
    }
    return r;
  }

  /**
   * The co-moments of the return rows of bars {@code [from, to)} in which every symbol has a return
   * (listwise deletion of incomplete rows).
   */
  public static CoMoments coMoments(Universe u, int from, int to) {
    checkRange(u, from, to);
    int k = u.symbolCount();
    CoMoments c = CoMoments.empty(k);
    double[] row = new double[k];
    for (int t = from; t < to; t++) {
      boolean complete = true;
      for (int s = 0; s < k && complete; s++) {
        row[s] = simpleReturn(u, s, t);
        complete = Double.isFinite(row[s]);
      }
      if (complete) {
        c.add(row);
      }
    }
    return c;
  }

  /** Per-symbol summaries of the returns of bars {@code [from, to)} (undefined returns skipped). */
  public static SymbolSummaries summaries(Universe u, int from, int to) {
    checkRange(u, from, to);
    SymbolSummaries out = SymbolSummaries.empty();
    for (int s = 0; s < u.symbolCount(); s++) {
      for (int t = from; t < to; t++) {
        out.add(u.symbol(s), simpleReturn(u, s, t));
      }
    }
    return out;
  }

  private static void checkRange(Universe u, int from, int to) {
    if (from < 0 || to > u.size() || from > to) {
      throw new IllegalArgumentException(
          "bar range [" + from + ", " + to + ") is not within [0, " + u.size() + "]");
    }
  }
}
