package dev.alphapulse.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.alphapulse.engine.broker.FillPolicy;
import dev.alphapulse.engine.strategy.Params;
import dev.alphapulse.engine.strategy.StrategyRegistry;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The job file format: the documented example as written, every default and every variant. */
class JobSpecsParseTest {
  static final StrategyRegistry REGISTRY = StrategyRegistry.load();

  /** The example of the brief, character for character. */
  static final String EXAMPLE =
      """
      type: sweep                      # or backtest
      data: {synthetic: {symbols: 4, bars: 200000, seed: 7}}   # or {path: FILE_OR_DIR, symbols: [AAPL, MSFT]}
      strategy: sma-cross
      params: {fast: {range: [5, 50, 1]}, slow: [60, 80, 100, 150, 200]}   # range = [from, to, step], inclusive; a scalar = fixed value
      backtest: {cash: 10000, commission: 0.0, spread: 0.0, fill: next-open, finalize-trades: true}   # commission may also be "10+0.01" (fixed+relative); margin optional
      parallelization: {strategy: PARAMETER_BASED, chunk-size: 20}   # SYMBOL_BASED, TIME_BASED, MONTE_CARLO; chunk-size auto
      max-retries: 3
      checkpoint-interval: 50
      seed: 42
      """;

  /** The same file as issue #3 prints it (scripts depend on these keys). */
  static final String ISSUE_EXAMPLE =
      """
      type: sweep                      # or backtest
      data: {synthetic: {symbols: 4, bars: 200000, seed: 7}}   # or {path: FILE_OR_DIR, symbols: [AAPL, MSFT]}
      strategy: sma-cross
      params: {fast: {range: [5, 50, 1]}, slow: [60, 80, 100, 150, 200]}   # range = [from, to, step], inclusive
      backtest: {cash: 10000, commission: 0.0, spread: 0.0, fill: next-open, finalize-trades: true}
      parallelization: {strategy: PARAMETER_BASED, chunk-size: 20}   # SYMBOL_BASED, TIME_BASED, MONTE_CARLO; auto
      max-retries: 3
      checkpoint-interval: 50
      seed: 42
      """;

  @Test
  void theExampleParsesAsWritten() {
    JobSpec spec = JobSpecs.parseYaml(EXAMPLE);
    assertThat(spec.type()).isEqualTo(JobType.SWEEP);
    assertThat(spec.data()).isEqualTo(new DataSpec.Synthetic(4, 200_000, 7));
    assertThat(spec.strategy()).isEqualTo("sma-cross");
    assertThat(spec.params().keySet()).containsExactly("fast", "slow");
    assertThat(spec.params().get("fast"))
        .containsExactlyElementsOf(IntStream.rangeClosed(5, 50).boxed().toList());
    assertThat(spec.params().get("slow")).containsExactly(60, 80, 100, 150, 200);
    assertThat(spec.ranges()).isEqualTo(Map.of("fast", new ParamRange(5, 50, 1)));
    assertThat(spec.backtest())
        .isEqualTo(new BacktestSettings(10_000, 0, 0, 0, 1, FillPolicy.NEXT_OPEN, true));
    assertThat(spec.parallelization())
        .isEqualTo(new Parallelization(ParallelizationStrategy.PARAMETER_BASED, 20));
    assertThat(spec.maxRetries()).isEqualTo(3);
    assertThat(spec.checkpointInterval()).isEqualTo(50);
    assertThat(spec.seed()).isEqualTo(42);
    assertThat(spec.gridSize()).isEqualTo(46 * 5);

    List<Params> sets = JobSpecs.validate(spec, REGISTRY);
    assertThat(sets).hasSize(230);
    assertThat(sets.get(0)).isEqualTo(Params.of("fast", 5, "slow", 60));
    assertThat(sets.get(1)).isEqualTo(Params.of("fast", 5, "slow", 80)); // first varies slowest
    assertThat(sets.get(229)).isEqualTo(Params.of("fast", 50, "slow", 200));
  }

