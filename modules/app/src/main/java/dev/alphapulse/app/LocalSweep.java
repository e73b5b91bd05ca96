package dev.alphapulse.app;

import dev.alphapulse.engine.backtest.Backtest;
import dev.alphapulse.engine.backtest.BacktestConfig;
import dev.alphapulse.engine.backtest.BacktestResult;
import dev.alphapulse.engine.data.Universe;
import dev.alphapulse.engine.indicator.IndicatorCache;
import dev.alphapulse.engine.metrics.Metrics;
import dev.alphapulse.engine.metrics.MetricsConvention;
import dev.alphapulse.engine.metrics.Statistics;
import dev.alphapulse.engine.strategy.Params;
import dev.alphapulse.engine.strategy.StrategyDescriptor;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntConsumer;

/**
 * A parameter sweep on a local thread pool: one backtest per parameter set, indicator columns
 * shared through one {@link IndicatorCache}. Results come back in the order of the parameter list,
 * whatever the number of threads.
 */
final class LocalSweep {
  private LocalSweep() {}

  /** One parameter set's outcome. */
  record Row(Params params, Statistics stats) {}

  static List<Row> run(
      Universe universe,
      StrategyDescriptor strategy,
      List<Params> grid,
      BacktestConfig config,
      MetricsConvention convention,
      int threads,
      IntConsumer progress) {
    IndicatorCache cache = new IndicatorCache();
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<Row>> futures = new ArrayList<>(grid.size());
      for (Params p : grid) {
        futures.add(
            pool.submit(
                () -> {
                  BacktestResult r = Backtest.run(universe, strategy.create(p), config, cache);
                  Row row = new Row(p, Metrics.compute(r, convention));
                  progress.accept(1);
                  return row;
                }));
      }
      List<Row> rows = new ArrayList<>(grid.size());
      for (Future<Row> f : futures) {
        rows.add(f.get());
      }
      return rows;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("sweep interrupted", e);
    } catch (ExecutionException e) {
      throw new IllegalStateException(
          "a backtest of the sweep failed: " + e.getCause(), e.getCause());
    } finally {
      pool.shutdownNow();
    }
  }

  /** Rows sorted best first by {@code metric} (NaN last), ties by parameter order. */
  static List<Row> best(List<Row> rows, String metric, boolean maximize, int limit) {
    Comparator<Row> byMetric =
        Comparator.comparingDouble(
            r -> {
              double v = r.stats().get(metric);
              return Double.isNaN(v) ? Double.NEGATIVE_INFINITY : (maximize ? v : -v);
            });
    List<Row> sorted = new ArrayList<>(rows);
    sorted.sort(byMetric.reversed());
    return sorted.subList(0, Math.min(limit, sorted.size()));
  }
}
