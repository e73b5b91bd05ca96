package dev.alphapulse.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.alphapulse.engine.backtest.Backtest;
import dev.alphapulse.engine.backtest.BacktestResult;
import dev.alphapulse.engine.data.BarSeries;
import dev.alphapulse.engine.data.Universe;
import dev.alphapulse.engine.indicator.IndicatorCache;
import dev.alphapulse.engine.metrics.Metrics;
import dev.alphapulse.engine.metrics.MetricsConvention;
import dev.alphapulse.engine.strategy.StrategyRegistry;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * TIME_BASED exactness: chunks computed in any order and stitched give the sequential {@code
 * Backtest.run} of the whole series field for field (every equity value, every trade, every
 * statistic, bit for bit), on the reference GOOG data and on GOOG-like synthetic data (one symbol,
 * 2,148 daily bars), for many chunk sizes, strategies (including a stateful one that places every
 * kind of order), fill policies, costs and leverage.
 */
class TimeStitcherTest {
  static final StrategyRegistry REGISTRY = StrategyRegistry.load();
  static final BarSeries GOOG = TestData.goog();
  static final Universe GOOG_LIKE = new DataSpec.Synthetic(1, 2_148, 7).generate();

  static final List<String> STRATEGIES =
      List.of(
          "strategy: sma-cross\nparams: {fast: 10, slow: 30}",
          "strategy: rsi\nparams: {period: 14, lower: 35, upper: 65}",
          "strategy: breakout\nparams: {period: 40}",
          "strategy: mean-reversion\nparams: {window: 25, entry: 1.5, exit: 0.25}",
          "strategy: random-trader\nparams: {seed: 3, warm: 1, rate: 0.2}",
          "strategy: random-trader\nparams: {seed: 8, warm: 60, rate: 0.1}");
  static final List<String> BACKTESTS =
      List.of(
          "backtest: {finalize-trades: true}",
          "backtest: {finalize-trades: false, fill: close, commission: \"1+0.001\", spread: 0.0003}",
          "backtest: {margin: 0.25, commission: 0.002, fill: close}");
  static final int[] CHUNK_SIZES = {1, 7, 64, 250, 1000, 2147, 2148, 5000};

  static Stream<Arguments> cases() {
    List<Arguments> out = new ArrayList<>();
    for (boolean realGoog : new boolean[] {true, false}) {
      for (int s = 0; s < STRATEGIES.size(); s++) {
        for (int b = 0; b < BACKTESTS.size(); b++) {
          int size = CHUNK_SIZES[(s * 3 + b + (realGoog ? 0 : 4)) % CHUNK_SIZES.length];
          out.add(
              Arguments.of(
                  realGoog ? "GOOG" : "GOOG-like", STRATEGIES.get(s), BACKTESTS.get(b), size));
          out.add(
              Arguments.of(
                  realGoog ? "GOOG" : "GOOG-like",
                  STRATEGIES.get(s),
                  BACKTESTS.get(b),
                  100 + 37 * s));
        }
      }
    }
    return out.stream();
  }

  @ParameterizedTest(name = "{0} | {1} | {2} | chunk {3}")
  @MethodSource("cases")
  void stitchedEqualsSequential(String data, String strategy, String backtest, int chunkSize) {
    Universe universe = data.equals("GOOG") ? Universe.of(GOOG) : GOOG_LIKE;
    JobPlan plan = plan(universe, strategy, backtest, chunkSize);
    StitchedRun stitched = runAndStitch(plan, universe, 7L * chunkSize);
    assertEqualsSequential(plan, universe, 0, stitched);
    assertThat(stitched.chunks()).isEqualTo((universe.size() + chunkSize - 1) / chunkSize);
  }

  @Test
  void theReferenceRunIsStitchedExactly() {
    Universe universe = Universe.of(GOOG);
    for (int size : new int[] {1, 10, 31, 100, 500, 1074}) {
      JobPlan plan = plan(universe, STRATEGIES.get(0), "backtest: {finalize-trades: true}", size);
      StitchedRun stitched = runAndStitch(plan, universe, size);
      assertEqualsSequential(plan, universe, 0, stitched);
      // backtesting.py's published figures for SmaCross(10, 30) on GOOG.csv
      assertThat(stitched.run().stats().get("# Trades")).isEqualTo(66.0);
      assertThat(stitched.run().stats().get("Return [%]"))
          .isCloseTo(414.2299, org.assertj.core.data.Offset.offset(1e-4));
    }
  }

