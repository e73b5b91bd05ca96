package dev.alphapulse.engine.indicator;

/**
 * Highest value of one {@link PriceField} (by default the high) over the last {@code period} bars
 * <em>including the current one</em>, as pandas' {@code rolling(period).max()}: the upper Donchian
 * channel. A breakout rule "close above the highest high of the previous {@code n} bars" compares
 * bar {@code i}'s close with this indicator's value at bar {@code i - 1}.
 *
 * <p>Warm-up {@code period - 1}. O(1) amortised per bar with a monotonic deque over preallocated
 * ring buffers. A {@code NaN} input returns {@code NaN} and restarts the warm-up. Not thread-safe.
 */
public final class RollingHigh extends RollingExtreme {
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
    super(field, period, 1.0);
  }

  /** The canonical key, e.g. {@code max(high,20)}. */
  @Override
  public String toString() {
    return Indicators.rollingHighKey(field(), period());
  }
}
