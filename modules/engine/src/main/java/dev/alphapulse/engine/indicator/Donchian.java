package dev.alphapulse.engine.indicator;

import dev.alphapulse.engine.data.BarSeries;

/**
 * Donchian channel: {@link #upper()} = highest high and {@link #lower()} = lowest low over the last
 * {@code period} bars including the current one, {@link #middle()} = their midpoint (also {@link
 * #value()}).
 *
 * <p>Warm-up {@code period - 1}; all outputs are {@code NaN} before it. A {@code NaN} high or low
 * returns {@code NaN} and restarts the warm-up of that side. O(1) amortised per bar. Not
 * thread-safe.
 */
public final class Donchian implements Indicator {
  private final int period;
  private final RollingHigh high;
  private final RollingLow low;
  private double middle = Double.NaN;

  /**
   * Channel of highs and lows.
   *
   * @throws IllegalArgumentException if {@code period < 1}
   */
  public Donchian(int period) {
    this.period = Indicators.requirePeriod("period", period, 1);
    this.high = new RollingHigh(PriceField.HIGH, period);
    this.low = new RollingLow(PriceField.LOW, period);
  }

  @Override
  public double update(BarSeries series, int i) {
    double u = high.update(series, i);
    double l = low.update(series, i);
    middle = (u + l) / 2.0;
    return middle;
  }

  /** The midpoint of the channel. */
  @Override
  public double value() {
    return middle;
  }

  /** Highest high of the window. */
  public double upper() {
    return high.value();
  }

  /** Lowest low of the window. */
  public double lower() {
    return low.value();
  }

  /** {@code (upper + lower) / 2}; same as {@link #value()}. */
  public double middle() {
    return middle;
  }

  @Override
  public int warmup() {
    return period - 1;
  }

  @Override
  public void reset() {
    high.reset();
    low.reset();
    middle = Double.NaN;
  }

  public int period() {
    return period;
  }

  /** The canonical key of the middle line, e.g. {@code donchian(20)}. */
  @Override
  public String toString() {
    return Indicators.donchianKey(period);
  }
}
