package dev.alphapulse.engine.strategy.builtin;

import dev.alphapulse.engine.indicator.RollingZScore;
import dev.alphapulse.engine.strategy.Strategy;
import dev.alphapulse.engine.strategy.StrategyContext;

/**
 * Z-score mean reversion on symbol 0: with z the rolling z-score of the close over {@code window}
 * bars, go long all-in when flat and {@code z < -entry}, short when flat and {@code z > entry};
 * close a long once {@code z >= -exit}, a short once {@code z <= exit}.
 */
public final class MeanReversion implements Strategy {
  private final int window;
  private final double entry;
  private final double exit;
  private double[] z;

  public MeanReversion(int window, double entry, double exit) {
    this.window = window;
    this.entry = entry;
    this.exit = exit;
  }

  @Override
  public void init(StrategyContext ctx) {
    z = ctx.indicator(0, "zscore(close," + window + ")", () -> new RollingZScore(window));
  }

  @Override
  public void next(StrategyContext ctx) {
    double zi = z[ctx.bar()];
    double pos = ctx.position(0);
    if (pos == 0) {
      if (zi < -entry) {
        ctx.buy(0);
      } else if (zi > entry) {
        ctx.sell(0);
      }
    } else if (pos > 0 && zi >= -exit) {
      ctx.closePosition(0);
    } else if (pos < 0 && zi <= exit) {
      ctx.closePosition(0);
    }
  }
}
