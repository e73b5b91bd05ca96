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

  /**
   * Fills {@code out} with this SMA over the whole series, bit-identical to feeding {@link #update}
   * bar by bar from a reset state, but with the running state in local variables (the column path
   * of sweeps and benchmarks). Leaves this indicator reset.
   */
  void computeColumn(BarSeries series, double[] out) {
    reset();
    final int n = series.size();
    final double[] closes = field == PriceField.CLOSE ? series.closes() : null;
    final double[] ring = new double[period];
    int head = 0;
    int count = 0;
    double sum = 0.0;
    double comp = 0.0;
    int run = 0;
    double last = 0.0;
    for (int i = 0; i < n; i++) {
      double x = closes != null ? closes[i] : field.of(series, i);
      if (Double.isNaN(x)) {
        head = 0;
        count = 0;
        sum = 0.0;
        comp = 0.0;
        run = 0;
        last = 0.0;
        out[i] = Double.NaN;
        continue;
      }
      double y = ring[head];
      ring[head] = x;
      head = head + 1 == period ? 0 : head + 1;
      // Neumaier summation, exactly as CompensatedSum: add x, then (window full) subtract y
      double t = sum + x;
      comp += Math.abs(sum) >= Math.abs(x) ? (sum - t) + x : (x - t) + sum;
      sum = t;
      if (count == period) {
        double ny = -y;
        t = sum + ny;
        comp += Math.abs(sum) >= Math.abs(ny) ? (sum - t) + ny : (ny - t) + sum;
        sum = t;
      } else {
        count++;
      }
      run = run > 0 && x == last ? run + 1 : 1;
      last = x;
      out[i] = count == period ? (run >= count ? last : (sum + comp) / count) : Double.NaN;
    }
    window.restoreMeanOnly(ring, head, count, sum, comp, run, last);
    value = n == 0 ? Double.NaN : out[n - 1];
  }
}
