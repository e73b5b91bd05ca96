package dev.alphapulse.engine.backtest;

import dev.alphapulse.engine.broker.Broker;
import dev.alphapulse.engine.broker.OrderRequest;
import dev.alphapulse.engine.data.BarSeries;
import dev.alphapulse.engine.data.Universe;
import dev.alphapulse.engine.indicator.Indicator;
import dev.alphapulse.engine.indicator.IndicatorCache;
import dev.alphapulse.engine.strategy.SignalStrategy;
import dev.alphapulse.engine.strategy.Strategy;
import dev.alphapulse.engine.strategy.StrategyContext;
import java.util.Arrays;
import java.util.function.Supplier;

/**
 * Runs one strategy over one universe: the event loop.
 *
 * <h2>Loop</h2>
 *
 * As backtesting.py's {@code Backtest.run}: the strategy's {@code init} requests indicator columns;
 * the loop starts at bar {@code 1 + w}, where {@code w} is the largest first-valid index of those
 * columns (counted from the symbol's first bar); at each bar the broker first processes pending
 * orders with that bar's prices and records equity at the close, then the strategy decides. If
 * equity reaches zero the account is closed out and the loop stops. With {@code finalizeTrades},
 * open trades are closed by market orders processed once more on the last bar (at its open under
 * the default fill policy); entry orders still pending then are cancelled. Equity before the first
 * decision is the starting cash.
 *
 * <h2>Cost</h2>
 *
 * O(bars x open trades); no allocation per bar. A {@link SignalStrategy} is only called on its
 * signal bars and the bars while an order is pending; in between the broker marks the account to
 * market in a tight loop ({@link Broker#markToMarket}), with the same values as bar by bar.
 * Indicator columns come from an {@link IndicatorCache} so runs over the same data share them.
 */
public final class Backtest {
  private Backtest() {}

  /** Runs with a private indicator cache. */
  public static BacktestResult run(Universe universe, Strategy strategy, BacktestConfig config) {
    return run(universe, strategy, config, new IndicatorCache());
  }

  /** Runs, taking indicator columns from (and adding them to) {@code cache}. */
  public static BacktestResult run(
      Universe universe, Strategy strategy, BacktestConfig config, IndicatorCache cache) {
    return run(universe, strategy, config, cache, new double[universe.size()]);
  }

  /**
   * {@link #run(Universe, Strategy, BacktestConfig, IndicatorCache)} writing the equity curve into
   * {@code equity} instead of a new array: the same result, bit for bit, whose {@link
   * BacktestResult#equity()} is {@code equity} itself, valid until the caller reuses the array. For
   * a sweep that keeps only statistics, so that its runs allocate no per-bar array.
   *
   * @param equity the curve's storage, exactly {@code universe.size()} long; overwritten
   * @throws IllegalArgumentException if {@code equity} has the wrong length
   */
  public static BacktestResult run(
      Universe universe,
      Strategy strategy,
      BacktestConfig config,
      IndicatorCache cache,
      double[] equity) {
    int n = universe.size();
    if (equity.length != n) {
      throw new IllegalArgumentException(
          "the equity array must have one element per bar (" + n + "), has " + equity.length);
    }
    Broker broker =
        new Broker(
            universe,
            config.cash(),
            config.commission(),
            config.spread(),
            config.margin(),
            config.fillPolicy());
    Context ctx = new Context(universe, broker, cache);
    strategy.init(ctx);
    int start = 1 + ctx.warmup;
    // the loop writes every bar from start on; only the warm-up is marked unrecorded
    Arrays.fill(equity, 0, Math.min(start, n), Double.NaN);
    boolean outOfMoney = false;
    SignalStrategy signals = strategy instanceof SignalStrategy ss ? ss : null;
    for (int i = start; i < n; i++) {
      if (signals != null && broker.quiescent()) {
        // nothing pending and next() is a no-op until the next signal: mark to market up to it
        int signal = signals.nextSignal(i, n);
        i = broker.markToMarket(i, signal, equity);
        if (i == n) {
          break;
        }
      }
      ctx.bar = i;
      equity[i] = broker.processBar(i);
      if (broker.bankrupt()) {
        Arrays.fill(equity, i, n, 0.0);
        outOfMoney = true;
        break;
      }
      strategy.next(ctx);
      broker.updateTrailingStops();
    }
    if (!outOfMoney && config.finalizeTrades() && start < n) {
      // Finalizing means flat at the end: entries still pending would open new trades on the
      // re-run of the last bar (backtesting.py lets them), so they are cancelled first.
      broker.cancelPendingEntries();
      broker.closeAll();
      equity[n - 1] = broker.processBar(n - 1);
    }
    // back-fill the warm-up with the first recorded equity, then the cash (no bar was processed)
    int first = 0;
    while (first < n && Double.isNaN(equity[first])) {
      first++;
    }
    double fill = first < n ? equity[first] : broker.cash();
    Arrays.fill(equity, 0, first, fill);
    return new BacktestResult(
        universe,
        config,
        equity,
        broker.closedTrades(),
        ctx.warmup,
        broker.openTradeCount(),
        broker.cash());
  }

  private static final class Context implements StrategyContext {
    private final Universe universe;
    private final Broker broker;
    private final IndicatorCache cache;
    int bar;
    int warmup;

    Context(Universe universe, Broker broker, IndicatorCache cache) {
      this.universe = universe;
      this.broker = broker;
      this.cache = cache;
    }

    @Override
    public int bar() {
      return bar;
    }

    @Override
    public Universe universe() {
      return universe;
    }

    @Override
    public double[] indicator(int symbol, String key, Supplier<Indicator> factory) {
      BarSeries s = universe.series(symbol);
      double[] column = cache.column(s, key, factory);
      noteWarmup(column, firstPrice(s));
      return column;
    }

    @Override
    public double[] register(double[] column) {
      noteWarmup(column, 0);
      return column;
    }

    private void noteWarmup(double[] column, int offset) {
      int k = 0;
      while (k < column.length && Double.isNaN(column[k])) {
        k++;
      }
      if (k < column.length) {
        warmup = Math.max(warmup, k - offset);
      }
    }

    private static int firstPrice(BarSeries s) {
      int k = 0;
      while (k < s.size() && Double.isNaN(s.close(k))) {
        k++;
      }
      return k;
    }

    @Override
    public void order(OrderRequest request) {
      broker.placeOrder(request);
    }

    @Override
    public void closePosition(int symbol, double portion) {
      broker.closePosition(symbol, portion);
    }

    @Override
    public double position(int symbol) {
      return broker.position(symbol);
    }

    @Override
    public double averageEntryPrice(int symbol) {
      return broker.averageEntryPrice(symbol);
    }

    @Override
    public double equity() {
      return broker.equity();
    }

    @Override
    public double cash() {
      return broker.cash();
    }
  }
}
