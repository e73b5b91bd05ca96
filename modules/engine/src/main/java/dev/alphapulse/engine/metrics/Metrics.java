package dev.alphapulse.engine.metrics;

import dev.alphapulse.engine.backtest.BacktestResult;
import dev.alphapulse.engine.broker.Trade;
import dev.alphapulse.engine.data.BarSeries;
import dev.alphapulse.engine.data.Universe;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Computes backtesting.py's statistic set from an equity curve and a trade list.
 *
 * <h2>Definitions</h2>
 *
 * Exactly those of backtesting.py 0.6.6 as written down in {@code docs/engine.md}: drawdown {@code
 * 1 - E/max(E)} and its periods between zero-drawdown bars; "daily" returns are percentage changes
 * of the equity's last value per calendar day (per week or month for weekly or monthly data; the
 * data period is the median of the last 99 bar intervals); the geometric mean skips the first
 * (undefined) return; CAGR uses calendar years of 365.25 days; Buy &amp; Hold is measured from the
 * warm-up bar; exposure counts bars from entry to exit inclusive over all bars. For a multi-symbol
 * universe, Buy &amp; Hold and Beta refer to an equal-weighted index of the symbols (each
 * normalised to its first price at or after the warm-up bar). Logarithms (Beta's log returns, the
 * geometric means) are {@code FastLog.log}: within 1 ulp of the true value, like {@code Math.log},
 * and cheap enough for one per bar per run of a sweep.
 *
 * <p>Pure and thread-safe ({@link Workspace}s are not: one per thread).
 */
public final class Metrics {
  static final long SECOND = 1_000L;
  static final long MINUTE = 60 * SECOND;
  static final long HOUR = 60 * MINUTE;
  static final long DAY = 24 * HOUR;

  private Metrics() {}

  /** The statistics of a backtest under the given convention. */
  public static Statistics compute(BacktestResult r, MetricsConvention convention) {
    return compute(r, convention, new Workspace());
  }

  /**
   * {@link #compute(BacktestResult, MetricsConvention)} with the working arrays of {@code
   * workspace} instead of new ones: the same statistics, bit for bit, without allocating arrays as
   * long as the bars per run stay the same. For a sweep computing many runs in one thread.
   */
  public static Statistics compute(
      BacktestResult r, MetricsConvention convention, Workspace workspace) {
    Universe u = r.universe();
    double[] close = marketIndex(u, r.warmup());
    return compute(u.calendar(), r.equity(), r.trades(), close, r.warmup(), convention, workspace);
  }

  /**
   * The statistics of an equity curve and its trades.
   *
   * @param time bar times, epoch millis, strictly increasing
   * @param equity equity at each bar
   * @param trades closed trades
   * @param close the market's close at each bar (for Buy &amp; Hold and Beta)
   * @param warmup index of the first bar from which Buy &amp; Hold is measured
   */
  public static Statistics compute(
      long[] time,
      double[] equity,
      List<Trade> trades,
      double[] close,
      int warmup,
      MetricsConvention convention) {
    return compute(time, equity, trades, close, warmup, convention, new Workspace());
  }

  /** {@link #compute(long[], double[], List, double[], int, MetricsConvention)} in a workspace. */
  static Statistics compute(
      long[] time,
      double[] equity,
      List<Trade> trades,
      double[] close,
      int warmup,
      MetricsConvention convention,
      Workspace workspace) {
    checkLengths(time, equity, close);
    CurveSummary c = CurveSummary.fused(time, equity, trades, close, workspace);
    if (c == null) {
      c = direct(time, equity, trades, close);
    }
    return assemble(time, equity, trades, close, warmup, convention, c);
  }

  /**
   * {@link #compute(long[], double[], List, double[], int, MetricsConvention)} always by the direct
   * definitions (one pass per statistic, no memo): the reference the fused path is tested against.
   */
  static Statistics computeDirect(
      long[] time,
      double[] equity,
      List<Trade> trades,
      double[] close,
      int warmup,
      MetricsConvention convention) {
    checkLengths(time, equity, close);
    return assemble(
        time, equity, trades, close, warmup, convention, direct(time, equity, trades, close));
  }

