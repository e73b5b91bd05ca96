package dev.alphapulse.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.alphapulse.engine.backtest.Backtest;
import dev.alphapulse.engine.backtest.BacktestResult;
import dev.alphapulse.engine.data.Universe;
import dev.alphapulse.engine.indicator.IndicatorCache;
import dev.alphapulse.engine.metrics.Metrics;
import dev.alphapulse.engine.metrics.MetricsConvention;
import dev.alphapulse.engine.metrics.Statistics;
import dev.alphapulse.engine.strategy.Params;
import dev.alphapulse.engine.strategy.StrategyRegistry;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class ChunkExecutorTest {
  static final StrategyRegistry REGISTRY = StrategyRegistry.load();
  static final String SWEEP =
      """
      type: sweep
      data: {synthetic: {symbols: 3, bars: 1500, seed: 11}}
      strategy: sma-cross
      params: {fast: [5, 10, 20], slow: [30, 50, 100]}
      backtest: {commission: "2+0.001", spread: 0.0002}
      """;
  static final Universe UNIVERSE = new DataSpec.Synthetic(3, 1500, 11).generate();
  static final DatasetRef REF = DatasetFingerprint.ref("synthetic:3x1500:11", UNIVERSE);

  static JobPlan plan(String yaml, String parallelization) {
    return JobPlanner.plan(
        JobSpecs.parseYaml(yaml + "parallelization: " + parallelization + "\n"), REF, REGISTRY, 4);
  }

  static List<RunResult> runAll(JobPlan plan, IndicatorCache cache) {
    JobResult r = JobResult.empty(plan);
    for (ChunkSpec c : plan.chunks()) {
      r = r.with(ChunkExecutor.execute(plan, c, UNIVERSE, cache, REGISTRY));
    }
    assertThat(r.isComplete()).isTrue();
    return r.runs();
  }

  @Test
  void aThreadsReusedScratchGivesTheBitsOfFreshBuffersOnDatasetsOfEverySize() {
    JobPlan plan = plan(SWEEP, "{strategy: PARAMETER_BASED, chunk-size: 2}");
    Universe shorter = new DataSpec.Synthetic(3, 900, 5).generate();
    JobPlan other =
        JobPlanner.plan(
            JobSpecs.parseYaml(
                SWEEP.replace("bars: 1500, seed: 11", "bars: 900, seed: 5")
                    + "parallelization: {strategy: PARAMETER_BASED, chunk-size: 3}\n"),
            DatasetFingerprint.ref("synthetic:3x900:5", shorter),
            REGISTRY,
            4);
    ChunkExecutor.Scratch scratch = new ChunkExecutor.Scratch();
    IndicatorCache cache = new IndicatorCache();
    IndicatorCache otherCache = new IndicatorCache();
    // alternate the two datasets (1500 and 900 bars) through one scratch, chunks in reverse
    for (int k = plan.chunkCount() - 1; k >= 0; k--) {
      ChunkSpec c = plan.chunk(k);
      assertThat(ChunkExecutor.execute(plan, c, UNIVERSE, cache, REGISTRY, scratch))
          .isEqualTo(ChunkExecutor.execute(plan, c, UNIVERSE, new IndicatorCache(), REGISTRY));
      ChunkSpec o = other.chunk(k % other.chunkCount());
      assertThat(ChunkExecutor.execute(other, o, shorter, otherCache, REGISTRY, scratch))
          .isEqualTo(ChunkExecutor.execute(other, o, shorter, new IndicatorCache(), REGISTRY));
    }
  }

  @Test
  void aRunIsTheBacktestOfOneParameterSetOnOneSymbol() {
    JobPlan plan = plan(SWEEP, "{strategy: PARAMETER_BASED, chunk-size: 4}");
    ChunkResult r =
        ChunkExecutor.execute(plan, plan.chunk(1), UNIVERSE, new IndicatorCache(), REGISTRY);
    assertThat(r.chunkId()).isEqualTo(1);
    assertThat(r.segment()).isNull();
    // parameter sets 4..7 on symbols 0..2, in (paramIndex, symbolIndex) order
    assertThat(r.runs()).hasSize(12);
    assertThat(r.runs().get(0).paramIndex()).isEqualTo(4);
    assertThat(r.runs().get(2).symbolIndex()).isEqualTo(2);
    RunResult run = r.runs().get(5); // paramIndex 5, symbol 2
    assertThat(run.paramIndex()).isEqualTo(5);
    assertThat(run.symbolIndex()).isEqualTo(2);
    assertThat(run.symbol()).isEqualTo("SYN02");
    Params p = plan.paramSets().get(5);
    assertThat(p).isEqualTo(Params.of("fast", 10, "slow", 100));
    assertThat(run.params()).isEqualTo(p.values());

    BacktestResult direct =
        Backtest.run(
            Universe.of(UNIVERSE.series(2)),
            REGISTRY.get("sma-cross").create(p),
            plan.spec().backtest().toConfig());
    Statistics stats = Metrics.compute(direct, MetricsConvention.BACKTESTING_PY);
    assertThat(run.stats()).isEqualTo(stats.values());
    assertThat(run.stats().keySet()).containsExactlyElementsOf(stats.values().keySet());
    assertThat(run.stats())
        .containsKeys("Return [%]", "Sharpe Ratio", "# Trades", "Commissions [$]");
    assertThat(run.convention()).isEqualTo("backtesting.py");
    assertThat(run.start()).isEqualTo(UNIVERSE.calendar()[0]);
    assertThat(run.end()).isEqualTo(UNIVERSE.calendar()[1499]);
  }

  @Test
  void resultsDoNotDependOnChunking() {
    List<RunResult> reference =
        runAll(plan(SWEEP, "{strategy: PARAMETER_BASED, chunk-size: 100}"), new IndicatorCache());
    assertThat(reference).hasSize(27);
    for (String p :
        List.of(
            "{strategy: PARAMETER_BASED, chunk-size: 1}",
            "{strategy: PARAMETER_BASED, chunk-size: 4}",
            "{strategy: SYMBOL_BASED, chunk-size: 1}",
            "{strategy: SYMBOL_BASED, chunk-size: 2}",
            "{strategy: AUTO, chunk-size: auto}")) {
      // a fresh cache per plan, and one shared by all chunks: same bits either way
      assertThat(runAll(plan(SWEEP, p), new IndicatorCache())).as(p).isEqualTo(reference);
      IndicatorCache shared = new IndicatorCache();
      runAll(plan(SWEEP, "{strategy: SYMBOL_BASED, chunk-size: 3}"), shared);
      assertThat(runAll(plan(SWEEP, p), shared)).as(p).isEqualTo(reference);
    }
  }

  @Test
  void everyRunOfAChunkIsThePlainBacktestAndMetricsBitForBit() {
    // the runs of a chunk share one equity array and one metrics workspace; each must still be
    // exactly what Backtest.run + Metrics.compute give on their own (fast >= slow included)
    String yaml =
        """
        type: sweep
        data: {synthetic: {symbols: 3, bars: 1500, seed: 11}}
        strategy: sma-cross
        params: {fast: [3, 12, 40, 120], slow: [5, 40, 90]}
        backtest: {commission: "2+0.001", spread: 0.0002, finalize-trades: true}
        """;
    for (String p :
        List.of(
            "{strategy: PARAMETER_BASED, chunk-size: 5}",
            "{strategy: SYMBOL_BASED, chunk-size: 2}")) {
      JobPlan plan = plan(yaml, p);
      for (RunResult run : runAll(plan, new IndicatorCache())) {
        Params params = plan.paramSets().get(run.paramIndex());
        BacktestResult direct =
            Backtest.run(
                Universe.of(UNIVERSE.series(run.symbolIndex())),
                REGISTRY.get("sma-cross").create(params),
                plan.spec().backtest().toConfig());
        Statistics stats = Metrics.compute(direct, MetricsConvention.BACKTESTING_PY);
        assertThat(run.stats())
            .as("%s on %s, %s", params, run.symbol(), p)
            .isEqualTo(stats.values());
      }
    }
  }

  @Test
  void resultsDoNotDependOnThreads() throws Exception {
    JobPlan plan = plan(SWEEP, "{strategy: PARAMETER_BASED, chunk-size: 1}");
    List<RunResult> sequential = runAll(plan, new IndicatorCache());
    IndicatorCache shared = new IndicatorCache();
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<ChunkResult>> futures = new ArrayList<>();
      List<ChunkSpec> backwards = new ArrayList<>(plan.chunks());
      Collections.reverse(backwards);
      for (ChunkSpec c : backwards) {
        futures.add(pool.submit(() -> ChunkExecutor.execute(plan, c, UNIVERSE, shared, REGISTRY)));
      }
      JobResult r = JobResult.empty(plan);
      for (Future<ChunkResult> f : futures) {
        r = r.with(f.get());
      }
      assertThat(r.runs()).isEqualTo(sequential);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void aMultiSymbolStrategyRunsOnTheWholeUniverse() {
    String yaml =
        """
        type: sweep
        data: {synthetic: {symbols: 3, bars: 1500, seed: 11}}
        strategy: momentum
        params: {lookback: [20, 60], top-n: 2, rebalance: [5, 21]}
        """;
    List<RunResult> one = runAll(plan(yaml, "{chunk-size: 1}"), new IndicatorCache());
    List<RunResult> all = runAll(plan(yaml, "{chunk-size: 4}"), new IndicatorCache());
    assertThat(one).isEqualTo(all).hasSize(4);
    assertThat(one)
        .allSatisfy(
            r -> {
              assertThat(r.symbol()).isEqualTo("*");
              assertThat(r.symbolIndex()).isEqualTo(-1);
            });
    Params p = Params.of("lookback", 60, "top-n", 2, "rebalance", 21);
    BacktestResult direct =
        Backtest.run(
            UNIVERSE, REGISTRY.get("momentum").create(p), BacktestSettings.defaults().toConfig());
    assertThat(one.get(3).params()).isEqualTo(p.values());
    assertThat(one.get(3).stats())
        .isEqualTo(Metrics.compute(direct, MetricsConvention.BACKTESTING_PY).values());
  }

  @Test
  void aForeignChunkOrUniverseIsRefused() {
    JobPlan plan = plan(SWEEP, "{strategy: PARAMETER_BASED, chunk-size: 4}");
    ChunkSpec foreign = new ChunkSpec(0, 0, 3, 0, 3, 0, 1500, 0);
    assertThatThrownBy(
            () -> ChunkExecutor.execute(plan, foreign, UNIVERSE, new IndicatorCache(), REGISTRY))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("is not a chunk of this plan");
    Universe other = new DataSpec.Synthetic(3, 1400, 11).generate();
    assertThatThrownBy(
            () -> ChunkExecutor.execute(plan, plan.chunk(0), other, new IndicatorCache(), REGISTRY))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("is not the plan's dataset");
  }
}
