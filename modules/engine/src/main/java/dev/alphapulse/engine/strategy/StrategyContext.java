package dev.alphapulse.engine.strategy;

import dev.alphapulse.engine.broker.OrderRequest;
import dev.alphapulse.engine.data.BarSeries;
import dev.alphapulse.engine.data.Universe;
import dev.alphapulse.engine.indicator.Indicator;
import java.util.function.Supplier;

/**
 * What a strategy sees: the bars, its indicator columns, its account, and the order entry.
 *
 * <p>Columns are full-length arrays; at bar {@code i} a strategy may read indices {@code <= i} only
 * (reading ahead is look-ahead bias and is the strategy author's responsibility).
 */
public interface StrategyContext {

  /** Index of the current bar in the universe calendar. */
  int bar();

  /** All symbols, aligned. */
  Universe universe();

  /** Symbol 0's bars (the single-symbol case). */
  default BarSeries data() {
    return universe().series(0);
  }

  /**
   * The column of an indicator on symbol {@code symbol}, computed once and shared by every backtest
   * of the same data that asks for the same {@code key} (so a parameter sweep computes SMA(10)
   * once). Registers the column for the warm-up: the first bar given to {@link Strategy#next} is
   * one past the largest first-valid index of all requested columns.
   *
   * @param key canonical description of the indicator, e.g. {@code "sma(close,10)"}; the same key
   *     must always mean the same computation
   */
  double[] indicator(int symbol, String key, Supplier<Indicator> factory);

  /** Registers a column the strategy computed itself, for the warm-up rule; returns it. */
  double[] register(double[] column);

  /** Places an order (see {@link OrderRequest}). */
  void order(OrderRequest request);

  /** Buys all-in on symbol {@code symbol} at market. */
  default void buy(int symbol) {
    order(OrderRequest.market(symbol, OrderRequest.ALL_IN));
  }

  /** Sells short all-in on symbol {@code symbol} at market. */
  default void sell(int symbol) {
    order(OrderRequest.market(symbol, -OrderRequest.ALL_IN));
  }

  /** Closes the whole position in {@code symbol} at market, before other pending orders. */
  default void closePosition(int symbol) {
    closePosition(symbol, 1.0);
  }

  /** Closes a portion in (0, 1] of every open trade of {@code symbol}. */
  void closePosition(int symbol, double portion);

  /** Net units held in {@code symbol} (positive long, negative short, 0 flat). */
  double position(int symbol);

  /** Size-weighted average entry price of the position in {@code symbol}, or NaN when flat. */
  double averageEntryPrice(int symbol);

  /** Account equity at the current bar's close. */
  double equity();

  /** Account cash. */
  double cash();
}