  private static void checkLengths(long[] time, double[] equity, double[] close) {
    int n = equity.length;
    if (n == 0 || time.length != n || close.length != n) {
      throw new IllegalArgumentException(
          "equity, time and close must have the same non-zero length: "
              + n
              + ", "
              + time.length
              + ", "
              + close.length);
    }
  }

  /** The equity curve's statistics by their definitions, one pass (and array) each. */
  private static CurveSummary direct(
      long[] time, double[] equity, List<Trade> trades, double[] close) {
    int n = equity.length;
    boolean[] inMarket = new boolean[n];
    for (Trade t : trades) {
      Arrays.fill(inMarket, t.entryBar(), t.exitBar() + 1, true);
    }
    int exposed = 0;
    for (boolean b : inMarket) {
      exposed += b ? 1 : 0;
    }
    double peak = Double.NEGATIVE_INFINITY;
    for (double e : equity) {
      peak = Math.max(peak, e);
    }
    CalendarFacts cal = CalendarFacts.compute(time);
    double[] r = periodReturns(time, equity, cal.freqDays());
    double[] dd = drawdown(equity);
    double maxDd = 0;
    for (double d : dd) {
      if (d > maxDd) {
        maxDd = d;
      }
    }
    double maxDur = Double.NaN;
    double sumDur = 0;
    double sumPeak = 0;
    int periods = 0;
    int prev = -1;
    for (int t = 0; t < n; t++) {
      if (dd[t] == 0 || t == n - 1) {
        if (prev >= 0 && t > prev + 1) {
          long dur = time[t] - time[prev];
          double pk = 0;
          for (int k = prev; k <= t; k++) {
            pk = Math.max(pk, dd[k]);
          }
          maxDur = Double.isNaN(maxDur) ? dur : Math.max(maxDur, dur);
          sumDur += dur;
          sumPeak += pk;
          periods++;
        }
        prev = t;
      }
    }
    return new CurveSummary(
        exposed,
        peak,
        geometricMean(r),
        meanSkipFirst(r, false),
        returnVariance(r),
        meanSkipFirst(r, true),
        maxDd,
        beta(equity, close),
        maxDur,
        sumDur,
        sumPeak,
        periods);
  }

