package dev.alphapulse.engine.strategy.builtin;

import dev.alphapulse.engine.indicator.RollingHigh;
import dev.alphapulse.engine.indicator.RollingLow;
import dev.alphapulse.engine.strategy.Strategy;
import dev.alphapulse.engine.strategy.StrategyContext;

/**
 * Donchian channel breakout on symbol 0 (turtle style, always in the market once started): when the
 * close rises above the highest high of the previous {@code period} bars, close any short and go
 * long all-in; when it falls below the lowest low of the previous {@code period} bars, close any
 * long and go short all-in.
 */
public final class Breakout implements Strategy {
  private final int period;
  private double[] upper;
  private double[] lower;

  public Breakout(int period) {
    this.period = period;
  }

  @Override
  public void init(StrategyContext ctx) {
    upper = ctx.indicator(0, "max(high," + period + ")", () -> new RollingHigh(period));
    lower = ctx.indicator(0, "min(low," + period + ")", () -> new RollingLow(period));
  }

  @Override
  public void next(StrategyContext ctx) {
    int i = ctx.bar();
    double c = ctx.data().close(i);
    double pos = ctx.position(0);
    if (c > upper[i - 1] && pos <= 0) {
      ctx.closePosition(0);
      ctx.buy(0);
    } else if (c < lower[i - 1] && pos >= 0) {
      ctx.closePosition(0);
      ctx.sell(0);
    }
  }
}
