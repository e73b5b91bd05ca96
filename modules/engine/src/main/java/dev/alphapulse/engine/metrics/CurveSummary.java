package dev.alphapulse.engine.metrics;

import dev.alphapulse.engine.broker.Trade;
import java.util.Arrays;
import java.util.List;

/**
 * The statistics of an equity curve that need a pass over every bar, before the convention turns
 * them into annual figures.
 *
 * <h2>Two ways to compute it, one result</h2>
 *
 * {@code Metrics.direct} follows the definitions one statistic at a time (an array of returns, of
 * drawdowns, of log returns...). {@link #fused} computes the same values in two passes over the
 * equity with one scratch array, for the common case of a sweep: every bar is a return period of
 * its own (daily bars) and the market's log returns have no gap. It is exact, not approximate: each
 * sum is accumulated by the same operations in the same order as its definition, and only values
 * that are provably equal are shared:
 *
 * <ul>
 *   <li>the log return {@code log(e[t] / e[t-1])} of Beta is also the geometric mean's {@code log(1
 *       + r)} where {@code 1 + (q - 1) == q} (checked per bar; true for {@code q} in [0.5, 2] by
 *       Sterbenz's lemma), so one {@code log} per bar serves both;
 *   <li>the market's log returns, their mean and variance depend only on the close column and are
 *       remembered for the last column seen ({@link MarketReturns});
 *   <li>running maxima ({@code Math.max} is exact, commutative and associative, NaN included) give
 *       each drawdown period's peak without a second scan;
 *   <li>exposure is the size of the union of the trades' bar intervals, counted from the intervals
 *       instead of a flag per bar.
 * </ul>
 *
 * {@code MetricsFusedPathTest} compares both ways bit for bit.
 */
record CurveSummary(
    int exposedBars,
    double peak,
    double geometricMean,
    double mean,
    double variance,
    double downsideSquareMean,
    double maxDrawdown,
    double beta,
    double maxDrawdownMillis,
    double sumDrawdownMillis,
    double sumDrawdownPeaks,
    int drawdownPeriods) {

  private static final IdentityMemo<double[], MarketReturns> MARKET = new IdentityMemo<>();

  /**
   * The summary by the fused passes, or {@code null} when they do not apply (fewer than three bars,
   * bars sharing a return period, or a gap in the market's log returns).
   */
  static CurveSummary fused(long[] time, double[] e, List<Trade> trades, double[] close) {
    int n = e.length;
    if (n < 3 || !CalendarFacts.of(time).eachBarOwnPeriod()) {
      return null;
    }
    MarketReturns market = MARKET.get(close, MarketReturns::of);
    if (market.logReturns() == null) {
      return null;
    }
    double[] b = market.logReturns();
    double[] a = new double[n - 1];

    // pass 1: peak, drawdowns and their periods, return sums, log returns
    double max = Math.max(Double.NEGATIVE_INFINITY, e[0]);
    double dd = 1 - e[0] / max;
    double maxDd = dd > 0 ? dd : 0;
    double maxDur = Double.NaN;
    double sumDur = 0;
    double sumPeak = 0;
    int periods = 0;
    int prev = 0;
    double segMax = Math.max(0.0, dd);
    if (!(dd == 0)) {
      prev = -1; // the first zero-drawdown bar (or the last bar) opens the first period
    }
    double sumR = 0;
    double sumDown = 0;
    int countR = 0;
    double sumLog1pR = 0;
    boolean ruined = false;
    double sumA = 0;
    for (int t = 1; t < n; t++) {
      double et = e[t];
      max = Math.max(max, et);
      dd = 1 - et / max;
      if (dd > maxDd) {
        maxDd = dd;
      }
      segMax = Math.max(segMax, dd);
      if (dd == 0 || t == n - 1) {
        if (prev >= 0 && t > prev + 1) {
          long dur = time[t] - time[prev];
          maxDur = Double.isNaN(maxDur) ? dur : Math.max(maxDur, dur);
          sumDur += dur;
          sumPeak += segMax;
          periods++;
        }
        prev = t;
        segMax = Math.max(0.0, dd);
      }
      double q = et / e[t - 1];
      double x = Math.log(q);
      a[t - 1] = x;
      sumA += x;
      double r = q - 1;
      if (!Double.isNaN(r)) {
        countR++;
        sumR += r;
        double neg = Math.min(r, 0);
        sumDown += neg * neg;
        if (!ruined) {
          double w = 1 + r;
          if (w <= 0) {
            ruined = true; // the geometric mean is then 0 whatever follows
          } else {
            sumLog1pR += w == q ? x : Math.log(w);
          }
        }
      }
    }
    double mean = countR == 0 ? Double.NaN : sumR / countR;
    double geo = ruined ? 0 : countR == 0 ? Double.NaN : Math.exp(sumLog1pR / countR) - 1;
    int m = n - 1;
    double ma = sumA / m;
    double mb = market.mean();

    // pass 2: squared deviations of returns, co-deviation with the market
    double ss = 0;
    double cov = 0;
    for (int t = 1; t < n; t++) {
      double r = e[t] / e[t - 1] - 1;
      if (!Double.isNaN(r)) {
        ss += (r - mean) * (r - mean);
      }
      cov += (a[t - 1] - ma) * (b[t - 1] - mb);
    }
    double variance = countR - 1 <= 0 ? Double.NaN : ss / (countR - 1);
    return new CurveSummary(
        exposedBars(trades, n),
        max,
        geo,
        mean,
        variance,
        countR == 0 ? Double.NaN : sumDown / countR,
        maxDd,
        cov / market.variance(),
        maxDur,
        sumDur,
        sumPeak,
        periods);
  }

  /** Bars inside at least one trade's [entry, exit] interval. */
  static int exposedBars(List<Trade> trades, int n) {
    int k = trades.size();
    long[] spans = new long[k];
    for (int j = 0; j < k; j++) {
      Trade t = trades.get(j);
      if (t.entryBar() < 0 || t.exitBar() + 1 > n || t.entryBar() > t.exitBar() + 1) {
        throw new ArrayIndexOutOfBoundsException(
            "trade bars [" + t.entryBar() + ", " + t.exitBar() + "] outside 0.." + (n - 1));
      }
      spans[j] = ((long) t.entryBar() << 32) | (t.exitBar() + 1);
    }
    Arrays.sort(spans);
    int exposed = 0;
    int covered = 0; // bars [0, covered) are counted
    for (long span : spans) {
      int from = Math.max((int) (span >>> 32), covered);
      int to = (int) span;
      if (to > from) {
        exposed += to - from;
        covered = to;
      }
    }
    return exposed;
  }

  /**
   * A close column's log returns {@code log(c[t] / c[t-1])} for t = 1..n-1, their mean and the sum
   * of their squared deviations, as Beta computes them; {@code logReturns} is null when one is NaN
   * (Beta then skips bars, which the fused pass does not do).
   */
  record MarketReturns(double[] logReturns, double mean, double variance) {
    static MarketReturns of(double[] close) {
      int m = close.length - 1;
      double[] b = new double[Math.max(m, 0)];
      double mb = 0;
      for (int t = 1; t <= m; t++) {
        double y = Math.log(close[t] / close[t - 1]);
        if (Double.isNaN(y)) {
          return new MarketReturns(null, Double.NaN, Double.NaN);
        }
        b[t - 1] = y;
      }
      for (int k = 0; k < m; k++) {
        mb += b[k];
      }
      mb /= m;
      double var = 0;
      for (int k = 0; k < m; k++) {
        var += (b[k] - mb) * (b[k] - mb);
      }
      return new MarketReturns(b, mb, var);
    }
  }
}