  @Test
  void chunksBeforeTheFirstDecisionAreComputedAndLaterOnesDeferred() {
    Universe universe = Universe.of(GOOG);
    JobPlan plan = plan(universe, "strategy: sma-cross\nparams: {fast: 10, slow: 100}", "", 40);
    IndicatorCache cache = new IndicatorCache();
    List<TimeSegment> segments = new ArrayList<>();
    for (ChunkSpec c : plan.chunks()) {
      segments.add(ChunkExecutor.execute(plan, c, universe, cache, REGISTRY).segment());
    }
    // SMA(100) is valid from bar 99: the first decision is at bar 100, in chunk [80, 120)
    assertThat(segments).allSatisfy(s -> assertThat(s.warmup()).isEqualTo(99));
    assertThat(segments.subList(0, 3)).allSatisfy(s -> assertThat(s.computed()).isTrue());
    assertThat(segments.subList(3, segments.size()))
        .allSatisfy(s -> assertThat(s.computed()).isFalse());
    assertThat(segments.get(0).untouchedAtEnd(10_000)).isTrue();
    assertThat(segments.get(0).equity()).containsOnly(10_000.0);
    assertThat(segments.get(1).untouchedAtEnd(10_000)).isTrue();
    TimeSegment third = segments.get(2);
    assertThat(third.barFrom()).isEqualTo(80);
    assertThat(third.untouchedAtEnd(10_000)).isFalse(); // it has decided: the stitch takes over

    StitchedRun run =
        TimeStitcher.stitch(plan, results(plan, segments), universe, cache, REGISTRY).get(0);
    assertThat(run.acceptedChunks()).isEqualTo(3);
    assertThat(run.recomputedFromBar()).isEqualTo(120);
    assertEqualsSequential(plan, universe, 0, run);
  }

  @ParameterizedTest(name = "{0} | {1} | chunk {2}")
  @MethodSource("segmentCases")
  void aComputedSegmentIsTheSequentialRunsBarsAndEndState(String strategy, String fill, int size) {
    Universe universe = GOOG_LIKE;
    JobPlan plan =
        plan(universe, strategy, "backtest: {fill: " + fill + ", commission: 0.001}", size);
    BarSeries series = universe.series(0);
    BacktestResult seq =
        Backtest.run(
            Universe.of(series),
            REGISTRY.get(plan.spec().strategy()).create(plan.paramSets().get(0)),
            plan.spec().backtest().toConfig());
    int computedWithDecisions = 0;
    for (ChunkSpec c : plan.chunks()) {
      TimeSegment seg =
          ChunkExecutor.execute(plan, c, universe, new IndicatorCache(), REGISTRY).segment();
      assertThat(seg.warmup()).isEqualTo(seq.warmup());
      assertThat(seg.computed()).isEqualTo(seq.warmup() + 1 >= c.barFrom());
      if (!seg.computed()) {
        assertThat(seg.equity()).isEmpty();
        continue;
      }
      assertThat(seg.equity())
          .containsExactly(java.util.Arrays.copyOfRange(seq.equity(), c.barFrom(), c.barTo()));
      boolean last = c.barTo() == universe.size();
      if (fill.equals("next-open") || last) {
        // under next-open every trade is dated on the bar that processed it
        assertThat(seg.trades())
            .isEqualTo(
                seq.trades().stream()
                    .filter(t -> t.exitBar() >= c.barFrom() && (last || t.exitBar() < c.barTo()))
                    .toList());
      }
      if (!last && seq.warmup() + 1 < c.barTo()) {
        computedWithDecisions++;
        // the sequential run up to bar barTo - 1, left open there: nothing was decided before
        // barFrom, so its trades are exactly those processed within the segment
        BacktestResult prefix =
            Backtest.run(
                Universe.of(series.slice(0, c.barTo())),
                REGISTRY.get(plan.spec().strategy()).create(plan.paramSets().get(0)),
                plan.spec().backtest().toConfig().withFinalizeTrades(false));
        assertThat(prefix.warmup()).isEqualTo(seq.warmup());
        assertThat(prefix.equity())
            .containsExactly(java.util.Arrays.copyOf(seq.equity(), c.barTo()));
        assertThat(seg.trades()).isEqualTo(prefix.trades());
        assertThat(seg.flatAtEnd()).isEqualTo(prefix.openTrades() == 0);
        assertThat(seg.cashAtEnd()).isEqualTo(prefix.finalCash());
        assertThat(seg.untouchedAtEnd(10_000)).isFalse();
      }
    }
    assertThat(computedWithDecisions).isEqualTo(size >= universe.size() ? 0 : 1);
  }

