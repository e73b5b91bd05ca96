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
 * drawdowns, of log returns...). {@link #fused} computes the same values in four loops (ratios,
 * drawdowns and return sums; the logs, vectorized; log sums and squared deviations; co-deviation
 * with the market) over the equity and two scratch arrays (the bar-to-bar ratios and their logs,
 * from a {@link Metrics.Workspace} that a sweep reuses), for the common case of a sweep: every bar
 * is a return period of its own (daily bars), the market's log returns have no gap and the equity
 * is finite. It is exact, not approximate: each sum is accumulated by the same operations in the
 * same order as its definition, and only values that are provably equal are shared or skipped:
 *
 * <ul>
 *   <li>the log return {@code log(e[t] / e[t-1])} of Beta is also the geometric mean's {@code log(1
 *       + r)} where {@code 1 + (q - 1) == q} (true for {@code q} in [0.5, 2] by Sterbenz's lemma),
 *       so one {@code log} per bar serves both; the logs are {@link FastLog}'s, computed for all
 *       bars in one vectorized loop;
 *   <li>the market's log returns, their mean and variance depend only on the close column and are
 *       remembered for the last column seen ({@link MarketReturns});
 *   <li>the drawdown is a division only at the ends of drawdown periods: inside one the maximum is
 *       constant and the largest drawdown is that of the lowest equity (see the comment in {@link
 *       #fused});
 *   <li>exposure is the size of the union of the trades' bar intervals, counted from the intervals
 *       instead of a flag per bar.
 * </ul>
 *
 * {@code SweepFastPathTest} and {@code SweepStatisticsTest} compare both ways bit for bit.
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
   * bars sharing a return period, a gap in the market's log returns, an equity that is not finite
   * or does not start positive). Allocates its two scratch arrays.
   */
  static CurveSummary fused(long[] time, double[] e, List<Trade> trades, double[] close) {
    return fused(time, e, trades, close, new Metrics.Workspace());
  }

  /** {@link #fused(long[], double[], List, double[])} with the scratch arrays of {@code ws}. */
  static CurveSummary fused(
      long[] time, double[] e, List<Trade> trades, double[] close, Metrics.Workspace ws) {
    int n = e.length;
    if (n < 3
        || !CalendarFacts.of(time).eachBarOwnPeriod()
        || !(e[0] > 0 && e[0] < Double.POSITIVE_INFINITY)) {
      return null;
    }
    MarketReturns market = MARKET.get(close, MarketReturns::of);
    if (market.logReturns() == null) {
      return null;
    }
    double[] b = market.logReturns();
    int m = n - 1;
    double[] q = ws.ratios(m);
    double[] a = ws.logs(m);

    // pass 1a: bar-to-bar ratios; peak, drawdowns and their periods.
    //
    // Drawdown dd[t] = 1 - e[t] / max(e[0..t]). With e[0] positive and every e finite, dd[t] is 0
    // exactly when e[t] >= the running maximum (a new or equal peak) and positive otherwise (e[t]
    // <= the next double below the maximum gives a quotient that rounds below 1). So drawdown
    // periods start and end at the bars with e[t] >= max, the maximum is constant inside a
    // period, and, since x -> 1 - x / max is monotone under rounding, the largest drawdown of a
    // period is 1 - (its lowest equity) / max: one division per period instead of one per bar,
    // giving the same bits as the per-bar definition. A NaN or infinite equity leaves this path.
    double max = e[0];
    double maxDd = 0;
    double maxDur = Double.NaN;
    double sumDur = 0;
    double sumPeak = 0;
    int periods = 0;
    int prev = 0;
    double low = Double.POSITIVE_INFINITY; // lowest equity since bar prev (exclusive)
    double before = e[0];
    double sumR = 0;
    double sumDown = 0;
    int countR = 0;
    for (int t = 1; t < n; t++) {
      double et = e[t];
      double qt = et / before;
      q[t - 1] = qt;
      before = et;
      // the return sums: for a ratio near 1 (nearly every bar) r = q - 1 is exact, not NaN, and
      // min(r, 0)^2 is r * r or +0.0 (which changes no sum)
      double r = qt - 1;
      if (Math.abs(r) < FastLog.RADIUS) {
        countR++;
        sumR += r;
        if (r < 0) {
          sumDown += r * r;
        }
      } else if (!Double.isNaN(r)) {
        countR++;
        sumR += r;
        double neg = Math.min(r, 0);
        sumDown += neg * neg;
      }
      if (et < max && t != m) {
        low = et < low ? et : low;
        continue;
      }
      // a period boundary: a new or equal peak, or the last bar
      double dd;
      if (et >= max) {
        if (et == Double.POSITIVE_INFINITY) {
          return null;
        }
        dd = 0;
      } else if (et < max) {
        dd = 1 - et / max; // the last bar, in a drawdown
        low = Math.min(low, et);
      } else {
        return null; // NaN
      }
      double segMax = low < max ? 1 - low / max : 0.0;
      segMax = Math.max(segMax, dd);
      if (segMax > maxDd) {
        maxDd = segMax;
      }
      if (t > prev + 1) {
        long dur = time[t] - time[prev];
        maxDur = Double.isNaN(maxDur) ? dur : Math.max(maxDur, dur);
        sumDur += dur;
        sumPeak += segMax;
        periods++;
      }
      prev = t;
      low = Double.POSITIVE_INFINITY;
      if (et > max) {
        max = et;
      }
    }

    // the logs of the ratios by the polynomial (vectorized); pass 1b replaces those of ratios
    // that are not near 1 by Math.log, which is what FastLog.log gives
    FastLog.log1p(q, a, m);

    // pass 1b: log returns, squared deviations of returns. For a ratio q near 1, 1 + r == q > 0,
    // so the geometric mean's log(1 + r) is the log return itself: the short branch.
    double mean = countR == 0 ? Double.NaN : sumR / countR;
    double sumA = 0;
    double sumLog1pR = 0;
    double ss = 0;
    boolean ruined = false;
    for (int k = 0; k < m; k++) {
      double qt = q[k];
      double r = qt - 1;
      if (Math.abs(r) < FastLog.RADIUS) {
        double x = a[k];
        sumA += x;
        if (!ruined) {
          sumLog1pR += x;
        }
        ss += (r - mean) * (r - mean);
        continue;
      }
      double x = Math.log(qt);
      a[k] = x;
      sumA += x;
      if (!Double.isNaN(r)) {
        if (!ruined) {
          double w = 1 + r;
          if (w <= 0) {
            ruined = true; // the geometric mean is then 0 whatever follows
          } else {
            sumLog1pR += w == qt ? x : FastLog.log(w);
          }
        }
        ss += (r - mean) * (r - mean);
      }
    }
    double geo = ruined ? 0 : countR == 0 ? Double.NaN : Math.exp(sumLog1pR / countR) - 1;
    double ma = sumA / m;
    double mb = market.mean();

    // pass 2: co-deviation with the market
    double cov = 0;
    for (int j = 0; j < m; j++) {
      cov += (a[j] - ma) * (b[j] - mb);
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
    boolean sorted = true;
    for (int j = 0; j < k; j++) {
      Trade t = trades.get(j);
      if (t.entryBar() < 0 || t.exitBar() + 1 > n || t.entryBar() > t.exitBar() + 1) {
        throw new ArrayIndexOutOfBoundsException(
            "trade bars [" + t.entryBar() + ", " + t.exitBar() + "] outside 0.." + (n - 1));
      }
      spans[j] = ((long) t.entryBar() << 32) | (t.exitBar() + 1);
      sorted &= j == 0 || spans[j - 1] <= spans[j];
    }
    if (!sorted) { // trades close in order of their entries unless several are open at once
      Arrays.sort(spans);
    }
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
        double y = FastLog.log(close[t] / close[t - 1]);
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