  private static Statistics assemble(
      long[] time,
      double[] equity,
      List<Trade> trades,
      double[] close,
      int warmup,
      MetricsConvention convention,
      CurveSummary c) {
    int n = equity.length;
    Map<String, Double> s = new LinkedHashMap<>();
    s.put("Duration", days(time[n - 1] - time[0]));
    s.put("Exposure Time [%]", 100.0 * c.exposedBars() / n);
    s.put("Equity Final [$]", equity[n - 1]);
    s.put("Equity Peak [$]", c.peak());
    double commissions = 0;
    for (Trade t : trades) {
      commissions += t.commission();
    }
    if (commissions != 0) {
      s.put("Commissions [$]", commissions);
    }
    double totalReturn = (equity[n - 1] - equity[0]) / equity[0] * 100;
    s.put("Return [%]", totalReturn);
    double buyHold = (close[n - 1] - close[warmup]) / close[warmup] * 100;
    s.put("Buy & Hold Return [%]", buyHold);

    CalendarFacts cal = CalendarFacts.of(time);
    int annualPeriods = cal.annualPeriods();
    double annReturn;
    double annVol;
    double sharpe;
    double sortino;
    double downside = Math.sqrt(c.downsideSquareMean());
    if (convention == MetricsConvention.BACKTESTING_PY) {
      double g = c.geometricMean();
      annReturn = Math.pow(1 + g, annualPeriods) - 1;
      double var = c.variance();
      annVol =
          Math.sqrt(
              Math.pow(var + (1 + g) * (1 + g), annualPeriods)
                  - Math.pow(1 + g, 2.0 * annualPeriods));
      sharpe = annReturn * 100 / (annVol * 100 == 0 ? Double.NaN : annVol * 100);
      sortino = annReturn / (downside * Math.sqrt(annualPeriods));
    } else {
      int np = convention.periodsPerYear();
      double mean = c.mean();
      double std = Math.sqrt(c.variance());
      annReturn = mean * np;
      annVol = std * Math.sqrt(np);
      sharpe = annVol == 0 ? Double.NaN : annReturn / annVol;
      sortino = annReturn / (downside * Math.sqrt(np));
    }
    s.put("Return (Ann.) [%]", annReturn * 100);
    s.put("Volatility (Ann.) [%]", annVol * 100);
    double years = (time[n - 1] - time[0]) / (double) DAY / 365.25;
    s.put(
        "CAGR [%]",
        years == 0 ? Double.NaN : (Math.pow(equity[n - 1] / equity[0], 1 / years) - 1) * 100);
    s.put("Sharpe Ratio", sharpe);
    s.put("Sortino Ratio", sortino);

    double maxDd = c.maxDrawdown();
    s.put("Calmar Ratio", annReturn / (maxDd == 0 ? Double.NaN : maxDd));
    double beta = c.beta();
    s.put("Alpha [%]", totalReturn - beta * buyHold);
    s.put("Beta", beta);
    s.put("Max. Drawdown [%]", -maxDd * 100);

    long unit = cal.unit();
    int periods = c.drawdownPeriods();
    s.put("Avg. Drawdown [%]", periods == 0 ? Double.NaN : -c.sumDrawdownPeaks() / periods * 100);
    s.put("Max. Drawdown Duration", ceilDays(c.maxDrawdownMillis(), unit));
    s.put(
        "Avg. Drawdown Duration",
        periods == 0 ? Double.NaN : ceilDays(c.sumDrawdownMillis() / periods, unit));

    int nt = trades.size();
    s.put("# Trades", (double) nt);
    double[] ret = new double[nt];
    double[] pl = new double[nt];
    double maxTradeDur = Double.NaN;
    double sumTradeDur = 0;
    int wins = 0;
    for (int k = 0; k < nt; k++) {
      Trade t = trades.get(k);
      ret[k] = t.returnPct();
      pl[k] = t.pnl();
      wins += pl[k] > 0 ? 1 : 0;
      double dur = t.durationMillis();
      maxTradeDur = Double.isNaN(maxTradeDur) ? dur : Math.max(maxTradeDur, dur);
      sumTradeDur += dur;
    }
    double winRate = nt == 0 ? Double.NaN : (double) wins / nt;
    s.put("Win Rate [%]", winRate * 100);
    s.put("Best Trade [%]", nt == 0 ? Double.NaN : Arrays.stream(ret).max().getAsDouble() * 100);
    s.put("Worst Trade [%]", nt == 0 ? Double.NaN : Arrays.stream(ret).min().getAsDouble() * 100);
    s.put("Avg. Trade [%]", nt == 0 ? Double.NaN : geometricMean(ret) * 100);
    s.put("Max. Trade Duration", ceilDays(maxTradeDur, unit));
    s.put("Avg. Trade Duration", nt == 0 ? Double.NaN : ceilDays(sumTradeDur / nt, unit));
    double pos = 0;
    double neg = 0;
    for (double x : ret) {
      if (x > 0) {
        pos += x;
      } else if (x < 0) {
        neg += x;
      }
    }
    s.put("Profit Factor", nt == 0 ? Double.NaN : pos / (neg == 0 ? Double.NaN : Math.abs(neg)));
    s.put("Expectancy [%]", nt == 0 ? Double.NaN : mean(ret) * 100);
    double plStd = nt < 2 ? Double.NaN : Math.sqrt(sampleVariance(pl));
    s.put("SQN", Math.sqrt(nt) * mean(pl) / (plStd == 0 ? Double.NaN : plStd));
    double avgWin = meanWhere(pl, true);
    double avgLoss = -meanWhere(pl, false);
    s.put("Kelly Criterion", winRate - (1 - winRate) / (avgWin / avgLoss));
    return new Statistics(convention.label(), time[0], time[n - 1], s);
  }