  static Stream<Arguments> segmentCases() {
    List<Arguments> out = new ArrayList<>();
    for (String strategy :
        List.of(
            "strategy: sma-cross\nparams: {fast: 10, slow: 30}",
            "strategy: breakout\nparams: {period: 20}",
            "strategy: random-trader\nparams: {seed: 5, warm: 50, rate: 0.3}",
            "strategy: random-trader\nparams: {seed: 9, warm: 1, rate: 0.5}")) {
      for (String fill : List.of("next-open", "close")) {
        for (int size : new int[] {45, 64, 100, 700, 2148}) {
          out.add(Arguments.of(strategy, fill, size));
        }
      }
    }
    return out.stream();
  }

  @Test
  void whenEveryChunkHoldsTheAssumptionNothingIsRecomputed() {
    // the first decision (bar 200) falls in the last chunk: every chunk is exact as computed
    Universe universe = new DataSpec.Synthetic(1, 300, 3).generate();
    JobPlan plan = plan(universe, "strategy: sma-cross\nparams: {fast: 20, slow: 200}", "", 150);
    StitchedRun run = runAndStitch(plan, universe, 1);
    assertThat(run.acceptedChunks()).isEqualTo(2);
    assertThat(run.recomputedFromBar()).isEqualTo(-1);
    assertEqualsSequential(plan, universe, 0, run);

    // SMA(300) is first valid on the last bar: the strategy is never called, every chunk holds
    JobPlan idle = plan(universe, "strategy: sma-cross\nparams: {fast: 20, slow: 300}", "", 70);
    StitchedRun none = runAndStitch(idle, universe, 2);
    assertThat(none.recomputedFromBar()).isEqualTo(-1);
    assertThat(none.acceptedChunks()).isEqualTo(5);
    assertThat(none.trades()).isEmpty();
    assertThat(none.equity()).containsOnly(10_000.0);
    assertEqualsSequential(idle, universe, 0, none);
  }

  @Test
  void missingChunksAreComputedByTheStitchPass() {
    Universe universe = GOOG_LIKE;
    JobPlan plan = plan(universe, STRATEGIES.get(4), BACKTESTS.get(1), 100);
    IndicatorCache cache = new IndicatorCache();
    List<ChunkResult> some = new ArrayList<>();
    for (ChunkSpec c : plan.chunks()) {
      if (c.id() % 3 != 1) { // every third chunk failed for good
        some.add(ChunkExecutor.execute(plan, c, universe, cache, REGISTRY));
      }
    }
    StitchedRun run = TimeStitcher.stitch(plan, some, universe, cache, REGISTRY).get(0);
    assertEqualsSequential(plan, universe, 0, run);
    StitchedRun none = TimeStitcher.stitch(plan, List.of(), universe, cache, REGISTRY).get(0);
    assertThat(none.recomputedFromBar()).isZero();
    assertThat(none.run()).isEqualTo(run.run());
    assertThat(none.equity()).containsExactly(run.equity());
    assertThat(none.trades()).isEqualTo(run.trades());
  }

  @Test
  void everySymbolOfAMultiSymbolDatasetIsStitchedAndMatchesTheOtherSplits() {
    Universe universe = new DataSpec.Synthetic(3, 900, 21).generate();
    DatasetRef ref = DatasetFingerprint.ref("synthetic:3x900:21", universe);
    String yaml =
        "data: {synthetic: {symbols: 3, bars: 900, seed: 21}}\n"
            + "strategy: breakout\nparams: {period: 30}\nbacktest: {commission: 0.001}\n";
    JobPlan time =
        JobPlanner.plan(
            JobSpecs.parseYaml(yaml + "parallelization: {strategy: TIME_BASED, chunk-size: 128}"),
            ref,
            REGISTRY,
            2);
    assertThat(time.chunks()).hasSize(3 * 8);
    IndicatorCache cache = new IndicatorCache();
    List<ChunkResult> results = new ArrayList<>();
    for (ChunkSpec c : time.chunks()) {
      results.add(ChunkExecutor.execute(time, c, universe, cache, REGISTRY));
    }
    List<StitchedRun> runs = TimeStitcher.stitch(time, results, universe, cache, REGISTRY);
    assertThat(runs).hasSize(3);
    JobPlan bySymbol =
        JobPlanner.plan(
            JobSpecs.parseYaml(yaml + "parallelization: {strategy: SYMBOL_BASED, chunk-size: 1}"),
            ref,
            REGISTRY,
            2);
    JobResult other = JobResult.empty(bySymbol);
    for (ChunkSpec c : bySymbol.chunks()) {
      other =
          other.with(ChunkExecutor.execute(bySymbol, c, universe, new IndicatorCache(), REGISTRY));
    }
    for (int s = 0; s < 3; s++) {
      assertEqualsSequential(time, universe, s, runs.get(s));
      assertThat(runs.get(s).run()).isEqualTo(other.runs().get(s));
    }
  }

