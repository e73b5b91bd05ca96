package dev.alphapulse.engine.strategy.builtin;

import dev.alphapulse.engine.indicator.Rsi;
import dev.alphapulse.engine.strategy.Strategy;
import dev.alphapulse.engine.strategy.StrategyContext;

/**
 * RSI bands on symbol 0, long only: buy all-in when flat and RSI({@code period}) falls below {@code
 * lower} (oversold); close when RSI rises above {@code upper} (overbought).
 */
public final class RsiBands implements Strategy {
  private final int period;
  private final double lower;
  private final double upper;
  private double[] rsi;

  public RsiBands(int period, double lower, double upper) {
    this.period = period;
    this.lower = lower;
    this.upper = upper;
  }

  @Override
  public void init(StrategyContext ctx) {
    rsi = ctx.indicator(0, "rsi(close," + period + ")", () -> new Rsi(period));
  }

  @Override
  public void next(StrategyContext ctx) {
    double r = rsi[ctx.bar()];
    double pos = ctx.position(0);
    if (pos == 0 && r < lower) {
      ctx.buy(0);
    } else if (pos > 0 && r > upper) {
      ctx.closePosition(0);
    }
  }
}