  /** Drawdown at each bar: {@code 1 - E[t] / max(E[0..t])}, a fraction in [0, 1]. */
  public static double[] drawdown(double[] equity) {
    double[] dd = new double[equity.length];
    double max = Double.NEGATIVE_INFINITY;
    for (int t = 0; t < equity.length; t++) {
      max = Math.max(max, equity[t]);
      dd[t] = 1 - equity[t] / max;
    }
    return dd;
  }

  /** The bar period: the median of the intervals between the last 100 timestamps. */
  static long dataPeriod(long[] time) {
    int from = Math.max(0, time.length - 100);
    int m = time.length - from - 1;
    if (m <= 0) {
      return DAY;
    }
    long[] diffs = new long[m];
    for (int k = 0; k < m; k++) {
      diffs[k] = time[from + k + 1] - time[from + k];
    }
    Arrays.sort(diffs);
    return m % 2 == 1 ? diffs[m / 2] : (diffs[m / 2 - 1] + diffs[m / 2]) / 2;
  }

  /** The smallest non-zero unit of a period (day, hour, minute, second, milli). */
  static long resolution(long period) {
    for (long unit : new long[] {DAY, HOUR, MINUTE, SECOND}) {
      if (period % unit == 0) {
        return unit;
      }
    }
    return 1;
  }

  private static double ceilDays(double millis, long unit) {
    if (Double.isNaN(millis)) {
      return Double.NaN;
    }
    return Math.ceil(millis / unit) * unit / (double) DAY;
  }

  private static double days(long millis) {
    return millis / (double) DAY;
  }

  /**
   * Percentage changes of the equity's last value per calendar period: per day, or per week (weeks
   * ending Sunday) for 7-day data, per month for 31-day data, per year for 365-day data. The first
   * element is {@code NaN}, as pandas' {@code pct_change}.
   */
  static double[] periodReturns(long[] time, double[] equity, long freqDays) {
    int n = time.length;
    double[] last = new double[n];
    int m = 0;
    long currentKey = Long.MIN_VALUE;
    for (int t = 0; t < n; t++) {
      long key = periodKey(time[t], freqDays);
      if (m == 0 || key != currentKey) {
        currentKey = key;
        last[m++] = equity[t];
      } else {
        last[m - 1] = equity[t];
      }
    }
    double[] r = new double[m];
    r[0] = Double.NaN;
    for (int k = 1; k < m; k++) {
      r[k] = last[k] / last[k - 1] - 1;
    }
    return r;
  }

  static long periodKey(long t, long freqDays) {
    long day = Math.floorDiv(t, DAY);
    if (freqDays == 7) {
      return Math.floorDiv(day + 3, 7); // Monday-based weeks: bins end on Sunday
    }
    if (freqDays == 31 || freqDays == 365) {
      LocalDate d = LocalDate.ofEpochDay(day);
      return freqDays == 31 ? d.getYear() * 12L + d.getMonthValue() : d.getYear();
    }
    return day;
  }

  /**
   * {@code exp(mean(log(1 + r))) - 1} over the non-NaN values; 0 if any {@code 1 + r <= 0}. The
   * logs are summed in {@link LaneSum}'s order.
   */
  static double geometricMean(double[] r) {
    LaneSum sum = new LaneSum();
    for (double x : r) {
      if (Double.isNaN(x)) {
        continue;
      }
      if (1 + x <= 0) {
        return 0;
      }
      sum.add(FastLog.log(1 + x));
    }
    int c = sum.count();
    return c == 0 ? Double.NaN : Math.exp(sum.sum() / c) - 1;
  }