  @Test
  void badInputsAreRefused() {
    Universe universe = GOOG_LIKE;
    JobPlan plan = plan(universe, STRATEGIES.get(0), "", 1000);
    IndicatorCache cache = new IndicatorCache();
    List<ChunkResult> results = new ArrayList<>();
    for (ChunkSpec c : plan.chunks()) {
      results.add(ChunkExecutor.execute(plan, c, universe, cache, REGISTRY));
    }
    List<ChunkResult> backwards = new ArrayList<>(results);
    Collections.reverse(backwards);
    assertThatThrownBy(() -> TimeStitcher.stitch(plan, backwards, universe, cache, REGISTRY))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("increasing id order");
    JobPlan sweep =
        JobPlanner.plan(
            JobSpecs.parseYaml(
                "data: {synthetic: {symbols: 1, bars: 2148, seed: 7}}\nstrategy: rsi\n"),
            DatasetFingerprint.ref("synthetic:1x2148:7", universe),
            REGISTRY,
            1);
    assertThatThrownBy(() -> TimeStitcher.stitch(sweep, List.of(), universe, cache, REGISTRY))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("only TIME_BASED");
  }

  // ------------------------------------------------------------------------------ helpers

  static JobPlan plan(Universe universe, String strategy, String backtest, int chunkSize) {
    String data;
    DatasetRef ref;
    if (universe.symbol(0).equals("GOOG")) {
      data = "data: {path: GOOG.csv, symbols: [GOOG]}";
      ref = DatasetFingerprint.ref("/data/GOOG.csv", universe);
    } else {
      data =
          "data: {synthetic: {symbols: "
              + universe.symbolCount()
              + ", bars: "
              + universe.size()
              + ", seed: "
              + (universe.size() == 300 ? 3 : 7)
              + "}}";
      ref =
          DatasetFingerprint.ref(
              "synthetic:"
                  + universe.symbolCount()
                  + "x"
                  + universe.size()
                  + ":"
                  + (universe.size() == 300 ? 3 : 7),
              universe);
    }
    String yaml =
        data
            + "\n"
            + strategy
            + "\n"
            + backtest
            + "\nparallelization: {strategy: TIME_BASED, chunk-size: "
            + chunkSize
            + "}\n";
    return JobPlanner.plan(JobSpecs.parseYaml(yaml), ref, REGISTRY, 4);
  }

  /**
   * Computes every chunk in a shuffled order, each with a fresh or a shared cache, and stitches.
   */
  static StitchedRun runAndStitch(JobPlan plan, Universe universe, long seed) {
    Random rnd = new Random(seed);
    List<ChunkSpec> order = new ArrayList<>(plan.chunks());
    Collections.shuffle(order, rnd);
    IndicatorCache shared = new IndicatorCache();
    ChunkResult[] byId = new ChunkResult[plan.chunkCount()];
    for (ChunkSpec c : order) {
      IndicatorCache cache = rnd.nextBoolean() ? shared : new IndicatorCache();
      byId[c.id()] = ChunkExecutor.execute(plan, c, universe, cache, REGISTRY);
    }
    List<StitchedRun> runs =
        TimeStitcher.stitch(plan, List.of(byId), universe, new IndicatorCache(), REGISTRY);
    assertThat(runs).hasSize(universe.symbolCount());
    return runs.get(0);
  }

  private static List<ChunkResult> results(JobPlan plan, List<TimeSegment> segments) {
    List<ChunkResult> out = new ArrayList<>();
    for (int i = 0; i < segments.size(); i++) {
      out.add(ChunkResult.ofSegment(plan.chunk(i).id(), segments.get(i)));
    }
    return out;
  }

  static void assertEqualsSequential(JobPlan plan, Universe universe, int symbol, StitchedRun run) {
    BacktestResult seq =
        Backtest.run(
            Universe.of(universe.series(symbol)),
            REGISTRY.get(plan.spec().strategy()).create(plan.paramSets().get(0)),
            plan.spec().backtest().toConfig(),
            new IndicatorCache());
    assertThat(run.equity()).containsExactly(seq.equity());
    assertThat(run.trades()).isEqualTo(seq.trades());
    assertThat(run.run().stats())
        .isEqualTo(Metrics.compute(seq, MetricsConvention.BACKTESTING_PY).values());
    assertThat(run.run().symbol()).isEqualTo(universe.symbol(symbol));
    assertThat(run.run().symbolIndex()).isEqualTo(symbol);
    assertThat(run.run().params()).isEqualTo(plan.paramSets().get(0).values());
  }
}
