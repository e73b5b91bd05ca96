package dev.alphapulse.research.portfolio;

import dev.alphapulse.engine.backtest.Backtest;
import dev.alphapulse.engine.backtest.BacktestConfig;
import dev.alphapulse.engine.backtest.BacktestResult;
import dev.alphapulse.engine.broker.Trade;
import dev.alphapulse.engine.data.BarSeries;
import dev.alphapulse.engine.data.Universe;
import dev.alphapulse.engine.indicator.IndicatorCache;
import dev.alphapulse.engine.metrics.Metrics;
import dev.alphapulse.engine.metrics.MetricsConvention;
import dev.alphapulse.engine.metrics.Statistics;
import dev.alphapulse.engine.strategy.Params;
import dev.alphapulse.engine.strategy.StrategyDescriptor;
import dev.alphapulse.engine.strategy.StrategyRegistry;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A multi-strategy portfolio backtest: runs each sleeve with the engine on one universe, then
 * combines the sleeves' per-bar returns into one account with {@link SleevePortfolio#combine}.
 *
 * <h2>Running a sleeve</h2>
 *
 * A multi-symbol strategy runs once on the universe restricted to the sleeve's symbols. A
 * single-symbol strategy runs once per symbol, each run with {@code cash / m} for {@code m}
 * symbols, and the sleeve's equity is the sum of the runs' equity (its trades are theirs together).
 * Every sleeve starts with the configured cash; the combination uses only its returns, i.e. it
 * assumes a sleeve's returns do not depend on its capital (true up to the broker's rounding of
 * order sizes to whole units).
 *
 * <p>Pure (the indicator cache is private to the call) and thread-safe.
 */
public final class PortfolioBacktest {
  private PortfolioBacktest() {}

  /**
   * Runs the sleeves and combines them.
   *
   * @param universe the symbols and calendar all sleeves share
   * @param sleeves at least one, unique names
   * @param allocation how weights are chosen at each rebalance
   * @param rebalance bars between rebalances ({@code >= 1}; 0 = never after bar 0)
   * @param lookback trailing return rows the allocation is estimated on ({@code >= 2})
   * @param config the backtest settings; {@code config.cash()} is the portfolio's capital
   * @param convention the statistics convention
   * @param registry where strategies are found by name
   * @throws IllegalArgumentException naming the sleeve and what is wrong with it
   */
  public static PortfolioResult run(
      Universe universe,
      List<SleeveSpec> sleeves,
      Allocation allocation,
      int rebalance,
      int lookback,
      BacktestConfig config,
      MetricsConvention convention,
      StrategyRegistry registry) {
    if (sleeves.isEmpty()) {
      throw new IllegalArgumentException("sleeves must not be empty");
    }
    Set<String> names = new HashSet<>();
    for (SleeveSpec s : sleeves) {
      if (!names.add(s.name())) {
        throw new IllegalArgumentException("sleeve name " + s.name() + " appears twice");
      }
    }
    IndicatorCache cache = new IndicatorCache();
    List<double[]> curves = new ArrayList<>();
    Map<String, Statistics> sleeveStats = new LinkedHashMap<>();
    for (SleeveSpec s : sleeves) {
      BacktestResult r = runSleeve(universe, s, config, registry, cache);
      curves.add(r.equity());
      sleeveStats.put(s.name(), Metrics.compute(r, convention));
    }
    double[][] returns = SleevePortfolio.returnMatrix(curves);
    SleeveCombination c =
        SleevePortfolio.combine(returns, allocation, rebalance, lookback, config.cash());
    CoMoments all = CoMoments.of(returns, Math.min(1, returns.length), returns.length);
    double dr =
        all.count() < 2
            ? Double.NaN
            : SleevePortfolio.diversificationRatio(c.averageWeights(), all.covariance());
    return new PortfolioResult(
        allocation.name(),
        sleeves.stream().map(SleeveSpec::name).toList(),
        universe.calendar(),
        returns,
        c,
        sleeveStats,
        EquityStatistics.of(universe, c.equity(), config, convention),
        all.correlation(),
        dr);
  }

  /**
   * Runs one sleeve as described in the class comment; the result's universe is the sleeve's
   * symbols on the full calendar.
   */
  public static BacktestResult runSleeve(
      Universe universe,
      SleeveSpec sleeve,
      BacktestConfig config,
      StrategyRegistry registry,
      IndicatorCache cache) {
    StrategyDescriptor d = registry.get(sleeve.strategy());
    Params params;
    try {
      params = d.resolve(sleeve.params());
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("sleeve " + sleeve.name() + ": " + e.getMessage(), e);
    }
    List<BarSeries> series = new ArrayList<>();
    if (sleeve.symbols().isEmpty()) {
      series.addAll(universe.series());
    } else {
      for (String sym : sleeve.symbols()) {
        int idx = universe.indexOf(sym);
        if (idx < 0) {
          throw new IllegalArgumentException(
              "sleeve " + sleeve.name() + ": symbol " + sym + " is not in the universe");
        }
        series.add(universe.series(idx));
      }
    }
    Universe sub = series.size() == universe.symbolCount() ? universe : Universe.align(series);
    if (d.multiSymbol() || series.size() == 1) {
      return Backtest.run(sub, d.create(params), config, cache);
    }
    int m = series.size();
    BacktestConfig each = config.withCash(config.cash() / m);
    double[] equity = new double[universe.size()];
    List<Trade> trades = new ArrayList<>();
    int warmup = Integer.MAX_VALUE;
    int open = 0;
    double cash = 0;
    for (BarSeries bs : series) {
      BacktestResult r = Backtest.run(Universe.of(bs), d.create(params), each, cache);
      double[] e = r.equity();
      for (int t = 0; t < equity.length; t++) {
        equity[t] += e[t];
      }
      trades.addAll(r.trades());
      warmup = Math.min(warmup, r.warmup());
      open += r.openTrades();
      cash += r.finalCash();
    }
    return new BacktestResult(sub, config, equity, trades, warmup, open, cash);
  }
}