  /**
   * Mean over non-NaN values; with {@code squaredNegatives}, of {@code min(x, 0)^2}. Summed in
   * {@link LaneSum}'s order.
   */
  static double meanSkipFirst(double[] r, boolean squaredNegatives) {
    LaneSum sum = new LaneSum();
    for (double x : r) {
      if (Double.isNaN(x)) {
        continue;
      }
      sum.add(squaredNegatives ? Math.min(x, 0) * Math.min(x, 0) : x);
    }
    int c = sum.count();
    return c == 0 ? Double.NaN : sum.sum() / c;
  }

  /**
   * Sample variance of the non-NaN returns from one pass: {@code (S2 - mean * S1) / (c - 1)} with
   * {@code S1} and {@code S2} the sums of the returns and of their squares in {@link LaneSum}'s
   * order and {@code mean = S1 / c} (0 if rounding makes it negative). For bar returns (a mean far
   * smaller than the standard deviation) the cancellation costs well under a digit.
   */
  static double returnVariance(double[] r) {
    LaneSum s1 = new LaneSum();
    LaneSum s2 = new LaneSum();
    for (double x : r) {
      if (!Double.isNaN(x)) {
        s1.add(x);
        s2.add(x * x);
      }
    }
    return returnVariance(s1.sum(), s2.sum(), s1.count());
  }

  /** {@link #returnVariance(double[])} from its sums. */
  static double returnVariance(double sum, double sumSquares, int count) {
    if (count - 1 <= 0) {
      return Double.NaN;
    }
    double mean = sum / count;
    return Math.max(sumSquares - mean * sum, 0) / (count - 1);
  }

  private static double mean(double[] x) {
    if (x.length == 0) {
      return Double.NaN;
    }
    double s = 0;
    for (double v : x) {
      s += v;
    }
    return s / x.length;
  }

  /** Two-pass sample variance (of the trades' P&amp;L). */
  private static double sampleVariance(double[] x) {
    double mean = mean(x);
    double ss = 0;
    for (double v : x) {
      ss += (v - mean) * (v - mean);
    }
    return x.length - 1 <= 0 ? Double.NaN : ss / (x.length - 1);
  }

  private static double meanWhere(double[] x, boolean positive) {
    double s = 0;
    int c = 0;
    for (double v : x) {
      if (positive ? v > 0 : v < 0) {
        s += v;
        c++;
      }
    }
    return c == 0 ? Double.NaN : s / c;
  }

  /**
   * Sample cov(log equity returns, log market returns) / var(log market returns), over the bars
   * whose market log return is not NaN, from one pass: {@code (Sab - Sa * Sb / m) / (Sbb - Sb * Sb
   * / m)} with the sums in {@link LaneSum}'s order ({@link #betaFromSums}).
   */
  static double beta(double[] equity, double[] close) {
    int n = equity.length;
    if (n < 3) {
      return Double.NaN;
    }
    LaneSum sa = new LaneSum();
    LaneSum sb = new LaneSum();
    LaneSum sab = new LaneSum();
    LaneSum sbb = new LaneSum();
    for (int t = 1; t < n; t++) {
      double x = FastLog.log(equity[t] / equity[t - 1]);
      double y = FastLog.log(close[t] / close[t - 1]);
      if (Double.isNaN(y)) {
        continue;
      }
      sa.add(x);
      sb.add(y);
      sab.add(x * y);
      sbb.add(y * y);
    }
    int m = sa.count();
    if (m < 2) {
      return Double.NaN;
    }
    return betaFromSums(sa.sum(), sab.sum(), sb.sum(), marketSquares(sb.sum(), sbb.sum(), m), m);
  }

  /** {@code Sbb - Sb * Sb / m}: the market's sum of squared deviations, Beta's denominator. */
  static double marketSquares(double sb, double sbb, int m) {
    return sbb - sb * sb / m;
  }

  /** Beta from the sums of {@link #beta}. */
  static double betaFromSums(double sa, double sab, double sb, double marketSquares, int m) {
    return (sab - sa * sb / m) / marketSquares;
  }

