package dev.alphapulse.engine.indicator;

import dev.alphapulse.engine.data.BarSeries;

/**
 * An incremental technical indicator: O(1) state and O(1) work per bar.
 *
 * <p>Feed bars in order with {@link #update(BarSeries, int)}, starting at bar 0 (or at any bar
 * after {@link #reset()}). The value is {@code NaN} until {@link #warmup()} bars beyond the first
 * have been seen: after feeding bars {@code 0..k}, the value is valid iff {@code k >= warmup()}.
 * For example SMA(30) has warm-up 29 (first value at bar 29), as pandas' rolling mean does.
 *
 * <p>Not thread-safe: one instance per series and thread. Implementations never allocate in {@code
 * update}.
 */
public interface Indicator {

  /**
   * Feeds bar {@code i} of {@code series} and returns the indicator's value at that bar ({@code
   * NaN} during warm-up). Bars must be fed in increasing, consecutive order.
   */
  double update(BarSeries series, int i);

  /** The current value ({@code NaN} before warm-up ends). */
  double value();

  /** Index of the first valid value when feeding starts at bar 0. */
  int warmup();

  /** Forgets all state, as if newly created. */
  void reset();
}
