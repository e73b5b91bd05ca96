package dev.alphapulse.research.optimize;

import dev.alphapulse.engine.backtest.Backtest;
import dev.alphapulse.engine.backtest.BacktestConfig;
import dev.alphapulse.engine.backtest.BacktestResult;
import dev.alphapulse.engine.broker.Trade;
import dev.alphapulse.engine.data.BarSeries;
import dev.alphapulse.engine.data.Universe;
import dev.alphapulse.engine.metrics.Metrics;
import dev.alphapulse.engine.metrics.MetricsConvention;
import dev.alphapulse.engine.metrics.Statistics;
import dev.alphapulse.engine.strategy.Params;
import dev.alphapulse.engine.strategy.StrategyDescriptor;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Runs one trial as a backtest: a strategy with given parameters on a window of a universe's
 * history, returning the statistics of {@link Metrics} ({@code "Sharpe Ratio"}, {@code "Return
 * [%]"}, ...).
 *
 * <h2>Windows</h2>
 *
 * With {@code n} calendar bars, the window {@code [from, to)} covers bars {@code [round(from * n),
 * round(to * n))}, at least two. A window starting at 0 (a budget: the first {@code to} of the
 * history) is a backtest on those bars alone. A later window (a PBT segment) is a backtest on all
 * bars up to its end, so indicators are warm and positions carry in, measured on the window only:
 * equity, returns and drawdowns over the window's bars, trades entered in the window, Buy &amp;
 * Hold from the window's first bar (or the warm-up bar if later). Nothing after the window is read.
 *
 * <p>For a multi-symbol universe whose symbols have different calendars, the truncated universe is
 * re-aligned from the aligned series, so filled bars are no longer told apart from real ones
 * ({@link Universe#hasBar}); on a common calendar (the synthetic market) nothing changes.
 *
 * <p>Immutable and thread-safe; every call is a pure function of its arguments.
 */
public final class TrialEvaluator {
  private static final Set<String> METRICS = knownMetrics();

  private final Universe universe;
  private final StrategyDescriptor strategy;
  private final BacktestConfig config;
  private final MetricsConvention convention;

  /**
   * @param universe the history trials run on
   * @param strategy the strategy whose parameters are searched
   * @param config account and execution settings
   * @param convention how annualised statistics are computed
   */
  public TrialEvaluator(
      Universe universe,
      StrategyDescriptor strategy,
      BacktestConfig config,
      MetricsConvention convention) {
    this.universe = Objects.requireNonNull(universe, "universe");
    this.strategy = Objects.requireNonNull(strategy, "strategy");
    this.config = Objects.requireNonNull(config, "config");
    this.convention = Objects.requireNonNull(convention, "convention");
  }

  /** Every statistic name a study may optimise, in {@link Metrics}' order. */
  public static Set<String> metricNames() {
    return METRICS;
  }

  /**
   * Checks a metric name.
   *
   * @return the name
   * @throws ResearchSpecException naming {@code metric}, the bad name and the known ones
   */
  public static String requireMetric(String metric) {
    if (metric == null || !METRICS.contains(metric)) {
      throw new ResearchSpecException(
          "metric", "unknown metric '" + metric + "'; known: " + String.join(", ", METRICS));
    }
    return metric;
  }

  private static Set<String> knownMetrics() {
    long day = 86_400_000L;
    long[] time = {0, day, 2 * day, 3 * day};
    double[] equity = {1, 1.1, 1.05, 1.2};
    Statistics s =
        Metrics.compute(time, equity, List.of(), equity, 0, MetricsConvention.BACKTESTING_PY);
    Set<String> names = new LinkedHashSet<>(s.values().keySet());
    names.add("Commissions [$]"); // reported only when non-zero
    return Collections.unmodifiableSet(names);
  }

  /**
   * The statistics of a backtest of {@code params} on the window {@code [from, to)}.
   *
   * @throws IllegalArgumentException if the window is outside [0, 1] or holds fewer than 2 bars
   */
  public Map<String, Double> evaluate(Params params, double from, double to) {
    return run(params, from, to, false).metrics();
  }

  /**
   * Runs a study's task: resolves its parameters against the strategy (a constraint violation such
   * as fast &gt;= slow, or a non-numeric value, becomes a failed outcome) and backtests the window.
   */
  public TrialOutcome run(TrialTask task) {
    Params params;
    try {
      params = ParameterSpace.toParams(task.params(), strategy);
    } catch (IllegalArgumentException e) {
      return TrialOutcome.failed(task.trialId(), task.step(), e.getMessage());
    }
    TrialOutcome o = run(params, task.from(), task.to(), task.recordEquity());
    return new TrialOutcome(task.trialId(), task.step(), o.metrics(), "", o.equity());
  }

  private TrialOutcome run(Params params, double from, double to, boolean withEquity) {
    if (!(from >= 0 && from < to && to <= 1)) {
      throw new IllegalArgumentException(
          "window must satisfy 0 <= from < to <= 1, was [" + from + ", " + to + ")");
    }
    int n = universe.size();
    int start = (int) Math.round(from * n);
    int end = Math.min(n, Math.max((int) Math.round(to * n), start + 2));
    if (end - start < 2) {
      throw new IllegalArgumentException(
          "window [" + from + ", " + to + ") of " + n + " bars holds fewer than 2 bars");
    }
    Universe u = prefix(universe, end);
    BacktestResult r = Backtest.run(u, strategy.create(params), config);
    double[] eq = r.equity();
    Statistics stats;
    List<Double> equity = new ArrayList<>();
    if (start == 0) {
      stats = Metrics.compute(r, convention);
      if (withEquity) {
        for (double e : eq) {
          equity.add(e);
        }
      }
    } else {
      List<Trade> trades = new ArrayList<>();
      for (Trade t : r.trades()) {
        if (t.entryBar() >= start) {
          trades.add(
              new Trade(
                  t.symbol(),
                  t.size(),
                  t.entryBar() - start,
                  t.exitBar() - start,
                  t.entryPrice(),
                  t.exitPrice(),
                  t.stopLoss(),
                  t.takeProfit(),
                  t.pnl(),
                  t.commission(),
                  t.returnPct(),
                  t.entryTime(),
                  t.exitTime(),
                  t.tag()));
        }
      }
      int warmup = Math.max(0, r.warmup() - start);
      stats =
          Metrics.compute(
              Arrays.copyOfRange(u.calendar(), start, end),
              Arrays.copyOfRange(eq, start, end),
              trades,
              Arrays.copyOfRange(market(u, Math.max(start, r.warmup())), start, end),
              warmup,
              convention);
      if (withEquity) {
        for (int i = start - 1; i < end; i++) {
          equity.add(eq[i]);
        }
      }
    }
    return new TrialOutcome(0, 0, stats.values(), "", equity);
  }

  private static Universe prefix(Universe u, int end) {
    if (end == u.size()) {
      return u;
    }
    List<BarSeries> cut = new ArrayList<>(u.symbolCount());
    for (BarSeries s : u.series()) {
      cut.add(s.slice(0, end));
    }
    return cut.size() == 1 ? Universe.of(cut.get(0)) : Universe.align(cut);
  }

  /** Symbol 0's close, or an equal-weighted index of closes normalised at {@code base}. */
  private static double[] market(Universe u, int base) {
    if (u.symbolCount() == 1) {
      return u.series(0).closes();
    }
    int n = u.size();
    double[] idx = new double[n];
    double[] first = new double[u.symbolCount()];
    Arrays.fill(first, Double.NaN);
    for (int t = 0; t < n; t++) {
      double sum = 0;
      int c = 0;
      for (int s = 0; s < u.symbolCount(); s++) {
        double px = u.series(s).close(t);
        if (Double.isNaN(px)) {
          continue;
        }
        if (Double.isNaN(first[s]) && t >= base) {
          first[s] = px;
        }
        sum += Double.isNaN(first[s]) ? 1 : px / first[s];
        c++;
      }
      idx[t] = c == 0 ? Double.NaN : sum / c;
    }
    return idx;
  }
}
