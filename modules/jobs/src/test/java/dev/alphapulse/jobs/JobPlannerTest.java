package dev.alphapulse.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.alphapulse.engine.strategy.Params;
import dev.alphapulse.engine.strategy.StrategyRegistry;
import java.util.List;
import org.junit.jupiter.api.Test;

class JobPlannerTest {
  static final StrategyRegistry REGISTRY = StrategyRegistry.load();

  static JobSpec spec(String yaml) {
    return JobSpecs.parseYaml(yaml);
  }

  static DatasetRef ref(JobSpec spec) {
    DataSpec.Synthetic s = (DataSpec.Synthetic) spec.data();
    return DatasetFingerprint.ref(s.location(), s.generate());
  }

  static JobPlan plan(String yaml, int workers) {
    JobSpec spec = spec(yaml);
    return JobPlanner.plan(spec, ref(spec), REGISTRY, workers);
  }

  @Test
  void theExampleSlicesTheGridIntoChunksOfTwenty() {
    JobSpec spec = JobSpecs.parseYaml(JobSpecsParseTest.EXAMPLE);
    // the example's 4 x 200,000 bars are only referenced here; a stand-in ref of the same shape
    DatasetRef ref =
        new DatasetRef(
            "synthetic:4x200000:7",
            "0".repeat(64),
            List.of("SYN00", "SYN01", "SYN02", "SYN03"),
            200_000,
            0,
            1);
    JobPlan plan = JobPlanner.plan(spec, ref, REGISTRY, 8);
    assertThat(plan.strategy()).isEqualTo(ParallelizationStrategy.PARAMETER_BASED);
    assertThat(plan.paramSets()).hasSize(230);
    assertThat(plan.chunks()).hasSize(12);
    assertThat(plan.chunk(0)).isEqualTo(new ChunkSpec(0, 0, 20, 0, 4, 0, 200_000, 0));
    assertThat(plan.chunk(11)).isEqualTo(new ChunkSpec(11, 220, 230, 0, 4, 0, 200_000, 0));
  }

