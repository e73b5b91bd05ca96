package dev.alphapulse.engine.indicator;

/**
 * Lowest value of one {@link PriceField} (by default the low) over the last {@code period} bars
 * <em>including the current one</em>, as pandas' {@code rolling(period).min()}: the lower Donchian
 * channel. See {@link RollingHigh} for how breakout rules should use it.
 *
 * <p>Warm-up {@code period - 1}. O(1) amortised per bar (a monotonic deque fed negated values). A
 * {@code NaN} input returns {@code NaN} and restarts the warm-up. Not thread-safe.
 */
public final class RollingLow extends RollingExtreme {
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
    super(field, period, -1.0);
  }

  /** The canonical key, e.g. {@code min(low,20)}. */
  @Override
  public String toString() {
    return Indicators.rollingLowKey(field(), period());
  }
}
