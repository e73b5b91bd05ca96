package dev.alphapulse.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * {@code SmaCross(fast, slow)} written by hand over primitive arrays: the physical-limit proxy the
 * engine is measured against.
 *
 * <h2>What it computes</h2>
 *
 * The same results as {@code Backtest.run(Universe.of(series), new SmaCross(fast, slow), config)}
 * for a config with the defaults' cash handling (no commission, no spread, margin 1, fill at the
 * next open), bit for bit:
 *
 * <ul>
 *   <li>SMA columns of the close with the engine's arithmetic (a Neumaier-compensated window sum
 *       fed the entering and the negated leaving value; a window of identical values is that
 *       value), so crossovers fall on the same bars;
 *   <li>decisions from bar {@code max(fast, slow)} on: a strict crossover on bar {@code i} closes
 *       the position and reverses it at bar {@code i + 1}'s open, all-in: {@code floor(cash * (1 -
 *       eps) / open)} whole units, cash being the account after the close at that same open;
 *   <li>equity at each bar's close ({@code cash + size * (close - entry)}), the warm-up filled with
 *       the first recorded value; an account whose equity reaches zero is closed at that close and
 *       stays at zero;
 *   <li>with {@code finalizeTrades}, the open trade is closed at the last bar's open and an entry
 *       signalled on the last bar is dropped, so the account ends flat.
 * </ul>
 *
 * <h2>Cost</h2>
 *
 * Three passes over the bars (two SMA columns by {@link #sma}, one trading loop by {@link #trade}),
 * allocating only the output arrays; no object per bar, no virtual call. Closes must be finite (no
 * warm-up restart on {@code NaN} as the engine's indicators do).
 */
public final class MinimalLoop {
  private static final double ALL_IN = 1 - Math.ulp(1.0);

  private MinimalLoop() {}

  /**
   * The outcome, in the engine's terms.
   *
   * @param equity equity at each bar's close
   * @param tradeCount number of closed trades
   * @param entryBar entry bar of closed trade {@code k < tradeCount}
   * @param exitBar exit bar of closed trade {@code k}
   * @param entryPrice entry price of closed trade {@code k}
   * @param exitPrice exit price of closed trade {@code k}
   * @param size signed units of closed trade {@code k}
   * @param openSize signed units of the trade still open, 0 if none
   * @param openEntryBar its entry bar, -1 if none
   * @param openEntryPrice its entry price, {@code NaN} if none
   * @param cash final cash
   */
  public record Result(
      double[] equity,
      int tradeCount,
      int[] entryBar,
      int[] exitBar,
      double[] entryPrice,
      double[] exitPrice,
      double[] size,
      double openSize,
      int openEntryBar,
      double openEntryPrice,
      double cash) {

    /** Closed trades in closing order, then the open one if any. */
    public List<RoundTrip> roundTrips() {
      List<RoundTrip> out = new ArrayList<>(tradeCount + 1);
      for (int k = 0; k < tradeCount; k++) {
        out.add(new RoundTrip(size[k] > 0, entryBar[k], entryPrice[k], exitBar[k], exitPrice[k]));
      }
      if (openSize != 0) {
        out.add(new RoundTrip(openSize > 0, openEntryBar, openEntryPrice, -1, Double.NaN));
      }
      return out;
    }

    /** Equity at the last bar's close. */
    public double finalEquity() {
      return equity.length == 0 ? cash : equity[equity.length - 1];
    }
  }

  /**
   * Runs the strategy.
   *
   * @param open opening prices, finite and positive
   * @param close closing prices, finite and positive, as long as {@code open}
   * @param fast fast SMA period, {@code >= 1}
   * @param slow slow SMA period, {@code >= 1}
   * @param cash starting cash, positive
   * @param finalizeTrades close the open trade at the last bar's open
   */
  public static Result run(
      double[] open, double[] close, int fast, int slow, double cash, boolean finalizeTrades) {
    if (open.length != close.length) {
      throw new IllegalArgumentException(
          "open has " + open.length + " bars but close has " + close.length);
    }
    if (fast < 1 || slow < 1) {
      throw new IllegalArgumentException("SMA periods must be >= 1, got " + fast + ", " + slow);
    }
    return trade(
        open,
        close,
        sma(close, fast),
        sma(close, slow),
        Math.max(fast, slow),
        cash,
        finalizeTrades);
  }

  /**
   * The trading loop alone, on SMA columns computed beforehand (for the benchmarks' breakdown).
   *
   * @param fastSma the fast SMA column, as {@link #sma} computes it
   * @param slowSma the slow SMA column
   * @param start the first bar to decide on: one past the slower SMA's warm-up, at least 1
   */
  public static Result trade(
      double[] open,
      double[] close,
      double[] fastSma,
      double[] slowSma,
      int start,
      double cash,
      boolean finalizeTrades) {
    if (start < 1) {
      throw new IllegalArgumentException("start must be >= 1, was " + start);
    }
    int n = close.length;
    double[] f = fastSma;
    double[] s = slowSma;
    double[] equity = new double[n];
    Trades log = new Trades();
    double size = 0;
    double entry = Double.NaN;
    int entryBar = -1;
    int pending = 0; // +1 buy, -1 sell at this bar's open
    boolean bankrupt = false;
    for (int i = start; i < n; i++) {
      if (pending != 0) {
        double px = open[i];
        if (size != 0) {
          cash += size * (px - entry);
          log.add(entryBar, i, entry, px, size);
          size = 0;
        }
        double units = Math.floor(Math.max(0, cash) * ALL_IN / px);
        if (units != 0 && !(units * px > Math.max(0, cash))) {
          size = pending > 0 ? units : -units;
          entry = px;
          entryBar = i;
        }
        pending = 0;
      }
      double e = size == 0 ? cash : cash + size * (close[i] - entry);
      if (e <= 0) {
        if (size != 0) {
          log.add(entryBar, i, entry, close[i], size);
          size = 0;
        }
        cash = 0;
        Arrays.fill(equity, i, n, 0.0);
        bankrupt = true;
        break;
      }
      equity[i] = e;
      if (f[i - 1] < s[i - 1] && f[i] > s[i]) {
        pending = 1;
      } else if (s[i - 1] < f[i - 1] && s[i] > f[i]) {
        pending = -1;
      }
    }
    if (!bankrupt && finalizeTrades && start < n) {
      int last = n - 1;
      double px = open[last];
      if (size != 0) {
        cash += size * (px - entry);
        log.add(entryBar, last, entry, px, size);
        size = 0;
      }
      equity[last] = cash; // flat: an entry signalled on the last bar is cancelled
    }
    if (start < n) {
      Arrays.fill(equity, 0, start, equity[start]);
    } else {
      Arrays.fill(equity, cash);
    }
    return new Result(
        equity,
        log.count,
        Arrays.copyOf(log.entryBar, log.count),
        Arrays.copyOf(log.exitBar, log.count),
        Arrays.copyOf(log.entryPrice, log.count),
        Arrays.copyOf(log.exitPrice, log.count),
        Arrays.copyOf(log.size, log.count),
        size,
        size == 0 ? -1 : entryBar,
        size == 0 ? Double.NaN : entry,
        cash);
  }

  /**
   * Simple moving average of {@code x} over {@code period} values, {@code NaN} for the first {@code
   * period - 1}, with the engine's compensated window sum (see the class comment).
   */
  public static double[] sma(double[] x, int period) {
    int n = x.length;
    double[] out = new double[n];
    double sum = 0;
    double comp = 0;
    int run = 0;
    double last = 0;
    for (int i = 0; i < n; i++) {
      double v = x[i];
      // Neumaier: add v
      double t = sum + v;
      comp += Math.abs(sum) >= Math.abs(v) ? (sum - t) + v : (v - t) + sum;
      sum = t;
      if (i >= period) { // ... and remove the value leaving the window
        double y = -x[i - period];
        t = sum + y;
        comp += Math.abs(sum) >= Math.abs(y) ? (sum - t) + y : (y - t) + sum;
        sum = t;
      }
      run = run > 0 && v == last ? run + 1 : 1;
      last = v;
      out[i] = i < period - 1 ? Double.NaN : run >= period ? v : (sum + comp) / period;
    }
    return out;
  }

  /** A growable log of closed trades, column by column. */
  private static final class Trades {
    int count;
    int[] entryBar = new int[64];
    int[] exitBar = new int[64];
    double[] entryPrice = new double[64];
    double[] exitPrice = new double[64];
    double[] size = new double[64];

    void add(int from, int to, double in, double out, double units) {
      if (count == entryBar.length) {
        int cap = count * 2;
        entryBar = Arrays.copyOf(entryBar, cap);
        exitBar = Arrays.copyOf(exitBar, cap);
        entryPrice = Arrays.copyOf(entryPrice, cap);
        exitPrice = Arrays.copyOf(exitPrice, cap);
        size = Arrays.copyOf(size, cap);
      }
      entryBar[count] = from;
      exitBar[count] = to;
      entryPrice[count] = in;
      exitPrice[count] = out;
      size[count] = units;
      count++;
    }
  }
}
