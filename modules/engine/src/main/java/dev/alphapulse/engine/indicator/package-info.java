/**
 * Incremental technical indicators over a {@link dev.alphapulse.engine.data.BarSeries}: moving
 * averages ({@link dev.alphapulse.engine.indicator.Sma}, {@link
 * dev.alphapulse.engine.indicator.Ema}), oscillators ({@link dev.alphapulse.engine.indicator.Rsi},
 * {@link dev.alphapulse.engine.indicator.RollingZScore}), bands and channels ({@link
 * dev.alphapulse.engine.indicator.BollingerBands}, {@link
 * dev.alphapulse.engine.indicator.Donchian}) and volatility ({@link
 * dev.alphapulse.engine.indicator.Atr}), each O(1) per bar, allocation-free in {@code update} and
 * with a declared warm-up, plus {@link dev.alphapulse.engine.indicator.IndicatorColumns} to turn
 * one into a column and the thread-safe {@link dev.alphapulse.engine.indicator.IndicatorCache} that
 * lets a parameter sweep compute each distinct column (named by the canonical keys of {@link
 * dev.alphapulse.engine.indicator.Indicators}) once per series; a {@code NaN} input restarts an
 * indicator's warm-up rather than poisoning it.
 */
package dev.alphapulse.engine.indicator;