  @Test
  void theIssueExampleIsTheSameSpec() {
    assertThat(JobSpecs.parseYaml(ISSUE_EXAMPLE)).isEqualTo(JobSpecs.parseYaml(EXAMPLE));
  }

  @Test
  void omittedKeysTakeTheirDefaults() {
    JobSpec spec = JobSpecs.parseYaml("data: {synthetic: {}}\nstrategy: sma-cross\n");
    assertThat(spec.type()).isEqualTo(JobType.BACKTEST);
    assertThat(spec.data()).isEqualTo(new DataSpec.Synthetic(8, 5_217, 42));
    assertThat(spec.params()).isEmpty();
    assertThat(spec.ranges()).isEmpty();
    assertThat(spec.backtest()).isEqualTo(BacktestSettings.defaults());
    assertThat(spec.backtest().finalizeTrades()).isTrue();
    assertThat(spec.parallelization()).isEqualTo(Parallelization.defaults());
    assertThat(spec.parallelization().autoChunkSize()).isTrue();
    assertThat(spec.maxRetries()).isEqualTo(JobSpecs.DEFAULT_MAX_RETRIES).isEqualTo(3);
    assertThat(spec.checkpointInterval())
        .isEqualTo(JobSpecs.DEFAULT_CHECKPOINT_INTERVAL)
        .isEqualTo(50);
    assertThat(spec.seed()).isZero();
    // no params: one parameter set, every parameter at its default
    assertThat(JobSpecs.validate(spec, REGISTRY))
        .containsExactly(Params.of("fast", 10, "slow", 30));
  }

  @Test
  void partlyGivenBlocksKeepTheOtherDefaults() {
    JobSpec spec =
        JobSpecs.parseYaml(
            """
            data: {synthetic: {bars: 300}}
            strategy: sma-cross
            backtest: {cash: 5000}
            parallelization: {chunk-size: 7}
            """);
    assertThat(spec.data()).isEqualTo(new DataSpec.Synthetic(8, 300, 42));
    assertThat(spec.backtest())
        .isEqualTo(new BacktestSettings(5_000, 0, 0, 0, 1, FillPolicy.NEXT_OPEN, true));
    assertThat(spec.parallelization())
        .isEqualTo(new Parallelization(ParallelizationStrategy.AUTO, 7));
  }

  @Test
  void commissionIsARateOrFixedPlusRate() {
    assertThat(backtest("{commission: 0.001}").commissionRelative()).isEqualTo(0.001);
    assertThat(backtest("{commission: 0.001}").commissionFixed()).isZero();
    BacktestSettings quoted = backtest("{commission: \"10+0.01\"}");
    assertThat(quoted.commissionFixed()).isEqualTo(10);
    assertThat(quoted.commissionRelative()).isEqualTo(0.01);
    assertThat(backtest("{commission: 10+0.01}")).isEqualTo(quoted);
    assertThat(backtest("{commission: 2.5 + 1e-3}").commissionFixed()).isEqualTo(2.5);
    assertThat(backtest("{commission: 2.5 + 1e-3}").commissionRelative()).isEqualTo(0.001);
    // YAML reads 1e-4 as text; it is still a rate
    assertThat(backtest("{commission: 1e-4}").commissionRelative()).isEqualTo(1e-4);
  }

  @Test
  void everyBacktestSettingIsRead() {
    BacktestSettings b =
        backtest(
            "{cash: 25000.5, commission: 0.002, spread: 0.0005, margin: 0.5, fill: close,"
                + " finalize-trades: false}");
    assertThat(b)
        .isEqualTo(new BacktestSettings(25_000.5, 0, 0.002, 0.0005, 0.5, FillPolicy.CLOSE, false));
    assertThat(b.toConfig().margin()).isEqualTo(0.5);
    assertThat(b.toConfig().fillPolicy()).isEqualTo(FillPolicy.CLOSE);
  }

