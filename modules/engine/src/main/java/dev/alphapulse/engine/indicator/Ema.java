package dev.alphapulse.engine.indicator;

import dev.alphapulse.engine.data.BarSeries;

/**
 * Exponential moving average of one {@link PriceField} with {@code alpha = 2 / (period + 1)}, in
 * TA-Lib's convention: the first value, at bar {@code period - 1} (the warm-up), is the simple
 * average of the first {@code period} values; from then on {@code ema += (x - ema) * alpha}.
 *
 * <p>This is not pandas' {@code ewm(span=period, adjust=False)}, which seeds with the first value
 * and has no warm-up; the two converge as the seed's weight {@code (1 - alpha)^k} decays. A {@code
 * NaN} input returns {@code NaN} and restarts the warm-up. Not thread-safe.
 */
public final class Ema implements Indicator {
  private final PriceField field;
  private final int period;
  private final double alpha;
  private int seen;
  private double seedSum;
  private double value = Double.NaN;

  /** EMA of the close. */
  public Ema(int period) {
    this(PriceField.CLOSE, period);
  }

  /**
   * EMA of {@code field}.
   *
   * @throws IllegalArgumentException if {@code period < 1}
   */
  public Ema(PriceField field, int period) {
    this.field = Indicators.requireField(field);
    this.period = Indicators.requirePeriod("period", period, 1);
    this.alpha = 2.0 / (period + 1);
  }

  @Override
  public double update(BarSeries series, int i) {
    double x = field.of(series, i);
    if (Double.isNaN(x)) {
      reset();
      return value;
    }
    if (seen >= period) {
      value = (x - value) * alpha + value;
    } else {
      seedSum += x;
      if (++seen == period) {
        value = seedSum / period;
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
    return period - 1;
  }

  @Override
  public void reset() {
    seen = 0;
    seedSum = 0.0;
    value = Double.NaN;
  }

  public int period() {
    return period;
  }

  /** The smoothing factor {@code 2 / (period + 1)}. */
  public double alpha() {
    return alpha;
  }

  public PriceField field() {
    return field;
  }

  /** The canonical key, e.g. {@code ema(close,10)}. */
  @Override
  public String toString() {
    return Indicators.emaKey(field, period);
  }
}
