package dev.alphapulse.research.portfolio;

import dev.alphapulse.engine.metrics.Statistics;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The outcome of a multi-strategy portfolio backtest ({@link PortfolioBacktest}).
 *
 * @param allocation the allocation method's name
 * @param sleeves sleeve names, in sleeve order
 * @param calendar bar times, epoch millis; read-only by contract
 * @param sleeveReturns the {@code T x K} sleeve return matrix the account was built from; read-only
 *     by contract
 * @param combination the account: equity, sleeve values and the weight schedule
 * @param sleeveStatistics each sleeve's own statistics (engine {@code Metrics}, with its trades),
 *     by sleeve name in sleeve order
 * @param statistics the portfolio's equity statistics ({@link EquityStatistics})
 * @param correlation correlation matrix of the sleeve returns over bars 1..T-1
 * @param diversificationRatio {@link SleevePortfolio#diversificationRatio} of the time-weighted
 *     average weights with the full-period covariance of sleeve returns
 */
public record PortfolioResult(
    String allocation,
    List<String> sleeves,
    long[] calendar,
    double[][] sleeveReturns,
    SleeveCombination combination,
    Map<String, Statistics> sleeveStatistics,
    Statistics statistics,
    double[][] correlation,
    double diversificationRatio) {

  public PortfolioResult {
    sleeves = List.copyOf(sleeves);
    sleeveStatistics = Collections.unmodifiableMap(new LinkedHashMap<>(sleeveStatistics));
    if (calendar.length != combination.equity().length) {
      throw new IllegalArgumentException(
          "calendar has "
              + calendar.length
              + " bars but the equity curve "
              + combination.equity().length);
    }
  }

  /** The portfolio equity at each bar. */
  public double[] equity() {
    return combination.equity();
  }

  /** The weight schedule. */
  public List<Rebalance> schedule() {
    return combination.schedule();
  }
}
