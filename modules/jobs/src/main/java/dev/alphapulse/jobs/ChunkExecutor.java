package dev.alphapulse.jobs;

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
import dev.alphapulse.engine.strategy.StrategyRegistry;
import java.util.ArrayList;
import java.util.List;

/**
 * Computes one chunk of a plan on already-loaded data: what a worker calls.
 *
 * <h2>What runs</h2>
 *
 * For each parameter set of the chunk, in order, and each of its symbols, in order: the strategy on
 * that symbol alone ({@code Universe.of(universe.series(s))}), or, for a multi-symbol strategy,
 * once on the whole universe (symbol {@code "*"}, symbol index -1). Every run is a full {@link
 * Backtest#run} with the job's settings, summarised by {@link Metrics#compute} under {@link
 * #CONVENTION} into a {@link RunResult} with all statistics. The runs of one call share one equity
 * array and one {@link Metrics.Workspace} (the overloads that take them give the same bits as the
 * plain ones), so a run allocates nothing per bar. A TIME_BASED chunk instead computes (or defers)
 * its {@link TimeSegment}; see {@link TimeStitcher}.
 *
 * <h2>Independence from chunking</h2>
 *
 * A run depends only on the symbol's columns, the parameter set and the settings: indicator columns
 * come from {@code cache} keyed by the series instance ({@code universe.series(s)}, the same object
 * in every chunk), and are pure functions of it. So a (parameter set, symbol) gives bit-identical
 * statistics whichever chunk, node or thread computes it. One single-symbol {@link Universe} is
 * made per symbol per call and shared by the chunk's parameter sets.
 *
 * <p>Thread-safe (the cache is); call it concurrently for different chunks with one cache per
 * dataset.
 */
public final class ChunkExecutor {
  /** The convention of every run's statistics. */
  public static final MetricsConvention CONVENTION = MetricsConvention.BACKTESTING_PY;

  private ChunkExecutor() {}

  /**
   * Computes {@code chunk}.
   *
   * @param plan the job's plan
   * @param chunk one of {@code plan.chunks()}
   * @param universe the plan's dataset, loaded (its symbols and size must match {@link
   *     JobPlan#dataset()}; checking the content hash is the loader's job)
   * @param cache indicator columns shared by the chunks computed on this node for this dataset
   * @param registry strategies (the plan's strategy must be there)
   * @throws IllegalArgumentException if the chunk is not the plan's or the universe does not match
   *     the dataset; exceptions of the strategy propagate
   */
  public static ChunkResult execute(
      JobPlan plan,
      ChunkSpec chunk,
      Universe universe,
      IndicatorCache cache,
      StrategyRegistry registry) {
    return execute(plan, chunk, universe, cache, registry, new Scratch());
  }

