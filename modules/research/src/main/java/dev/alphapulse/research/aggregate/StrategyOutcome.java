package dev.alphapulse.research.aggregate;

import dev.alphapulse.engine.backtest.BacktestResult;
import dev.alphapulse.engine.metrics.Metrics;
import dev.alphapulse.engine.metrics.MetricsConvention;
import dev.alphapulse.engine.metrics.StatMap;
import java.util.Arrays;
import java.util.Map;
import java.util.Objects;

/**
 * The result of one strategy run as the aggregator sees it: its statistics and its equity curve.
 *
 * @param name a label (strategy, parameters, symbol...), not blank
 * @param stats statistics by name (e.g. the engine's {@code "Sharpe Ratio"}); values may be {@code
 *     NaN}, not null; copied, in the given order
 * @param equity account value at each bar, finite and {@code >= 0}, positive at bar 0; copied
 * @param timestamps bar times, epoch millis, strictly increasing, as many as equity values (at
 *     least one); copied
 */
public record StrategyOutcome(
    String name, Map<String, Double> stats, double[] equity, long[] timestamps) {

  public StrategyOutcome {
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("name must not be blank, was '" + name + "'");
    }
    Objects.requireNonNull(stats, "stats");
    stats.forEach(
        (k, v) -> {
          if (k == null || v == null) {
            throw new IllegalArgumentException(
                "stats of " + name + " must not hold nulls, had " + k + "=" + v);
          }
        });
    stats = StatMap.copyOf(stats);
    equity = equity.clone();
    timestamps = timestamps.clone();
    if (equity.length == 0 || equity.length != timestamps.length) {
      throw new IllegalArgumentException(
          "equity and timestamps of "
              + name
              + " must have the same non-zero length, had "
              + equity.length
              + " and "
              + timestamps.length);
    }
    for (int t = 0; t < equity.length; t++) {
      if (!(equity[t] >= 0) || Double.isInfinite(equity[t])) {
        throw new IllegalArgumentException(
            "equity[" + t + "] of " + name + " must be finite and >= 0, was " + equity[t]);
      }
      if (t > 0 && timestamps[t] <= timestamps[t - 1]) {
        throw new IllegalArgumentException(
            "timestamps of "
                + name
                + " must be strictly increasing, timestamps["
                + t
                + "]="
                + timestamps[t]
                + " after "
                + timestamps[t - 1]);
      }
    }
    if (equity[0] == 0) {
      throw new IllegalArgumentException("equity[0] of " + name + " must be positive, was 0.0");
    }
  }

  /** An outcome from a backtest: its engine statistics under {@code convention}. */
  public static StrategyOutcome of(String name, BacktestResult r, MetricsConvention convention) {
    return new StrategyOutcome(
        name, Metrics.compute(r, convention).values(), r.equity(), r.universe().calendar());
  }

  /** A copy of the equity curve. */
  @Override
  public double[] equity() {
    return equity.clone();
  }

  /** A copy of the timestamps. */
  @Override
  public long[] timestamps() {
    return timestamps.clone();
  }

  /** Number of bars. */
  public int size() {
    return equity.length;
  }

  /** A statistic, or {@code NaN} if it is absent. */
  public double stat(String metric) {
    return stats.getOrDefault(metric, Double.NaN);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof StrategyOutcome s
        && s.name.equals(name)
        && s.stats.equals(stats)
        && Arrays.equals(s.equity, equity)
        && Arrays.equals(s.timestamps, timestamps);
  }

  @Override
  public int hashCode() {
    return Objects.hash(name, stats, Arrays.hashCode(equity), Arrays.hashCode(timestamps));
  }

  @Override
  public String toString() {
    return "StrategyOutcome[" + name + ", " + equity.length + " bars, stats=" + stats + "]";
  }
}