  /**
   * The market the strategy is compared with: symbol 0's close for one symbol; for several, an
   * equal-weighted index of closes each normalised to its first price at or after {@code warmup}.
   */
  static double[] marketIndex(Universe u, int warmup) {
    if (u.symbolCount() == 1) {
      return u.series(0).closes();
    }
    int n = u.size();
    double[] idx = new double[n];
    double[] base = new double[u.symbolCount()];
    Arrays.fill(base, Double.NaN);
    for (int t = 0; t < n; t++) {
      double sum = 0;
      int c = 0;
      for (int s = 0; s < u.symbolCount(); s++) {
        BarSeries bs = u.series(s);
        double px = bs.close(t);
        if (Double.isNaN(px)) {
          continue;
        }
        if (Double.isNaN(base[s]) && t >= warmup) {
          base[s] = px;
        }
        sum += Double.isNaN(base[s]) ? 1 : px / base[s];
        c++;
      }
      idx[t] = c == 0 ? Double.NaN : sum / c;
    }
    return idx;
  }

  /**
   * Working arrays for computing the statistics of many runs one after the other (a sweep): pass
   * the same workspace to {@link #compute(BacktestResult, MetricsConvention, Workspace)} and no
   * array is allocated per run for the per-bar sums. Holds a block's ratios and logs and the lanes
   * of the sums ({@link LaneSum}), about 20 KB (the L1 cache of a core holds them); not thread-safe
   * (one per thread).
   */
  public static final class Workspace {
    private final double[] before = new double[LaneSum.LANES];
    private final double[] after = new double[LaneSum.LANES];
    final double[] ratios = new double[LaneSum.LANES];
    final double[] logs = new double[LaneSum.LANES];
    final double[] growthLogs = new double[LaneSum.LANES];
    final double[] sumR = new double[LaneSum.LANES];
    final double[] sumR2 = new double[LaneSum.LANES];
    final double[] sumDown = new double[LaneSum.LANES];
    final double[] sumA = new double[LaneSum.LANES];
    private final double[] sumGrowth = new double[LaneSum.LANES];
    private boolean growthApart; // sumGrowth differs from sumA (else it is not kept)
    final double[] sumAB = new double[LaneSum.LANES];

    private boolean[] flat = new boolean[0];

    /** An empty workspace. */
    public Workspace() {}

    /**
     * For each block of {@link LaneSum#LANES} ratios {@code e[t + 1] / e[t]}, t = base .. base +
     * LANES - 1 (the last block may be shorter; {@code m} ratios in all), whether the equity is the
     * same at every bar of it, {@code e[base] == ... == e[base + len]}: an account without a
     * position. Such a block's ratios are exactly 1, its returns and logs +0 ({@link FastLog}'s
     * polynomial is exactly +0 at 1), its products with the market's log returns +0 or -0, and
     * adding +0 or -0 to a lane leaves it as it is (a lane starts at +0 and a sum is -0 only if
     * both terms are), so the fused pass may skip the block and stay equal to the direct
     * definitions bit for bit. Only a positive, finite equity makes a flat block. The array is
     * reused; entries past the m-th ratio's block are stale.
     */
    boolean[] flatBlocks(double[] e, int m) {
      int blocks = (m + LaneSum.LANES - 1) / LaneSum.LANES;
      if (flat.length < blocks) {
        flat = new boolean[blocks];
      }
      for (int k = 0; k < blocks; k++) {
        int base = k * LaneSum.LANES;
        int end = Math.min(base + LaneSum.LANES, m);
        double v = e[base];
        boolean same = v > 0 && v < Double.POSITIVE_INFINITY; // 0 / 0 and inf / inf are NaN
        for (int t = base + 1; t <= end; t++) {
          if (e[t] != v) {
            same = false;
            break;
          }
        }
        flat[k] = same;
      }
      return flat;
    }

    void clear() {
      Arrays.fill(sumR, 0);
      Arrays.fill(sumR2, 0);
      Arrays.fill(sumDown, 0);
      Arrays.fill(sumA, 0);
      growthApart = false;
      Arrays.fill(sumAB, 0);
    }

