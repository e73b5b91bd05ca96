package dev.alphapulse.engine.indicator;

import dev.alphapulse.engine.data.BarSeries;

/**
 * Rolling z-score of one {@link PriceField}: {@code (x - mean) / std} over the last {@code window}
 * bars including the current one, where {@code std} is the <em>sample</em> standard deviation
 * ({@code ddof = 1}), as pandas' {@code (s - s.rolling(n).mean()) / s.rolling(n).std()}.
 *
 * <p>Warm-up {@code window - 1}. When the window's deviation is exactly 0 (all values equal) the
 * value is 0, not {@code 0 / 0}. Mean and variance are maintained in O(1) amortised per bar with a
 * compensated sum and Welford updates (see {@code RollingMoments}); the variance is clamped at 0. A
 * {@code NaN} input returns {@code NaN} and restarts the warm-up. Not thread-safe.
 */
public final class RollingZScore implements Indicator {
  private final PriceField field;
  private final int window;
  private final RollingMoments moments;
  private double value = Double.NaN;

  /** Z-score of the close. */
  public RollingZScore(int window) {
    this(PriceField.CLOSE, window);
  }

  /**
   * Z-score of {@code field}.
   *
   * @throws IllegalArgumentException if {@code window < 2}
   */
  public RollingZScore(PriceField field, int window) {
    this.field = Indicators.requireField(field);
    this.window = Indicators.requirePeriod("window", window, 2);
    this.moments = new RollingMoments(window, true);
  }

  @Override
  public double update(BarSeries series, int i) {
    double x = field.of(series, i);
    if (Double.isNaN(x)) {
      reset();
      return value;
    }
    moments.add(x);
    if (!moments.full()) {
      return value;
    }
    double m2 = moments.m2();
    value = m2 == 0.0 ? 0.0 : (x - moments.mean()) / Math.sqrt(m2 / (window - 1));
    return value;
  }

  @Override
  public double value() {
    return value;
  }

  @Override
  public int warmup() {
    return window - 1;
  }

  @Override
  public void reset() {
    moments.reset();
    value = Double.NaN;
  }

  public int window() {
    return window;
  }

  public PriceField field() {
    return field;
  }

  /** The canonical key, e.g. {@code zscore(close,20)}. */
  @Override
  public String toString() {
    return Indicators.zScoreKey(field, window);
  }
}
