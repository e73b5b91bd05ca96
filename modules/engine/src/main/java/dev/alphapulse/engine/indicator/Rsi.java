package dev.alphapulse.engine.indicator;

import dev.alphapulse.engine.data.BarSeries;

/**
 * Wilder's relative strength index of one {@link PriceField}, in {@code [0, 100]}, computed as
 * TA-Lib does.
 *
 * <h2>Convention</h2>
 *
 * Bar {@code k >= 1} has change {@code d = x[k] - x[k-1]}, gain {@code max(d, 0)} and loss {@code
 * max(-d, 0)}. The first averages are the simple means of the gains and losses of bars {@code
 * 1..period}; after that Wilder's smoothing {@code avg = (avg * (period - 1) + next) / period}
 * applies. The value is {@code 100 * avgGain / (avgGain + avgLoss)} (the same as {@code 100 - 100 /
 * (1 + RS)}), first valid at bar {@code period} (the warm-up), since {@code period} changes need
 * {@code period + 1} bars.
 *
 * <p>One deliberate difference from TA-Lib and ta4j: when both averages are exactly 0 (a window
 * with no change at all) the value is the neutral 50 rather than their 0, which would read as
 * "oversold" on a halted or forward-filled symbol. A {@code NaN} input returns {@code NaN} and
 * restarts the warm-up. Not thread-safe.
 */
public final class Rsi implements Indicator {
  private final PriceField field;
  private final int period;
  private int changes;
  private double previous = Double.NaN;
  private double avgGain;
  private double avgLoss;
  private double value = Double.NaN;

  /** RSI of the close. */
  public Rsi(int period) {
    this(PriceField.CLOSE, period);
  }

  /**
   * RSI of {@code field}.
   *
   * @throws IllegalArgumentException if {@code period < 1}
   */
  public Rsi(PriceField field, int period) {
    this.field = Indicators.requireField(field);
    this.period = Indicators.requirePeriod("period", period, 1);
  }

  @Override
  public double update(BarSeries series, int i) {
    double x = field.of(series, i);
    if (Double.isNaN(x)) {
      reset();
      return value;
    }
    double prev = previous;
    previous = x;
    if (Double.isNaN(prev)) {
      return value;
    }
    double d = x - prev;
    if (changes >= period) {
      avgGain *= period - 1;
      avgLoss *= period - 1;
      if (d < 0) {
        avgLoss -= d;
      } else {
        avgGain += d;
      }
      avgGain /= period;
      avgLoss /= period;
    } else {
      if (d < 0) {
        avgLoss -= d;
      } else {
        avgGain += d;
      }
      if (++changes < period) {
        return value;
      }
      avgGain /= period;
      avgLoss /= period;
    }
    double total = avgGain + avgLoss;
    value = total == 0.0 ? 50.0 : 100.0 * (avgGain / total);
    return value;
  }

  @Override
  public double value() {
    return value;
  }

  @Override
  public int warmup() {
    return period;
  }

  @Override
  public void reset() {
    changes = 0;
    previous = Double.NaN;
    avgGain = 0.0;
    avgLoss = 0.0;
    value = Double.NaN;
  }

  public int period() {
    return period;
  }

  public PriceField field() {
    return field;
  }

  /** The canonical key, e.g. {@code rsi(close,14)}. */
  @Override
  public String toString() {
    return Indicators.rsiKey(field, period);
  }
}