  /**
   * {@link #execute(JobPlan, ChunkSpec, Universe, IndicatorCache, StrategyRegistry)} with the
   * per-bar buffers of {@code scratch}, which a thread that computes many chunks keeps: the same
   * bits, without a new equity array per chunk (a bar count's worth of doubles, which made about a
   * tenth of a worker's allocation in a sweep of short chunks).
   *
   * @param scratch buffers of the calling thread, not shared with a concurrent call
   */
  public static ChunkResult execute(
      JobPlan plan,
      ChunkSpec chunk,
      Universe universe,
      IndicatorCache cache,
      StrategyRegistry registry,
      Scratch scratch) {
    checkChunk(plan, chunk);
    checkUniverse(plan.dataset(), universe);
    StrategyDescriptor strategy = registry.get(plan.spec().strategy());
    BacktestConfig config = plan.spec().backtest().toConfig();
    if (plan.strategy() == ParallelizationStrategy.TIME_BASED) {
      Universe single = Universe.of(universe.series(chunk.symbolFrom()));
      Params params = plan.paramSets().get(chunk.paramFrom());
      TimeSegment segment =
          TimeChunk.compute(
              single, strategy.create(params), config, cache, chunk.barFrom(), chunk.barTo());
      return ChunkResult.ofSegment(chunk.id(), segment);
    }
    List<RunResult> runs = new ArrayList<>(chunk.paramCount() * chunk.symbolCount());
    Universe[] singles = new Universe[chunk.symbolCount()];
    // every run of this call has the universe's bar count: one equity array and one metrics
    // workspace serve them all, so a run allocates no per-bar array
    double[] equity = scratch.equity(universe.size());
    Metrics.Workspace workspace = scratch.workspace;
    for (int p = chunk.paramFrom(); p < chunk.paramTo(); p++) {
      Params params = plan.paramSets().get(p);
      if (strategy.multiSymbol()) {
        runs.add(
            run(
                p,
                -1,
                RunResult.ALL_SYMBOLS,
                params,
                universe,
                strategy,
                config,
                cache,
                equity,
                workspace));
        continue;
      }
      for (int s = chunk.symbolFrom(); s < chunk.symbolTo(); s++) {
        int k = s - chunk.symbolFrom();
        if (singles[k] == null) {
          singles[k] = Universe.of(universe.series(s));
        }
        runs.add(
            run(
                p,
                s,
                universe.symbol(s),
                params,
                singles[k],
                strategy,
                config,
                cache,
                equity,
                workspace));
      }
    }
    return new ChunkResult(chunk.id(), runs, null);
  }

  private static RunResult run(
      int paramIndex,
      int symbolIndex,
      String symbol,
      Params params,
      Universe universe,
      StrategyDescriptor strategy,
      BacktestConfig config,
      IndicatorCache cache,
      double[] equity,
      Metrics.Workspace workspace) {
    double[] curve = equity.length == universe.size() ? equity : new double[universe.size()];
    BacktestResult r = Backtest.run(universe, strategy.create(params), config, cache, curve);
    return toRun(
        paramIndex, symbolIndex, symbol, params, Metrics.compute(r, CONVENTION, workspace));
  }

  /**
   * The buffers a chunk's runs write per bar (the equity curve) and the statistics' workspace,
   * reused by every chunk a thread computes with it. A run overwrites all of them before reading
   * them, so what an earlier chunk left there never reaches a result. Not thread-safe: one per
   * thread.
   */
  public static final class Scratch {
    private double[] equity = new double[0];
    private final Metrics.Workspace workspace = new Metrics.Workspace();

    /** An equity array of exactly {@code bars} elements (replaced when the count changes). */
    double[] equity(int bars) {
      if (equity.length != bars) {
        equity = new double[bars];
      }
      return equity;
    }
  }

  static RunResult toRun(
      int paramIndex, int symbolIndex, String symbol, Params params, Statistics stats) {
    return new RunResult(
        paramIndex,
        symbolIndex,
        params.values(),
        symbol,
        stats.convention(),
        stats.start(),
        stats.end(),
        stats.values());
  }

  static void checkChunk(JobPlan plan, ChunkSpec chunk) {
    if (chunk.id() >= plan.chunkCount() || !plan.chunk(chunk.id()).equals(chunk)) {
      throw new IllegalArgumentException("chunk " + chunk + " is not a chunk of this plan");
    }
  }

  static void checkUniverse(DatasetRef dataset, Universe universe) {
    boolean same =
        universe.size() == dataset.bars() && universe.symbolCount() == dataset.symbols().size();
    for (int s = 0; same && s < universe.symbolCount(); s++) {
      same = universe.symbol(s).equals(dataset.symbols().get(s));
    }
    if (!same) {
      throw new IllegalArgumentException(
          "the universe ("
              + universe.symbolCount()
              + " symbols, "
              + universe.size()
              + " bars) is not the plan's dataset "
              + dataset.location()
              + " ("
              + dataset.symbols()
              + ", "
              + dataset.bars()
              + " bars)");
    }
  }
}