    /*
     * The loops below index every array by the loop variable alone: the JIT (C2 of JDK 17) does
     * not vectorize a loop whose arrays are indexed with different offsets (e[j + 1] / e[j], or
     * b[base + j] beside q[j]), hence the copies of a block of the equity into scratch arrays (and
     * the market cut into blocks), and one short loop per sum (one loop adding to five lanes arrays
     * is not vectorized either).
     */

    /**
     * Adds the bars of a ruin, one at a time, as the direct definitions do: the ratio {@code e[from
     * + 1] / e[from]} is 0 (a return of -1), those after it are 0 / 0, NaN, no return; Beta's log
     * returns are -infinity, then NaN.
     */
    void addRuin(double[] e, double[][] b, int from, int m) {
      double r = e[from + 1] / e[from] - 1;
      int lane = from & (LaneSum.LANES - 1);
      sumR[lane] += r;
      sumR2[lane] += r * r;
      double d = Math.min(r, 0);
      sumDown[lane] += d * d;
      long nanBits = 0; // the first NaN ratio, whose log is then known: every 0 / 0 is alike
      double nanLog = Double.NaN;
      for (int k = from; k < m; k++) {
        double q = e[k + 1] / e[k];
        double x;
        if (q != q && Double.doubleToRawLongBits(q) == nanBits) {
          x = nanLog;
        } else {
          x = FastLog.log(q);
          if (q != q) {
            nanBits = Double.doubleToRawLongBits(q);
            nanLog = x;
          }
        }
        lane = k & (LaneSum.LANES - 1);
        sumA[lane] += x;
        sumAB[lane] += x * b[k / LaneSum.LANES][lane];
      }
    }

    /** Copies equity bars {@code base..base+len}. */
    void load(double[] e, int base, int len) {
      System.arraycopy(e, base, before, 0, len);
      System.arraycopy(e, base + 1, after, 0, len);
    }

    /**
     * Before the first block whose geometric-mean logs differ from its logs: until then the lanes
     * of both sums are the same, so only those of the logs were kept.
     */
    void splitGrowth() {
      if (!growthApart) {
        System.arraycopy(sumA, 0, sumGrowth, 0, LaneSum.LANES);
        growthApart = true;
      }
    }

    /** The sum of the geometric mean's logs. */
    double sumGrowth() {
      return LaneSum.combine(growthApart ? sumGrowth : sumA);
    }

    /** The block's bar-to-bar ratios and their logs by {@link FastLog}'s polynomial. */
    void ratiosAndLogs(int len) {
      double[] q = ratios;
      double[] a = logs;
      double[] e0 = before;
      double[] e1 = after;
      for (int j = 0; j < len; j++) {
        double qj = e1[j] / e0[j];
        q[j] = qj;
        a[j] = FastLog.log1p(qj - 1);
      }
    }

    /**
     * Adds the loaded block to the lanes: returns {@code r = q - 1}, their squares, the squares of
     * their negative parts, the logs {@code a}, the geometric mean's logs {@code growth} (once they
     * differ from {@code a}), and {@code a} times the market's log returns {@code b} of the block.
     */
    void add(double[] growth, double[] b, int len) {
      double[] q = ratios;
      double[] a = logs;
      double[] sr = sumR;
      for (int j = 0; j < len; j++) {
        sr[j] += q[j] - 1;
      }
      double[] sr2 = sumR2;
      for (int j = 0; j < len; j++) {
        double r = q[j] - 1;
        sr2[j] += r * r;
      }
      double[] sd = sumDown;
      for (int j = 0; j < len; j++) {
        double d = Math.min(q[j] - 1, 0);
        sd[j] += d * d;
      }
      double[] sa = sumA;
      for (int j = 0; j < len; j++) {
        sa[j] += a[j];
      }
      if (growthApart) {
        double[] sg = sumGrowth;
        for (int j = 0; j < len; j++) {
          sg[j] += growth[j];
        }
      }
      double[] sab = sumAB;
      for (int j = 0; j < len; j++) {
        sab[j] += a[j] * b[j];
      }
    }
  }
}