  @Test
  void parallelizationNamesAndChunkSizes() {
    assertThat(parallelization("{strategy: parameter-based, chunk-size: auto}"))
        .isEqualTo(new Parallelization(ParallelizationStrategy.PARAMETER_BASED, 0));
    assertThat(parallelization("{strategy: symbol_based, chunk-size: AUTO}"))
        .isEqualTo(new Parallelization(ParallelizationStrategy.SYMBOL_BASED, 0));
    assertThat(parallelization("{strategy: Auto, chunk-size: 3}"))
        .isEqualTo(new Parallelization(ParallelizationStrategy.AUTO, 3));
    assertThat(parallelization("{strategy: TIME_BASED, chunk-size: 500}").strategy())
        .isEqualTo(ParallelizationStrategy.TIME_BASED);
  }

  @Test
  void filesData() {
    assertThat(
            JobSpecs.parseYaml("data: {path: data/sp500, symbols: [AAPL, MSFT]}\nstrategy: rsi")
                .data())
        .isEqualTo(new DataSpec.Files("data/sp500", List.of("AAPL", "MSFT")));
    assertThat(JobSpecs.parseYaml("data: {path: GOOG.csv}\nstrategy: rsi").data())
        .isEqualTo(new DataSpec.Files("GOOG.csv", List.of()));
    assertThat(JobSpecs.parseYaml("data: {path: dir, symbols: AAPL}\nstrategy: rsi").data())
        .isEqualTo(new DataSpec.Files("dir", List.of("AAPL")));
  }

  @Test
  void parameterValueForms() {
    JobSpec spec =
        JobSpecs.parseYaml(
            """
            type: sweep
            data: {synthetic: {}}
            strategy: mean-reversion
            params:
              window: 20
              entry: {range: [1.5, 2.5, 0.5]}
              exit: [0.25, 0.5]
            """);
    assertThat(spec.params().get("window")).containsExactly(20);
    assertThat(spec.params().get("entry")).containsExactly(1.5, 2.0, 2.5);
    assertThat(spec.params().get("exit")).containsExactly(0.25, 0.5);
    assertThat(spec.params().keySet()).containsExactly("window", "entry", "exit");
    List<Params> sets = JobSpecs.validate(spec, REGISTRY);
    assertThat(sets).hasSize(6);
    assertThat(sets.get(0).values()).containsEntry("entry", 1.5).containsEntry("window", 20);
  }

  @Test
  void aBacktestTakesOneValuePerParameter() {
    JobSpec spec =
        JobSpecs.parseYaml(
            "type: backtest\ndata: {synthetic: {}}\nstrategy: sma-cross\n"
                + "params: {fast: 5, slow: {range: [40, 40, 1]}}");
    assertThat(JobSpecs.validate(spec, REGISTRY)).containsExactly(Params.of("fast", 5, "slow", 40));
  }

  @Test
  void seedsAndIntegersAcceptWholeNumbersOnly() {
    JobSpec spec =
        JobSpecs.parseYaml(
            "data: {synthetic: {seed: -3}}\nstrategy: rsi\nseed: 9007199254740993\nmax-retries: 0");
    assertThat(spec.seed()).isEqualTo(9_007_199_254_740_993L);
    assertThat(((DataSpec.Synthetic) spec.data()).seed()).isEqualTo(-3);
    assertThat(spec.maxRetries()).isZero();
  }

  private static BacktestSettings backtest(String block) {
    return JobSpecs.parseYaml("data: {synthetic: {}}\nstrategy: rsi\nbacktest: " + block)
        .backtest();
  }

  private static Parallelization parallelization(String block) {
    return JobSpecs.parseYaml("data: {synthetic: {}}\nstrategy: rsi\nparallelization: " + block)
        .parallelization();
  }
}
