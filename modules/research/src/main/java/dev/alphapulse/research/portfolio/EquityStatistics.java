package dev.alphapulse.research.portfolio;

import dev.alphapulse.engine.backtest.BacktestConfig;
import dev.alphapulse.engine.backtest.BacktestResult;
import dev.alphapulse.engine.data.Universe;
import dev.alphapulse.engine.metrics.Metrics;
import dev.alphapulse.engine.metrics.MetricsConvention;
import dev.alphapulse.engine.metrics.Statistics;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The statistics of an equity curve that has no trade list of its own (a combined portfolio, a
 * concatenation of chunks), computed by the engine's {@link Metrics} so they follow its conventions
 * exactly (return, CAGR, annualised return and volatility, Sharpe, Sortino, Calmar, drawdowns),
 * with the trade statistics (and exposure, which is derived from trades) removed.
 */
public final class EquityStatistics {
  /** The statistics that are derived from trades and are dropped. */
  public static final Set<String> TRADE_KEYS =
      Set.of(
          "Exposure Time [%]",
          "Commissions [$]",
          "# Trades",
          "Win Rate [%]",
          "Best Trade [%]",
          "Worst Trade [%]",
          "Avg. Trade [%]",
          "Max. Trade Duration",
          "Avg. Trade Duration",
          "Profit Factor",
          "Expectancy [%]",
          "SQN",
          "Kelly Criterion");

  /** Also dropped when there is no market to compare with. */
  private static final Set<String> MARKET_KEYS =
      Set.of("Buy & Hold Return [%]", "Alpha [%]", "Beta");

  private EquityStatistics() {}

  /**
   * Equity statistics of a curve alone (no Buy &amp; Hold, Alpha or Beta).
   *
   * @param time bar times, epoch millis, strictly increasing
   * @param equity equity at each bar, positive at bar 0
   */
  public static Statistics of(long[] time, double[] equity, MetricsConvention convention) {
    Statistics s = Metrics.compute(time, equity, List.of(), equity, 0, convention);
    return filter(s, true);
  }

  /**
   * Equity statistics of a curve on a universe's calendar, with Buy &amp; Hold, Alpha and Beta
   * against the engine's market index of that universe measured from bar 0.
   */
  public static Statistics of(
      Universe universe, double[] equity, BacktestConfig config, MetricsConvention convention) {
    BacktestResult r =
        new BacktestResult(universe, config, equity, List.of(), 0, 0, equity[equity.length - 1]);
    return filter(Metrics.compute(r, convention), false);
  }

  private static Statistics filter(Statistics s, boolean dropMarket) {
    Map<String, Double> m = new LinkedHashMap<>();
    s.values()
        .forEach(
            (k, v) -> {
              if (!TRADE_KEYS.contains(k) && !(dropMarket && MARKET_KEYS.contains(k))) {
                m.put(k, v);
              }
            });
    return new Statistics(s.convention(), s.start(), s.end(), m);
  }
}
