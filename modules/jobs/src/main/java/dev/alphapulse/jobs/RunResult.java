package dev.alphapulse.jobs;

import dev.alphapulse.engine.metrics.StatMap;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The statistics of one backtest of a job: one parameter set on one symbol, or on the whole
 * universe for a multi-symbol strategy ({@code symbol = "*"}, {@code symbolIndex = -1}).
 *
 * @param paramIndex index of the parameter set in {@link JobPlan#paramSets()}, {@code >= 0}
 * @param symbolIndex index of the symbol in the dataset, or -1 for the whole universe
 * @param params the resolved parameter values (defaults included), sorted by name
 * @param symbol the symbol's name, or {@code "*"}
 * @param convention label of the metrics convention, e.g. {@code backtesting.py}
 * @param start time of the first bar, epoch millis
 * @param end time of the last bar, epoch millis
 * @param stats every statistic as {@link dev.alphapulse.engine.metrics.Statistics#values()}, in its
 *     order; {@code NaN} where undefined
 */
public record RunResult(
    int paramIndex,
    int symbolIndex,
    Map<String, Number> params,
    String symbol,
    String convention,
    long start,
    long end,
    Map<String, Double> stats) {

  /** The symbol of a run over the whole universe. */
  public static final String ALL_SYMBOLS = "*";

  public RunResult {
    if (paramIndex < 0) {
      throw new IllegalArgumentException("paramIndex must be >= 0, was " + paramIndex);
    }
    if (symbolIndex < -1) {
      throw new IllegalArgumentException("symbolIndex must be >= -1, was " + symbolIndex);
    }
    Objects.requireNonNull(symbol, "symbol");
    Objects.requireNonNull(convention, "convention");
    params = Collections.unmodifiableMap(new TreeMap<>(params));
    stats = StatMap.copyOf(stats);
  }

  /**
   * The value of statistic {@code name}, or {@code NaN} if the run has no such statistic (e.g.
   * {@code Commissions [$]}, which is only reported when non-zero).
   */
  public double stat(String name) {
    if (stats instanceof StatMap s) {
      return s.value(name, Double.NaN);
    }
    Double v = stats.get(name);
    return v == null ? Double.NaN : v;
  }
}
