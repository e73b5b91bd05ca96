package dev.alphapulse.engine.strategy;

/**
 * A trading strategy, written like backtesting.py's: {@link #init} requests indicator columns
 * (which fixes the warm-up), {@link #next} is called once per bar from the end of the warm-up on,
 * after the broker has processed orders with that bar's prices, and places orders that are
 * processed from the next bar on.
 *
 * <p>A strategy instance serves one backtest (it may keep state between bars). It must be
 * deterministic: no clock, no unseeded randomness, no I/O. {@code next} should not allocate except
 * when it places orders.
 */
public interface Strategy {

  /** Called once before the first bar: request indicators through the context. */
  void init(StrategyContext ctx);

  /** Called at each bar {@code ctx.bar()} from {@code 1 + warm-up} to the last bar. */
  void next(StrategyContext ctx);
}
