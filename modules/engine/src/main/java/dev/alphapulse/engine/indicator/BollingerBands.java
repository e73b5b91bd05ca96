package dev.alphapulse.engine.indicator;

import dev.alphapulse.engine.data.BarSeries;

/**
 * Bollinger bands of one {@link PriceField}: middle = rolling mean over {@code window} bars, upper
 * and lower = middle &plusmn; {@code k} rolling standard deviations.
 *
 * <p>The deviation is the <em>sample</em> one ({@code ddof = 1}, pandas' {@code rolling().std()}),
 * consistent with {@link RollingZScore}; TA-Lib's {@code BBANDS} uses the population deviation,
 * narrower by the factor {@code sqrt((window - 1) / window)}. {@link #value()} is the middle band,
 * bit-identical to {@link Sma} over the same field and window; {@link #upper()}, {@link #lower()},
 * {@link #stdDev()} and {@link #percentB()} are read after {@link #update}. Warm-up {@code window -
 * 1}; all outputs are {@code NaN} before it. A {@code NaN} input returns {@code NaN} and restarts
 * the warm-up. Not thread-safe.
 */
public final class BollingerBands implements Indicator {
  private final PriceField field;
  private final int window;
  private final double k;
  private final RollingMoments moments;
  private double middle = Double.NaN;
  private double stdDev = Double.NaN;
  private double upper = Double.NaN;
  private double lower = Double.NaN;
  private double percentB = Double.NaN;

  /** Bands around the close. */
  public BollingerBands(int window, double k) {
    this(PriceField.CLOSE, window, k);
  }

  /**
   * Bands around {@code field}.
   *
   * @throws IllegalArgumentException if {@code window < 2} or {@code k} is negative or not finite
   */
  public BollingerBands(PriceField field, int window, double k) {
    this.field = Indicators.requireField(field);
    this.window = Indicators.requirePeriod("window", window, 2);
    if (!(k >= 0.0) || Double.isInfinite(k)) {
      throw new IllegalArgumentException("k must be finite and >= 0, was " + k);
    }
    this.k = k;
    this.moments = new RollingMoments(window, true);
  }

  @Override
  public double update(BarSeries series, int i) {
    double x = field.of(series, i);
    if (Double.isNaN(x)) {
      reset();
      return middle;
    }
    moments.add(x);
    if (!moments.full()) {
      return middle;
    }
    middle = moments.mean();
    stdDev = Math.sqrt(moments.m2() / (window - 1));
    upper = middle + k * stdDev;
    lower = middle - k * stdDev;
    double width = upper - lower;
    percentB = width == 0.0 ? 0.5 : (x - lower) / width;
    return middle;
  }

  /** The middle band (the rolling mean). */
  @Override
  public double value() {
    return middle;
  }

  /** The middle band (the rolling mean); same as {@link #value()}. */
  public double middle() {
    return middle;
  }

  /** {@code middle + k * stdDev}. */
  public double upper() {
    return upper;
  }

  /** {@code middle - k * stdDev}. */
  public double lower() {
    return lower;
  }

  /** The sample standard deviation of the window ({@code >= 0}). */
  public double stdDev() {
    return stdDev;
  }

  /**
   * Where the current value sits in the bands: 0 at the lower band, 1 at the upper, outside {@code
   * [0, 1]} beyond them; 0.5 when the bands have zero width.
   */
  public double percentB() {
    return percentB;
  }

  @Override
  public int warmup() {
    return window - 1;
  }

  @Override
  public void reset() {
    moments.reset();
    middle = Double.NaN;
    stdDev = Double.NaN;
    upper = Double.NaN;
    lower = Double.NaN;
    percentB = Double.NaN;
  }

  public int window() {
    return window;
  }

  public double k() {
    return k;
  }

  public PriceField field() {
    return field;
  }

  /** The canonical key of the middle band, e.g. {@code bb(close,20,2.0)}. */
  @Override
  public String toString() {
    return Indicators.bollingerKey(field, window, k);
  }
}
