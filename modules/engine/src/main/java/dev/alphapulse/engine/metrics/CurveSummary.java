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
 * drawdowns, of log returns...). {@link #fused} computes the same values for the common case of a
 * sweep (every bar is a return period of its own, as daily bars are; the market's log returns have
 * no gap; the equity is finite and positive) in two passes over the equity, without a per-bar
 * array: a sequential scan for the peak and the drawdowns, and a pass over blocks of {@value
 * LaneSum#LANES} bars that computes the blocks' ratios and logs into small scratch arrays (loops
 * the JIT vectorizes) and adds them to {@value LaneSum#LANES} lanes per sum, element by element
 * (vectorized too). It is exact, not approximate: every sum has {@link LaneSum}'s order in both
 * ways, and only values that are provably equal are shared or skipped:
 *
 * <ul>
 *   <li>the log return {@code log(e[t] / e[t-1])} of Beta is also the geometric mean's {@code log(1
 *       + r)} where {@code 1 + (q - 1) == q} (true for {@code q} in [0.5, 2] by Sterbenz's lemma),
 *       so one {@code log} per bar serves both; the logs are {@link FastLog}'s polynomial, replaced
 *       by {@code Math.log} in the rare blocks with a ratio that is not near 1;
 *   <li>the market's log returns and their sums depend only on the close column and are remembered
 *       for the last few columns seen ({@link MarketReturns});
 *   <li>the drawdown is a division only at the ends of drawdown periods: inside one the maximum is
 *       constant and the largest drawdown is that of the lowest equity (see {@link Drawdowns});
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
   * or not positive). Allocates its scratch arrays.
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
    if (market.blocks() == null) {
      return null;
    }
    int m = n - 1;
    boolean[] flat = ws.flatBlocks(e, m);
    Drawdowns dd = Drawdowns.scan(time, e, flat);
    if (dd == null) {
      return null;
    }
    // A ruined account (Backtest leaves the equity at 0 from the bankrupt bar z on) has ordinary
    // ratios up to bar z - 1, then 0 (a return of -1), then 0 / 0: NaN, which is not a return.
    int ordinary = m;
    if (e[m] == 0) {
      int z = m;
      while (e[z - 1] == 0) { // stops at bar 0, which is positive
        z--;
      }
      ordinary = z - 1;
    }
    ws.clear();
    for (int base = 0; base < ordinary; base += LaneSum.LANES) {
      if (flat[base / LaneSum.LANES]) {
        continue; // ratios of exactly 1: every term it would add is +0 or -0 (see flatBlocks)
      }
      int len = Math.min(LaneSum.LANES, ordinary - base);
      ws.load(e, base, len);
      ws.ratiosAndLogs(len);
      double[] growth = ws.logs;
      if (!nearOne(ws.ratios, len)) {
        growth = ws.growthLogs;
        if (!farFromOne(ws.ratios, ws.logs, growth, len)) {
          return null;
        }
        ws.splitGrowth();
      }
      ws.add(growth, market.blocks()[base / LaneSum.LANES], len);
    }
    int returns = m;
    double geometricMean;
    if (ordinary == m) {
      geometricMean = Math.exp(ws.sumGrowth() / m) - 1;
    } else {
      returns = ordinary + 1;
      ws.addRuin(e, market.blocks(), ordinary, m);
      geometricMean = 0; // a return of -1: 1 + r <= 0
    }
    double sumR = LaneSum.combine(ws.sumR);
    double sumA = LaneSum.combine(ws.sumA);
    return new CurveSummary(
        exposedBars(trades, n),
        dd.peak(),
        geometricMean,
        sumR / returns,
        Metrics.returnVariance(sumR, LaneSum.combine(ws.sumR2), returns),
        LaneSum.combine(ws.sumDown) / returns,
        dd.maxDrawdown(),
        Metrics.betaFromSums(sumA, LaneSum.combine(ws.sumAB), market.sum(), market.squares(), m),
        dd.maxDurationMillis(),
        dd.sumDurationMillis(),
        dd.sumPeaks(),
        dd.periods());
  }

  /** True when every ratio of the block takes {@link FastLog}'s polynomial (false for NaN). */
  private static boolean nearOne(double[] q, int len) {
    // a branch per element, not a running maximum: Math.max is a chain of several dependent
    // instructions per element, a branch that is (nearly) never taken costs about a cycle
    for (int j = 0; j < len; j++) {
      if (!(Math.abs(q[j] - 1) < FastLog.RADIUS)) {
        return false;
      }
    }
    return true;
  }

  /**
   * Fixes a block that has a ratio not near 1: its log becomes {@code Math.log} (what {@link
   * FastLog#log} gives there) and the geometric mean's {@code log(1 + r)} is computed from {@code 1
   * + r}, which may differ from the ratio there; {@code growth} gets every bar's {@code log(1 +
   * r)}. False for a NaN, infinite or non-positive ratio, which the direct definitions handle.
   */
  private static boolean farFromOne(double[] q, double[] a, double[] growth, int len) {
    for (int j = 0; j < len; j++) {
      double qj = q[j];
      double r = qj - 1;
      if (Math.abs(r) < FastLog.RADIUS) {
        growth[j] = a[j];
        continue;
      }
      double w = 1 + r;
      if (!(w > 0) || !(qj < Double.POSITIVE_INFINITY)) {
        return false;
      }
      a[j] = FastLog.log(qj);
      growth[j] = w == qj ? a[j] : FastLog.log(w);
    }
    return true;
  }

  /**
   * The peak and the drawdown periods of a finite equity curve in one sequential scan.
   *
   * <p>Drawdown dd[t] = 1 - e[t] / max(e[0..t]). With e[0] positive and every e finite, dd[t] is 0
   * exactly when e[t] >= the running maximum (a new or equal peak) and positive otherwise (e[t] <=
   * the next double below the maximum gives a quotient that rounds below 1). So drawdown periods
   * start and end at the bars with e[t] >= max, the maximum is constant inside a period, and, since
   * x -> 1 - x / max is monotone under rounding, the largest drawdown of a period is 1 - (its
   * lowest equity) / max: one division per period instead of one per bar, giving the same bits as
   * the per-bar definition.
   */
  record Drawdowns(
      double peak,
      double maxDrawdown,
      double maxDurationMillis,
      double sumDurationMillis,
      double sumPeaks,
      int periods) {

    /**
     * The scan, or null if an equity is NaN or infinite. It skips the bars of the blocks {@code
     * flat} marks (see {@link Metrics.Workspace#flatBlocks}): the bars {@code base + 1 .. base +
     * len} of such a block equal {@code e[base]}, which the scan has just seen, so they change
     * nothing but the bar of the last boundary. If {@code e[base]} is the maximum, each of them is
     * a boundary of a period of one bar (not counted, no drawdown); if it is below, each is inside
     * the drawdown period with the lowest equity at most {@code e[base]} already. The block with
     * the last bar is scanned bar by bar (the last bar always ends a period).
     */
    static Drawdowns scan(long[] time, double[] e, boolean[] flat) {
      int m = e.length - 1;
      double max = e[0];
      double maxDd = 0;
      double maxDur = Double.NaN;
      double sumDur = 0;
      double sumPeak = 0;
      int periods = 0;
      int prev = 0;
      double low = Double.POSITIVE_INFINITY; // the lowest equity since bar prev (exclusive)
      for (int t = 1; t <= m; t++) {
        if ((t & (LaneSum.LANES - 1)) == 1 && t + LaneSum.LANES <= m) {
          // the first bar of a block (bars t .. t + LANES - 1: ratios t - 1 .. t + LANES - 2)
          // that does not hold the last bar
          if (flat[t / LaneSum.LANES]) {
            if (e[t - 1] >= max) { // == max: the scan has seen e[t - 1]
              prev = t + LaneSum.LANES - 1;
            }
            t += LaneSum.LANES - 1;
            continue;
          }
        }
        double et = e[t];
        if (et < max && t != m) {
          // a branch, rarely taken inside a drawdown (the lowest value changes seldom), so it is
          // predicted: cheaper than a branch-free minimum, a chain of dependent instructions
          if (et < low) {
            low = et;
          }
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
      return new Drawdowns(max, maxDd, maxDur, sumDur, sumPeak, periods);
    }
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
   * A close column's log returns {@code log(c[t] / c[t-1])} for t = 1..n-1, cut into blocks of
   * {@link LaneSum#LANES} (the last zero-padded) for the fused pass's loops, and the sums Beta
   * takes from them ({@code Sb} and {@code Sbb - Sb * Sb / m}, in {@link LaneSum}'s order); {@code
   * blocks} is null when one is NaN (Beta then skips bars, which the fused pass does not do) or
   * infinite (a close of 0, for which the direct definitions are left to say what Beta is).
   */
  record MarketReturns(double[][] blocks, double sum, double squares) {
    static MarketReturns of(double[] close) {
      int m = close.length - 1;
      double[][] blocks = new double[(m + LaneSum.LANES - 1) / LaneSum.LANES][LaneSum.LANES];
      LaneSum sb = new LaneSum();
      LaneSum sbb = new LaneSum();
      for (int t = 1; t <= m; t++) {
        double y = FastLog.log(close[t] / close[t - 1]);
        if (!Double.isFinite(y)) {
          return new MarketReturns(null, Double.NaN, Double.NaN);
        }
        blocks[(t - 1) / LaneSum.LANES][(t - 1) % LaneSum.LANES] = y;
        sb.add(y);
        sbb.add(y * y);
      }
      return new MarketReturns(blocks, sb.sum(), Metrics.marketSquares(sb.sum(), sbb.sum(), m));
    }
  }
}
