package dev.alphapulse.engine.indicator;

import dev.alphapulse.engine.data.BarSeries;

/**
 * Lowest value of one {@link PriceField} (by default the low) over the last {@code period} bars
 * <em>including the current one</em>, as pandas' {@code rolling(period).min()}: the lower Donchian
 * channel. See {@link RollingHigh} for how breakout rules should use it.
 *
 * <p>Warm-up {@code period - 1}. O(1) amortised per bar (a monotonic deque fed negated values). A
 * {@code NaN} input returns {@code NaN} and restarts the warm-up. Not thread-safe.
 */
public final class RollingLow implements Indicator {
  private final PriceField field;
  private final int period;
  private final MonotonicMax negatedMax;
  private int seen;
  private double value = Double.NaN;

  /** Lowest low. */
  public RollingLow(int period) {
    this(PriceField.LOW, period);
  }

  /**
   * Lowest {@code field}.
   *
   * @throws IllegalArgumentException if {@code period < 1}
   */
  public RollingLow(PriceField field, int period) {
    this.field = Indicators.requireField(field);
    this.period = Indicators.requirePeriod("period", period, 1);
    this.negatedMax = new MonotonicMax(period);
  }

  @Override
  public double update(BarSeries series, int i) {
    double x = field.of(series, i);
    if (Double.isNaN(x)) {
      reset();
      return value;
    }
    double m = -negatedMax.add(-x);
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
    negatedMax.reset();
    seen = 0;
    value = Double.NaN;
  }

  public int period() {
    return period;
  }

  public PriceField field() {
    return field;
  }

  /** The canonical key, e.g. {@code min(low,20)}. */
  @Override
  public String toString() {
    return Indicators.rollingLowKey(field, period);
  }
}
