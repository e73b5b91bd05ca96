package dev.alphapulse.engine.strategy.builtin;

import dev.alphapulse.engine.indicator.Sma;
import dev.alphapulse.engine.strategy.SignalStrategy;
import dev.alphapulse.engine.strategy.StrategyContext;

/**
 * Moving-average crossover, backtesting.py's {@code SmaCross}: when SMA(fast) of the close crosses
 * above SMA(slow) (strictly: below or equal on the previous bar is not enough, it must be strictly
 * below then strictly above), close any position and go long all-in; on the opposite cross, close
 * and go short all-in. Trades symbol 0.
 *
 * <p>Its signals are the crossings, which {@link #nextSignal} finds by scanning the two columns.
 */
public final class SmaCross implements SignalStrategy {
  private final int fast;
  private final int slow;
  private double[] f;
  private double[] s;

  public SmaCross(int fast, int slow) {
    if (fast < 1 || slow < 1) {
      throw new IllegalArgumentException("SMA periods must be >= 1, got " + fast + ", " + slow);
    }
    this.fast = fast;
    this.slow = slow;
  }

  @Override
  public void init(StrategyContext ctx) {
    f = ctx.indicator(0, "sma(close," + fast + ")", () -> new Sma(fast));
    s = ctx.indicator(0, "sma(close," + slow + ")", () -> new Sma(slow));
  }

  @Override
  public void next(StrategyContext ctx) {
    int i = ctx.bar();
    if (f[i - 1] < s[i - 1] && f[i] > s[i]) {
      ctx.closePosition(0);
      ctx.buy(0);
    } else if (s[i - 1] < f[i - 1] && s[i] > f[i]) {
      ctx.closePosition(0);
      ctx.sell(0);
    }
  }

  @Override
  public int nextSignal(int from, int to) {
    // The same bars as testing next()'s two conditions at every bar, but it follows the state of
    // the previous bar: below (f < s), above (s < f) or neither (equal, or NaN in the warm-up). A
    // cross needs a strict state before it, so inside a run of one state only the first bar that
    // leaves it can be a signal: the scan of a run compares one pair of values per bar.
    final double[] fa = f;
    final double[] sa = s;
    int i = from;
    while (i < to) {
      if (fa[i - 1] < sa[i - 1]) {
        while (i < to && fa[i] < sa[i]) {
          i++;
        }
        if (i < to && fa[i] > sa[i]) {
          return i;
        }
      } else if (sa[i - 1] < fa[i - 1]) {
        while (i < to && sa[i] < fa[i]) {
          i++;
        }
        if (i < to && sa[i] > fa[i]) {
          return i;
        }
      }
      i++; // bar i is neither below nor above, or the run reached to: no cross at i
    }
    return to;
  }
}
