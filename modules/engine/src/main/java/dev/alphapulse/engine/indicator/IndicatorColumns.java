package dev.alphapulse.engine.indicator;

import dev.alphapulse.engine.data.BarSeries;
import java.util.Objects;

/** Turns an incremental {@link Indicator} into a column of values, one per bar. */
public final class IndicatorColumns {
  private IndicatorColumns() {}

  /**
   * Resets {@code indicator}, feeds it every bar of {@code series} in order and returns its values:
   * element {@code i} is the value after bar {@code i} ({@code NaN} during warm-up). Leaves the
   * indicator in its state after the last bar. ({@link Sma} takes a faster, bit-identical path.)
   */
  public static double[] compute(Indicator indicator, BarSeries series) {
    double[] out = new double[series.size()];
    computeInto(indicator, series, out);
    return out;
  }

  /**
   * As {@link #compute}, writing into {@code out} (allocation-free).
   *
   * @throws IllegalArgumentException if {@code out.length != series.size()}
   */
  public static void computeInto(Indicator indicator, BarSeries series, double[] out) {
    Objects.requireNonNull(indicator, "indicator");
    int n = series.size();
    if (out.length != n) {
      throw new IllegalArgumentException(
          "out has " + out.length + " elements but " + series + " has " + n + " bars");
    }
    if (indicator instanceof Sma sma) {
      sma.computeColumn(series, out); // same bits, state in registers
      return;
    }
    indicator.reset();
    for (int i = 0; i < n; i++) {
      out[i] = indicator.update(series, i);
    }
  }
}
