package dev.alphapulse.engine.indicator;

import dev.alphapulse.engine.data.BarSeries;

/**
 * Simple moving average of one {@link PriceField} over the last {@code period} bars, as pandas'
 * {@code Series.rolling(period).mean()}.
 *
 * <p>Warm-up {@code period - 1}: the first value is at bar {@code period - 1}. The running window
 * sum is compensated (Neumaier), so values stay within ~1e-15 relative of a direct sum over the
 * window however long the series; a window of identical values yields exactly that value. A {@code
 * NaN} input returns {@code NaN} and restarts the warm-up (like pandas with {@code min_periods =
 * period}: a window containing a {@code NaN} has no mean). Not thread-safe.
 */
public final class Sma implements Indicator {
  private final PriceField field;
  private final int period;
  private final RollingMoments window;
  private double value = Double.NaN;

  /** SMA of the close. */
  public Sma(int period) {
    this(PriceField.CLOSE, period);
  }

  /**
   * SMA of {@code field}.
   *
   * @throws IllegalArgumentException if {@code period < 1}
   */
  public Sma(PriceField field, int period) {
    this.field = Indicators.requireField(field);
    this.period = Indicators.requirePeriod("period", period, 1);
    this.window = new RollingMoments(period, false);
  }

  @Override
  public double update(BarSeries series, int i) {
    double x = field.of(series, i);
    if (Double.isNaN(x)) {
      reset();
      return value;
    }
    window.add(x);
    value = window.full() ? window.mean() : Double.NaN;
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
    window.reset();
    value = Double.NaN;
  }

  public int period() {
    return period;
  }

  public PriceField field() {
    return field;
  }

  /** The canonical key, e.g. {@code sma(close,10)}. */
  @Override
  public String toString() {
    return Indicators.smaKey(field, period);
  }
}