  @Test
  void parameterBasedCoversEveryParameterSetOnceOnEverySymbol() {
    JobPlan plan =
        plan(
            """
            type: sweep
            data: {synthetic: {symbols: 3, bars: 400}}
            strategy: sma-cross
            params: {fast: [5, 10, 15], slow: [20, 30, 40, 50]}
            parallelization: {strategy: PARAMETER_BASED, chunk-size: 5}
            """,
            4);
    assertThat(plan.paramSets()).hasSize(12);
    assertThat(plan.chunks())
        .extracting(ChunkSpec::paramFrom, ChunkSpec::paramTo)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(0, 5),
            org.assertj.core.groups.Tuple.tuple(5, 10),
            org.assertj.core.groups.Tuple.tuple(10, 12));
    assertThat(plan.chunks())
        .allSatisfy(
            c -> {
              assertThat(c.symbolFrom()).isZero();
              assertThat(c.symbolTo()).isEqualTo(3);
              assertThat(c.barFrom()).isZero();
              assertThat(c.barTo()).isEqualTo(400);
              assertThat(c.warmupBars()).isZero();
            });
  }

  @Test
  void symbolBasedCoversEverySymbolOnceWithEveryParameterSet() {
    JobPlan plan =
        plan(
            """
            type: sweep
            data: {synthetic: {symbols: 5, bars: 300}}
            strategy: sma-cross
            params: {fast: [5, 10]}
            parallelization: {strategy: SYMBOL_BASED, chunk-size: 2}
            """,
            4);
    assertThat(plan.chunks())
        .containsExactly(
            new ChunkSpec(0, 0, 2, 0, 2, 0, 300, 0),
            new ChunkSpec(1, 0, 2, 2, 4, 0, 300, 0),
            new ChunkSpec(2, 0, 2, 4, 5, 0, 300, 0));
  }

  @Test
  void timeBasedSlicesEachSymbolsBarsWithAWarmUpOverlap() {
    JobPlan plan =
        plan(
            """
            data: {synthetic: {symbols: 2, bars: 1000}}
            strategy: sma-cross
            params: {fast: 10, slow: 120}
            parallelization: {strategy: TIME_BASED, chunk-size: 300}
            """,
            4);
    assertThat(plan.strategy()).isEqualTo(ParallelizationStrategy.TIME_BASED);
    // W = 1 + the largest INT parameter = 121
    assertThat(JobPlanner.warmupBound(plan.paramSets().get(0), REGISTRY.get("sma-cross")))
        .isEqualTo(121);
    assertThat(plan.chunks())
        .containsExactly(
            new ChunkSpec(0, 0, 1, 0, 1, 0, 300, 0),
            new ChunkSpec(1, 0, 1, 0, 1, 300, 600, 121),
            new ChunkSpec(2, 0, 1, 0, 1, 600, 900, 121),
            new ChunkSpec(3, 0, 1, 0, 1, 900, 1000, 121),
            new ChunkSpec(4, 0, 1, 1, 2, 0, 300, 0),
            new ChunkSpec(5, 0, 1, 1, 2, 300, 600, 121),
            new ChunkSpec(6, 0, 1, 1, 2, 600, 900, 121),
            new ChunkSpec(7, 0, 1, 1, 2, 900, 1000, 121));
  }

  @Test
  void warmUpBoundUsesDefaultsAndIgnoresRealParameters() {
    assertThat(
            JobPlanner.warmupBound(
                REGISTRY.get("mean-reversion").defaults(), REGISTRY.get("mean-reversion")))
        .isEqualTo(21);
    assertThat(
            JobPlanner.warmupBound(
                Params.of("period", 14, "lower", 30.0, "upper", 70.0), REGISTRY.get("rsi")))
        .isEqualTo(15);
  }

  @Test
  void autoPicksParametersForBigSweepsAndSymbolsOtherwise() {
    String sweep =
        "type: sweep\ndata: {synthetic: {symbols: 3, bars: 300}}\nstrategy: sma-cross\n"
            + "params: {fast: [5, 10], slow: [20, 30]}\n";
    assertThat(plan(sweep, 2).strategy()).isEqualTo(ParallelizationStrategy.PARAMETER_BASED);
    String smallSweep =
        "type: sweep\ndata: {synthetic: {symbols: 8, bars: 300}}\nstrategy: sma-cross\n"
            + "params: {fast: [5, 10], slow: [20, 30]}\n";
    assertThat(plan(smallSweep, 2).strategy()).isEqualTo(ParallelizationStrategy.SYMBOL_BASED);
    String backtest = "data: {synthetic: {symbols: 1, bars: 300}}\nstrategy: sma-cross\n";
    assertThat(plan(backtest, 2).strategy()).isEqualTo(ParallelizationStrategy.SYMBOL_BASED);
    String momentum = "data: {synthetic: {symbols: 4, bars: 300}}\nstrategy: momentum\n";
    JobPlan m = plan(momentum, 2);
    assertThat(m.strategy()).isEqualTo(ParallelizationStrategy.PARAMETER_BASED);
    assertThat(m.chunks()).containsExactly(new ChunkSpec(0, 0, 1, 0, 4, 0, 300, 0));
  }

  @Test
  void autoChunkSizesFollowOptimizePartitionSize() {
    JobPlan p =
        plan(
            """
            type: sweep
            data: {synthetic: {symbols: 2, bars: 300}}
            strategy: sma-cross
            params: {fast: {range: [2, 41, 1]}, slow: [50, 60, 70, 80, 90]}
            parallelization: {strategy: PARAMETER_BASED}
            """,
            3);
    // 200 parameter sets, 3 workers: ceil(200 / 12) = 17 per chunk, 12 chunks
    assertThat(p.chunks()).hasSize(12);
    assertThat(p.chunk(0).paramCount()).isEqualTo(17);
    assertThat(p.chunk(11).paramCount()).isEqualTo(200 - 11 * 17);

    JobPlan s =
        plan(
            "data: {synthetic: {symbols: 10, bars: 300}}\nstrategy: rsi\n"
                + "parallelization: {strategy: SYMBOL_BASED}",
            2);
    assertThat(s.chunks()).extracting(ChunkSpec::symbolCount).containsExactly(2, 2, 2, 2, 2);

    JobPlan t =
        plan(
            "data: {synthetic: {symbols: 1, bars: 20000}}\nstrategy: rsi\n"
                + "parallelization: {strategy: TIME_BASED}",
            2);
    assertThat(t.chunks())
        .extracting(ChunkSpec::barCount)
        .containsExactly(2500, 2500, 2500, 2500, 2500, 2500, 2500, 2500);
    JobPlan shortSeries =
        plan(
            "data: {synthetic: {symbols: 1, bars: 1500}}\nstrategy: rsi\n"
                + "parallelization: {strategy: TIME_BASED}",
            8);
    // never shorter than 1,000 bars (or the series)
    assertThat(shortSeries.chunks()).extracting(ChunkSpec::barCount).containsExactly(1000, 500);
  }

  @Test
  void plansAreDeterministic() {
    String yaml =
        """
        type: sweep
        data: {synthetic: {symbols: 3, bars: 300}}
        strategy: mean-reversion
        params: {window: {range: [10, 30, 5]}, entry: [1.5, 2.0], exit: [0.5, 1.0]}
        """;
    assertThat(plan(yaml, 5)).isEqualTo(plan(yaml, 5));
  }

  @Test
  void tooManyChunksIsAChunkSizeError() {
    JobSpec spec =
        spec(
            """
            data: {synthetic: {symbols: 2, bars: 200000}}
            strategy: rsi
            parallelization: {strategy: TIME_BASED, chunk-size: 1}
            """);
    DatasetRef big =
        new DatasetRef(
            "synthetic:2x200000:42", "0".repeat(64), List.of("SYN00", "SYN01"), 200_000, 0, 1);
    assertThatThrownBy(() -> JobPlanner.plan(spec, big, REGISTRY, 4))
        .isInstanceOf(JobSpecException.class)
        .hasMessageStartingWith(
            "parallelization.chunk-size: a chunk size of 1 gives 400000 chunks");
  }

  @Test
  void theDatasetMustBeTheSpecsData() {
    JobSpec spec = spec("data: {synthetic: {symbols: 2, bars: 300}}\nstrategy: rsi");
    DatasetRef other = ref(spec("data: {synthetic: {symbols: 2, bars: 301}}\nstrategy: rsi"));
    assertThatThrownBy(() -> JobPlanner.plan(spec, other, REGISTRY, 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("is not the job's data");
    JobSpec files = spec("data: {path: d, symbols: [A, B]}\nstrategy: rsi");
    DatasetRef ba = new DatasetRef("/d", "0".repeat(64), List.of("B", "A"), 10, 0, 1);
    assertThatThrownBy(() -> JobPlanner.plan(files, ba, REGISTRY, 1))
        .hasMessageContaining("are not the job's symbols");
    assertThat(
            JobPlanner.plan(
                    files,
                    new DatasetRef("/d", "0".repeat(64), List.of("A", "B"), 10, 0, 1),
                    REGISTRY,
                    1)
                .chunks())
        .hasSize(2); // one symbol per chunk: ceil(2 symbols / (4 x 1 worker))
  }

  @Test
  void invalidSpecsAreRejectedBeforePlanning() {
    JobSpec spec =
        spec("data: {synthetic: {symbols: 1, bars: 300}}\nstrategy: rsi\nparams: {x: 1}");
    assertThatThrownBy(() -> JobPlanner.plan(spec, ref(spec), REGISTRY, 1))
        .isInstanceOf(JobSpecException.class)
        .hasMessageStartingWith("params.x:");
  }
}
