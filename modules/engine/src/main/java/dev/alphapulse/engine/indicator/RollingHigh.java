package dev.alphapulse.engine.indicator;

import dev.alphapulse.engine.data.BarSeries;

/**
 * Highest value of one {@link PriceField} (by default the high) over the last {@code period} bars
 * <em>including the current one</em>, as pandas' {@code rolling(period).max()}: the upper Donchian
 * channel. A breakout rule "close above the highest high of the previous {@code n} bars" compares
 * bar {@code i}'s close with this indicator's value at bar {@code i - 1}.
 *
 * <p>Warm-up {@code period - 1}. O(1) amortised per bar with a monotonic deque over preallocated
 * ring buffers. A {@code NaN} input returns {@code NaN} and restarts the warm-up. Not thread-safe.
 */
public final class RollingHigh implements Indicator {
  private final PriceField field;
  private final int period;
  private final MonotonicMax max;
  private int seen;
  private double value = Double.NaN;

  /** Highest high. */
  public RollingHigh(int period) {
    this(PriceField.HIGH, period);
  }

  /**
   * Highest {@code field}.
   *
   * @throws IllegalArgumentException if {@code period < 1}
   */
  public RollingHigh(PriceField field, int period) {
    this.field = Indicators.requireField(field);
    this.period = Indicators.requirePeriod("period", period, 1);
    this.max = new MonotonicMax(period);
  }

  @Override
  public double update(BarSeries series, int i) {
    double x = field.of(series, i);
    if (Double.isNaN(x)) {
      reset();
      return value;
    }
    double m = max.add(x);
    if (seen < period) {
      seen++;
    }
    value = seen == period ? m : Double.NaN;
    return value;
  }

  @Override
  public double value() {
    return value;
  }

  @Override
  public int warmup() {
    return period - 1;
  }

  @Override
  public void reset() {
    max.reset();
    seen = 0;
    value = Double.NaN;
  }

  public int period() {
    return period;
  }

  public PriceField field() {
    return field;
  }

  /** The canonical key, e.g. {@code max(high,20)}. */
  @Override
  public String toString() {
    return Indicators.rollingHighKey(field, period);
  }
}
