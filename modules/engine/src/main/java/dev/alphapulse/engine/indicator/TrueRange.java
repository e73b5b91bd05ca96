package dev.alphapulse.engine.indicator;

import dev.alphapulse.engine.data.BarSeries;

/**
 * Wilder's true range: {@code max(high - low, |high - prevClose|, |low - prevClose|)}; at the first
 * bar (no previous close) it is {@code high - low}.
 *
 * <p>Warm-up 0. A {@code NaN} high, low or close returns {@code NaN} and restarts, so the next bar
 * again counts as a first bar. Not thread-safe.
 */
public final class TrueRange implements Indicator {
  private double prevClose = Double.NaN;
  private double value = Double.NaN;

  @Override
  public double update(BarSeries series, int i) {
    double h = series.high(i);
    double l = series.low(i);
    double c = series.close(i);
    if (Double.isNaN(h) || Double.isNaN(l) || Double.isNaN(c)) {
      reset();
      return value;
    }
    value = of(h, l, prevClose);
    prevClose = c;
    return value;
  }

  /** True range of a bar given the previous close ({@code NaN} for none: then {@code h - l}). */
  static double of(double high, double low, double prevClose) {
    double range = high - low;
    if (Double.isNaN(prevClose)) {
      return range;
    }
    return Math.max(range, Math.max(Math.abs(high - prevClose), Math.abs(low - prevClose)));
  }

  @Override
  public double value() {
    return value;
  }

  @Override
  public int warmup() {
    return 0;
  }

  @Override
  public void reset() {
    prevClose = Double.NaN;
    value = Double.NaN;
  }

  /** The canonical key {@code tr}. */
  @Override
  public String toString() {
    return Indicators.trueRangeKey();
  }
}
