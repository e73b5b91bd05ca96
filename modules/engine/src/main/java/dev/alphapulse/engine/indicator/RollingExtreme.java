package dev.alphapulse.engine.indicator;

import dev.alphapulse.engine.data.BarSeries;

/**
 * The rolling extreme of one {@link PriceField} over the last {@code period} bars including the
 * current one: the maximum of {@code sign * x}, times {@code sign} ({@code +1}: the highest value,
 * {@code -1}: the lowest; negation is exact, so both are the true extremes). Warm-up {@code period
 * - 1}; O(1) amortised per bar with a monotonic deque over preallocated ring buffers; a {@code NaN}
 * input returns {@code NaN} and restarts the warm-up. Not thread-safe.
 */
abstract class RollingExtreme implements Indicator {
  private final PriceField field;
  private final int period;
  private final double sign;
  private final MonotonicMax max;
  private int seen;
  private double value = Double.NaN;

  RollingExtreme(PriceField field, int period, double sign) {
    this.field = Indicators.requireField(field);
    this.period = Indicators.requirePeriod("period", period, 1);
    this.sign = sign;
    this.max = new MonotonicMax(period);
  }

  @Override
  public final double update(BarSeries series, int i) {
    double x = field.of(series, i);
    if (Double.isNaN(x)) {
      reset();
      return value;
    }
    double m = sign * max.add(sign * x);
    if (seen < period) {
      seen++;
    }
    value = seen == period ? m : Double.NaN;
    return value;
  }

  @Override
  public final double value() {
    return value;
  }

  @Override
  public final int warmup() {
    return period - 1;
  }

  @Override
  public final void reset() {
    max.reset();
    seen = 0;
    value = Double.NaN;
  }

  public final int period() {
    return period;
  }

  public final PriceField field() {
    return field;
  }
}
