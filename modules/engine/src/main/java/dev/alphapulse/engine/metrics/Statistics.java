package dev.alphapulse.engine.metrics;

import java.util.Map;
import java.util.Objects;

/**
 * The statistics of one backtest under one convention, keyed by the names backtesting.py prints
 * ({@code "Return [%]"}, {@code "# Trades"}, ...), in its order. {@code Start} and {@code End} are
 * epoch millis; durations ({@code Duration}, drawdown and trade durations) are in days, fractional
 * for intraday data, rounded up to the unit of the data's bar period as backtesting.py does; {@code
 * NaN} where a statistic is undefined (e.g. no trades).
 *
 * @param convention the convention's label, e.g. {@code backtesting.py}
 * @param start time of the first bar, epoch millis
 * @param end time of the last bar, epoch millis
 * @param values every numeric statistic, in display order
 */
public record Statistics(String convention, long start, long end, Map<String, Double> values) {

  public Statistics {
    Objects.requireNonNull(convention, "convention");
    values = StatMap.copyOf(values);
  }

  /**
   * One statistic by name.
   *
   * @throws IllegalArgumentException if there is no such statistic
   */
  public double get(String name) {
    Double v = values.get(name);
    if (v == null) {
      throw new IllegalArgumentException(
          "no statistic named '" + name + "'; known: " + values.keySet());
    }
    return v;
  }
}
