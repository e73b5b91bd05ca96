package dev.alphapulse.jobs;

import dev.alphapulse.engine.backtest.Backtest;
import dev.alphapulse.engine.backtest.BacktestConfig;
import dev.alphapulse.engine.backtest.BacktestResult;
import dev.alphapulse.engine.broker.OrderRequest;
import dev.alphapulse.engine.broker.Trade;
import dev.alphapulse.engine.data.Universe;
import dev.alphapulse.engine.indicator.Indicator;
import dev.alphapulse.engine.indicator.IndicatorCache;
import dev.alphapulse.engine.strategy.Strategy;
import dev.alphapulse.engine.strategy.StrategyContext;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;

/**
 * Computes one TIME_BASED segment with the engine as it is.
 *
 * <h2>How</h2>
 *
 * The strategy runs through {@link Backtest#run} on the <em>whole</em> single-symbol series, so its
 * indicator columns are the very arrays the sequential run uses (same cache key, same series
 * instance) and its warm-up is the sequential one. A {@link Gate} wraps the strategy: it calls the
 * strategy only on bars {@code [barFrom, barTo)}, and only if the strategy's first decision is not
 * before {@code barFrom} (otherwise the segment is deferred: see {@link TimeSegment}). Orders the
 * strategy places on bar {@code barTo - 1} of a segment that is not the last are recorded as
 * pending and not passed on: they would be processed on bar {@code barTo}, in the next segment, and
 * dropping them keeps every trade closed at or after {@code barTo} dated at or after it (a market
 * order under the {@code close} fill policy is dated one bar before it is processed), so the
 * segment's trades are exactly those with {@code exitBar < barTo}. The loop still runs to the end
 * of the series, without decisions after the segment: cheap, about ten nanoseconds a bar.
 */
final class TimeChunk {
  private TimeChunk() {}

  static TimeSegment compute(
      Universe single,
      Strategy strategy,
      BacktestConfig config,
      IndicatorCache cache,
      int barFrom,
      int barTo) {
    boolean last = barTo == single.size();
    Gate gate = new Gate(strategy, barFrom, barTo, last);
    BacktestResult r =
        Backtest.run(single, gate, last ? config : config.withFinalizeTrades(false), cache);
    int warmup = r.warmup();
    if (warmup + 1 < barFrom) {
      return TimeSegment.deferred(barFrom, barTo, warmup);
    }
    double[] equity = Arrays.copyOfRange(r.equity(), barFrom, barTo);
    List<Trade> trades =
        last ? r.trades() : r.trades().stream().filter(t -> t.exitBar() < barTo).toList();
    boolean flat;
    double cash;
    if (last) {
      flat = r.openTrades() == 0;
      cash = r.finalCash();
    } else if (warmup + 1 >= barTo) {
      flat = true; // the strategy was never called: nothing happened
      cash = config.cash();
    } else if (gate.observedEnd) {
      flat = gate.flatAtEnd;
      cash = gate.cashAtEnd;
    } else {
      flat = true; // the account went bankrupt before the segment's end: closed out, no cash
      cash = r.finalCash();
    }
    return new TimeSegment(
        barFrom, barTo, equity, trades, flat, cash, true, warmup, gate.ordersPending);
  }

  /** Calls the strategy on the segment's bars only; see the class comment. */
  static final class Gate implements Strategy {
    private final Strategy delegate;
    private final int barFrom;
    private final int barTo;
    private final boolean last;
    private final Gated gated = new Gated();
    private boolean seenFirstBar;
    private boolean delegating;
    private int bar = -1;
    boolean observedEnd;
    boolean flatAtEnd;
    double cashAtEnd;
    boolean ordersPending;

    Gate(Strategy delegate, int barFrom, int barTo, boolean last) {
      this.delegate = delegate;
      this.barFrom = barFrom;
      this.barTo = barTo;
      this.last = last;
    }

    @Override
    public void init(StrategyContext ctx) {
      gated.ctx = ctx;
      delegate.init(gated);
    }

    @Override
    public void next(StrategyContext ctx) {
      int i = ctx.bar();
      if (!seenFirstBar) {
        seenFirstBar = true;
        delegating = i >= barFrom; // else the strategy decided before the segment: deferred
      }
      if (!delegating || i >= barTo) {
        return;
      }
      bar = i;
      delegate.next(gated);
      if (i == barTo - 1) {
        observedEnd = true;
        boolean flat = true;
        for (int s = 0; s < ctx.universe().symbolCount(); s++) {
          flat &= ctx.position(s) == 0;
        }
        flatAtEnd = flat;
        cashAtEnd = ctx.cash();
      }
    }

    private boolean onLastBarOfNonLastSegment() {
      return !last && bar == barTo - 1;
    }

    /** The context the strategy sees: the engine's, with orders on the last bar held back. */
    private final class Gated implements StrategyContext {
      StrategyContext ctx;

      @Override
      public int bar() {
        return ctx.bar();
      }

      @Override
      public Universe universe() {
        return ctx.universe();
      }

      @Override
      public double[] indicator(int symbol, String key, Supplier<Indicator> factory) {
        return ctx.indicator(symbol, key, factory);
      }

      @Override
      public double[] register(double[] column) {
        return ctx.register(column);
      }

      @Override
      public void order(OrderRequest request) {
        if (onLastBarOfNonLastSegment()) {
          ordersPending = true;
          return;
        }
        if (!Double.isNaN(request.limit()) || !Double.isNaN(request.stop())) {
          ordersPending = true; // may rest beyond the segment
        }
        ctx.order(request);
      }

      @Override
      public void closePosition(int symbol, double portion) {
        if (onLastBarOfNonLastSegment()) {
          ordersPending |= ctx.position(symbol) != 0;
          return;
        }
        ctx.closePosition(symbol, portion);
      }

      @Override
      public double position(int symbol) {
        return ctx.position(symbol);
      }

      @Override
      public double averageEntryPrice(int symbol) {
        return ctx.averageEntryPrice(symbol);
      }

      @Override
      public double equity() {
        return ctx.equity();
      }

      @Override
      public double cash() {
        return ctx.cash();
      }
    }
  }
}
