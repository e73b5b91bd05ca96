package dev.alphapulse.engine.strategy.builtin;

import dev.alphapulse.engine.broker.OrderRequest;
import dev.alphapulse.engine.data.BarSeries;
import dev.alphapulse.engine.data.Universe;
import dev.alphapulse.engine.indicator.Indicator;
import dev.alphapulse.engine.strategy.Strategy;
import dev.alphapulse.engine.strategy.StrategyContext;

/**
 * Cross-sectional momentum rotation over all symbols of the universe: every {@code rebalance} bars,
 * rank symbols by their {@code lookback}-bar return and hold the {@code topN} best that have a
 * positive return, long only. Positions that drop out are closed; new entries share the freed
 * margin equally (entry {@code j} of {@code k} takes {@code 1/(k-j)} of what is left when it
 * fills). Positions that stay are not resized. Symbols without a bar of their own on the current
 * bar are not traded.
 */
public final class Momentum implements Strategy {
  private final int lookback;
  private final int topN;
  private final int rebalance;
  private double[][] roc;
  private int[] order;
  private double[] score;
  private int firstBar = -1;

  public Momentum(int lookback, int topN, int rebalance) {
    this.lookback = lookback;
    this.topN = topN;
    this.rebalance = rebalance;
  }

  @Override
  public void init(StrategyContext ctx) {
    Universe u = ctx.universe();
    roc = new double[u.symbolCount()][];
    for (int s = 0; s < u.symbolCount(); s++) {
      roc[s] = ctx.indicator(s, "roc(close," + lookback + ")", () -> new RateOfChange(lookback));
    }
    order = new int[u.symbolCount()];
    score = new double[u.symbolCount()];
  }

  @Override
  public void next(StrategyContext ctx) {
    int i = ctx.bar();
    if (firstBar < 0) {
      firstBar = i;
    }
    if ((i - firstBar) % rebalance != 0) {
      return;
    }
    Universe u = ctx.universe();
    int n = u.symbolCount();
    int candidates = 0;
    for (int s = 0; s < n; s++) {
      double r = roc[s][i];
      if (u.hasBar(s, i) && r > 0) {
        order[candidates] = s;
        score[candidates++] = r;
      }
    }
    // partial selection sort of the top N by score, ties broken by symbol index (deterministic)
    int keep = Math.min(topN, candidates);
    for (int a = 0; a < keep; a++) {
      int best = a;
      for (int b = a + 1; b < candidates; b++) {
        if (score[b] > score[best] || (score[b] == score[best] && order[b] < order[best])) {
          best = b;
        }
      }
      int ts = order[a];
      order[a] = order[best];
      order[best] = ts;
      double tv = score[a];
      score[a] = score[best];
      score[best] = tv;
    }
    int entries = 0;
    for (int s = 0; s < n; s++) {
      boolean selected = isSelected(s, keep);
      double pos = ctx.position(s);
      if (pos != 0 && !selected && u.hasBar(s, i)) {
        ctx.closePosition(s);
      } else if (pos == 0 && selected) {
        entries++;
      }
    }
    int j = 0;
    for (int a = 0; a < keep; a++) {
      int s = order[a];
      if (ctx.position(s) == 0) {
        double fraction = Math.min(1.0 / (entries - j), OrderRequest.ALL_IN);
        ctx.order(OrderRequest.market(s, fraction));
        j++;
      }
    }
  }

  private boolean isSelected(int s, int keep) {
    for (int a = 0; a < keep; a++) {
      if (order[a] == s) {
        return true;
      }
    }
    return false;
  }

  /** {@code close[i] / close[i - n] - 1}; first valid at bar n. */
  static final class RateOfChange implements Indicator {
    private final int n;
    private final double[] ring;
    private int seen;
    private double value = Double.NaN;

    RateOfChange(int n) {
      this.n = n;
      this.ring = new double[n + 1];
    }

    @Override
    public double update(BarSeries series, int i) {
      double c = series.close(i);
      ring[seen % (n + 1)] = c;
      seen++;
      value = seen > n ? c / ring[(seen - 1 - n) % (n + 1)] - 1 : Double.NaN;
      return value;
    }

    @Override
    public double value() {
      return value;
    }

    @Override
    public int warmup() {
      return n;
    }

    @Override
    public void reset() {
      seen = 0;
      value = Double.NaN;
    }
  }
}
