package dev.alphapulse.engine.indicator;

import dev.alphapulse.engine.data.BarSeries;

/**
 * Average true range with Wilder's smoothing, computed as TA-Lib's {@code ATR} does.
 *
 * <h2>Convention</h2>
 *
 * Only bars with a previous close contribute a {@link TrueRange}: bar 0's {@code high - low} is
 * <em>not</em> used. The first value, at bar {@code period} (the warm-up), is the simple mean of
 * the true ranges of bars {@code 1..period}; after that {@code atr = (atr * (period - 1) + tr) /
 * period}. (ta4j instead starts its smoothing at bar 0 with {@code high - low} and has no warm-up;
 * the two converge as the start's weight decays.) Same unit as prices, {@code >= 0}.
 *
 * <p>A {@code NaN} high, low or close returns {@code NaN} and restarts the warm-up. Not
 * thread-safe.
 */
public final class Atr implements Indicator {
  private final int period;
  private double prevClose = Double.NaN;
  private int ranges;
  private double sum;
  private double value = Double.NaN;

  /**
   * ATR over {@code period} bars.
   *
   * @throws IllegalArgumentException if {@code period < 1}
   */
  public Atr(int period) {
    this.period = Indicators.requirePeriod("period", period, 1);
  }

  @Override
  public double update(BarSeries series, int i) {
    double h = series.high(i);
    double l = series.low(i);
    double c = series.close(i);
    if (Double.isNaN(h) || Double.isNaN(l) || Double.isNaN(c)) {
      reset();
      return value;
    }
    double prev = prevClose;
    prevClose = c;
    if (Double.isNaN(prev)) {
      return value;
    }
    double tr = TrueRange.of(h, l, prev);
    if (ranges >= period) {
      value = (value * (period - 1) + tr) / period;
    } else {
      sum += tr;
      if (++ranges == period) {
        value = sum / period;
      }
    }
    return value;
  }

  @Override
  public double value() {
    return value;
  }

  @Override
  public int warmup() {
    return period;
  }

  @Override
  public void reset() {
    prevClose = Double.NaN;
    ranges = 0;
    sum = 0.0;
    value = Double.NaN;
  }

  public int period() {
    return period;
  }

  /** The canonical key, e.g. {@code atr(14)}. */
  @Override
  public String toString() {
    return Indicators.atrKey(period);
  }
}
