package dev.alphapulse.engine.metrics;

import java.util.Locale;

/**
 * How annualised return, volatility, Sharpe, Sortino and Calmar are computed. Every statistics
 * output names its convention.
 *
 * <ul>
 *   <li>{@link #BACKTESTING_PY} ({@code backtesting.py}): compounded, as backtesting.py 0.6: with
 *       {@code g} the geometric mean daily return and {@code N} the periods a year (252, or 365
 *       when the data trades on weekends; 52 weekly, 12 monthly), Return (Ann.) = {@code (1+g)^N -
 *       1}, Volatility (Ann.) = {@code sqrt((var + (1+g)^2)^N - (1+g)^(2N))}, Sharpe = Return /
 *       Volatility, Sortino = Return / (downside deviation * sqrt(N)).
 *   <li>{@link #ARITHMETIC_252} ({@code arithmetic-252}) and {@link #ARITHMETIC_365} ({@code
 *       arithmetic-365}): Return (Ann.) = {@code mean(r) * N}, Volatility (Ann.) = {@code std(r) *
 *       sqrt(N)}, Sharpe = {@code mean(r) / std(r) * sqrt(N)}, Sortino = {@code mean(r) / downside
 *       deviation * sqrt(N)}, with {@code N} fixed at 252 or 365.
 * </ul>
 *
 * All other statistics are the same in every convention.
 */
public enum MetricsConvention {
  BACKTESTING_PY("backtesting.py", 0),
  ARITHMETIC_252("arithmetic-252", 252),
  ARITHMETIC_365("arithmetic-365", 365);

  private final String label;
  private final int periodsPerYear;

  MetricsConvention(String label, int periodsPerYear) {
    this.label = label;
    this.periodsPerYear = periodsPerYear;
  }

  /** The name printed with every output. */
  public String label() {
    return label;
  }

  /** Fixed periods a year of an arithmetic convention; 0 for backtesting.py (data-driven). */
  int periodsPerYear() {
    return periodsPerYear;
  }

  /**
   * Parses a label ({@code backtesting.py}, {@code arithmetic-252}, {@code arithmetic-365}).
   *
   * @throws IllegalArgumentException naming the accepted labels
   */
  public static MetricsConvention parse(String label) {
    String l = label.trim().toLowerCase(Locale.ROOT);
    for (MetricsConvention c : values()) {
      if (c.label.equals(l)) {
        return c;
      }
    }
    throw new IllegalArgumentException(
        "unknown metrics convention '"
            + label
            + "': expected backtesting.py, arithmetic-252 or arithmetic-365");
  }
}
