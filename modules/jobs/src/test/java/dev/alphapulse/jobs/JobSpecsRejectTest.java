package dev.alphapulse.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.alphapulse.engine.strategy.StrategyRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every way a job spec is rejected before anything runs, each naming its field: parsing and
 * validation against the strategies ({@link JobSpecs#parseYaml}, {@link JobSpecs#validate}) and the
 * data path check ({@link JobSpecs#validateData}).
 */
class JobSpecsRejectTest {
  static final StrategyRegistry REGISTRY = StrategyRegistry.load();
  static final String DATA = "data: {synthetic: {symbols: 2, bars: 500}}\n";
  static final String SWEEP = "type: sweep\n" + DATA + "strategy: sma-cross\n";

  static Stream<Arguments> badSpecs() {
    return Stream.of(
        // top level
        bad("colour", SWEEP + "colour: red", "unknown key 'colour'"),
        bad("Type", SWEEP + "Type: sweep", "unknown key"),
        bad("type", DATA + "type: optimise\nstrategy: rsi", "unknown job type 'optimise'"),
        bad("type", DATA + "type: optimise\nstrategy: rsi", "unknown job type 'optimise'"),
        bad("strategy", "type: sweep\n" + DATA, "is missing"),
        bad("strategy", DATA + "strategy: warp-drive", "unknown strategy 'warp-drive'"),
        bad("strategy", DATA + "strategy: [a, b]", "must be a text value"),
        bad("max-retries", SWEEP + "max-retries: -1", "an integer >= 0, was -1"),
        bad("max-retries", SWEEP + "max-retries: many", "'many'"),
        bad("max-retries", SWEEP + "max-retries: 1.5", "1.5"),
        bad("checkpoint-interval", SWEEP + "checkpoint-interval: 0", ">= 1, was 0"),
        bad("seed", SWEEP + "seed: 1.5", "must be an integer"),
        bad("seed", SWEEP + "seed: soon", "must be a number"),
        // params
        bad("params.speed", SWEEP + "params: {speed: 3}", "unknown parameter 'speed'"),
        bad(
            "params.fast.range",
            SWEEP + "params: {fast: {range: [0, 50, 1]}}",
            "outside [1, 1000]"),
        bad(
            "params.fast.range",
            SWEEP + "params: {fast: {range: [5.5, 50, 1]}}",
            "is not a whole number"),
        bad("params.fast.range", SWEEP + "params: {fast: {range: []}}", "empty"),
        bad("params.fast.range", SWEEP + "params: {fast: {range: [50, 5, 1]}}", "inverted"),
        bad("params.fast.range", SWEEP + "params: {fast: {range: [5, 50, 0]}}", "step must be > 0"),
        bad("params.fast.range", SWEEP + "params: {fast: {range: [5, 50, -2]}}", "step"),
        bad("params.fast.range", SWEEP + "params: {fast: {range: [5, 50]}}", "[from, to, step]"),
        bad("params.fast.range", SWEEP + "params: {fast: {range: [5, x, 1]}}", "must be a number"),
        bad(
            "params.fast.range",
            SWEEP + "params: {fast: {range: [1, 2000000, 1]}}",
            "more than 1000000 values"),
        bad("params.fast.step", SWEEP + "params: {fast: {step: 2}}", "unknown key 'step'"),
        bad("params.fast", SWEEP + "params: {fast: {}}", "{range: [from, to, step]}"),
        bad("params.slow[1]", SWEEP + "params: {slow: [60, 6000]}", "6000 is outside [2, 5000]"),
        bad("params.slow[1]", SWEEP + "params: {slow: [60, 60.0]}", "duplicate value 60"),
        bad("params.slow[2]", SWEEP + "params: {slow: [60, 70, ten]}", "must be a number"),
        bad("params.slow", SWEEP + "params: {slow: []}", "empty"),
        bad("params.slow", SWEEP + "params: {slow: }", "has no value"),
        bad("params.fast", SWEEP + "params: {fast: 10.5}", "not a whole number"),
        bad("params", SWEEP + "params: [fast, slow]", "must be a mapping"),
        bad(
            "params",
            SWEEP + "params: {fast: {range: [100, 200, 10]}, slow: [60, 80]}",
            "no combination of the 22 in the grid satisfies the constraints of sma-cross: fast"
                + " must be < slow"),
        bad(
            "params",
            SWEEP + "params: {fast: {range: [1, 1000, 1]}, slow: {range: [2, 5000, 1]}}",
            "at most 1000000"),
        bad(
            "params.fast",
            "type: backtest\n" + DATA + "strategy: sma-cross\nparams: {fast: [5, 10]}",
            "a backtest takes one value per parameter, 2 given; use type: sweep"),
        bad(
            "params.fast.range",
            DATA + "strategy: sma-cross\nparams: {fast: {range: [5, 10, 1]}}",
            "a backtest takes one value per parameter, 6 given"),
        // data
        bad("data", "strategy: sma-cross", "is missing"),
        bad("data", "data:\nstrategy: sma-cross", "is missing"),
        bad("data", "data: GOOG.csv\nstrategy: sma-cross", "must be"),
        bad(
            "data",
            "data: {synthetic: {}, path: x.csv}\nstrategy: sma-cross",
            "both synthetic and path"),
        bad("data", "data: {symbols: [A]}\nstrategy: sma-cross", "neither synthetic nor path"),
        bad("data.url", "data: {url: x}\nstrategy: sma-cross", "unknown key 'url'"),
        bad(
            "data.symbols",
            "data: {synthetic: {}, symbols: [A]}\nstrategy: sma-cross",
            "synthetic data takes symbols: N inside"),
        bad("data.synthetic", "data: {synthetic: 5}\nstrategy: sma-cross", "must be a mapping"),
        bad("data.synthetic.bars", "data: {synthetic: {bars: 1}}\nstrategy: rsi", ">= 2, was 1"),
        bad("data.synthetic.bars", "data: {synthetic: {bars: -5}}\nstrategy: rsi", "was -5"),
        bad("data.synthetic.bars", "data: {synthetic: {bars: 10.5}}\nstrategy: rsi", "10.5"),
        bad(
            "data.synthetic.bars",
            "data: {synthetic: {symbols: 1000, bars: 100000}}\nstrategy: rsi",
            "more than 50000000 symbol-bars"),
        bad("data.synthetic.symbols", "data: {synthetic: {symbols: 0}}\nstrategy: rsi", "was 0"),
        bad("data.synthetic.colour", "data: {synthetic: {colour: 1}}\nstrategy: rsi", "unknown"),
        bad("data.path", "data: {path: \"\"}\nstrategy: rsi", "must not be empty"),
        bad("data.symbols[1]", "data: {path: d, symbols: [A, A]}\nstrategy: rsi", "listed twice"),
        bad("data.symbols", "data: {path: d, symbols: {a: 1}}\nstrategy: rsi", "list of symbols"),
        // backtest
        bad("backtest.cash", SWEEP + "backtest: {cash: -1}", "must be positive, was -1"),
        bad("backtest.cash", SWEEP + "backtest: {cash: lots}", "must be a number"),
        bad("backtest.commission", SWEEP + "backtest: {commission: abc}", "'abc' is not a rate"),
        bad("backtest.commission", SWEEP + "backtest: {commission: 0.5}", "[-0.1, 0.1)"),
        bad("backtest.commission", SWEEP + "backtest: {commission: -1+0.01}", ">= 0"),
        bad("backtest.spread", SWEEP + "backtest: {spread: 1.5}", "[0, 1)"),
        bad("backtest.margin", SWEEP + "backtest: {margin: 0}", "(0, 1]"),
        bad("backtest.fill", SWEEP + "backtest: {fill: sometimes}", "next-open or close"),
        bad("backtest.finalize-trades", SWEEP + "backtest: {finalize-trades: 2}", "true or false"),
        bad("backtest.leverage", SWEEP + "backtest: {leverage: 2}", "unknown key 'leverage'"),
        bad("backtest", SWEEP + "backtest: fast", "must be a mapping"),
        // parallelization
        bad("parallelization.chunk-size", SWEEP + "parallelization: {chunk-size: 0}", "was 0"),
        bad("parallelization.chunk-size", SWEEP + "parallelization: {chunk-size: -3}", "-3"),
        bad("parallelization.chunk-size", SWEEP + "parallelization: {chunk-size: 2.5}", "2.5"),
        bad("parallelization.chunk-size", SWEEP + "parallelization: {chunk-size: lots}", "auto"),
        bad(
            "parallelization.strategy",
            SWEEP + "parallelization: {strategy: RANDOM}",
            "unknown strategy 'RANDOM'; expected one of PARAMETER_BASED, SYMBOL_BASED,"
                + " TIME_BASED, MONTE_CARLO, AUTO"),
        bad(
            "parallelization.strategy",
            SWEEP + "parallelization: {strategy: MONTE_CARLO}",
            "MONTE_CARLO splits the paths of a monte-carlo job"),
        bad(
            "parallelization.strategy",
            SWEEP + "params: {fast: [5, 10]}\nparallelization: {strategy: TIME_BASED}",
            "needs exactly one parameter set, but the grid has 2"),
        bad(
            "parallelization.strategy",
            DATA + "strategy: momentum\nparallelization: {strategy: TIME_BASED}",
            "momentum trades the whole universe at once"),
        bad(
            "parallelization.strategy",
            DATA + "strategy: momentum\nparallelization: {strategy: SYMBOL_BASED}",
            "SYMBOL_BASED splits the symbols"),
        bad("parallelization.size", SWEEP + "parallelization: {size: 3}", "unknown key 'size'"),
        // the text itself
        bad("yaml", "", "empty"),
        bad("yaml", "# only a comment\n", "empty"),
        bad("yaml", "- a\n- b\n", "mapping"),
        bad("yaml", "just text", "mapping"),
        bad("yaml", "strategy: rsi\nstrategy: sma-cross\n" + DATA, "Duplicate field 'strategy'"),
        bad("yaml", "data: {synthetic: {]\nstrategy: rsi", "not valid YAML"));
  }

  static Arguments bad(String field, String yaml, String messagePart) {
    return Arguments.of(field, yaml, messagePart);
  }

  @ParameterizedTest(name = "{0}: {2}")
  @MethodSource("badSpecs")
  void rejectedNamingTheField(String field, String yaml, String messagePart) {
    JobSpecException e =
        catchThrowableOfType(
            JobSpecException.class, () -> JobSpecs.validate(JobSpecs.parseYaml(yaml), REGISTRY));
    assertThat(e).as("expected a rejection of:%n%s", yaml).isNotNull();
    assertThat(e.field()).isEqualTo(field);
    assertThat(e.getMessage()).startsWith(field + ": ").contains(messagePart);
    assertThat(e.problem()).isEqualTo(e.getMessage().substring(field.length() + 2));
  }

  @Test
  void goodSpecsOfTheSameShapesPass() {
    assertThatCode(
            () ->
                JobSpecs.validate(
                    JobSpecs.parseYaml(
                        SWEEP
                            + "params: {fast: [5, 10]}\nparallelization: {strategy: SYMBOL_BASED}"),
                    REGISTRY))
        .doesNotThrowAnyException();
    assertThatCode(
            () ->
                JobSpecs.validate(
                    JobSpecs.parseYaml(
                        DATA + "strategy: momentum\nparallelization: {strategy: AUTO}"),
                    REGISTRY))
        .doesNotThrowAnyException();
  }

  // ------------------------------------------------------------------------ validateData

  @Test
  void aDirectoryWithTheListedSymbolsPasses(@TempDir Path dir) throws IOException {
    Files.writeString(dir.resolve("AAPL.csv"), "x");
    Files.writeString(dir.resolve("MSFT_data.csv"), "x");
    Files.writeString(dir.resolve("notes.txt"), "x");
    JobSpecs.validateData(files(dir.toString(), "[AAPL, MSFT]"), Path.of("/"));
    JobSpecs.validateData(files(dir.toString(), "[]"), Path.of("/"));
    // relative to the job file's directory
    JobSpecs.validateData(files(dir.getFileName().toString(), "[MSFT]"), dir.getParent());
    JobSpecs.validateData(files("AAPL.csv", "[AAPL]"), dir);
    JobSpecs.validateData(files("AAPL.csv", "[]"), dir);
  }

  @Test
  void aMissingPathIsRejected(@TempDir Path dir) {
    assertDataRejected(files("nowhere/prices", "[]"), dir, "data.path", "does not exist");
  }

  @Test
  void aMissingSymbolFileIsRejectedByItsIndex(@TempDir Path dir) throws IOException {
    Files.writeString(dir.resolve("AAPL.csv"), "x");
    Files.writeString(dir.resolve("MSFT.tsv"), "x");
    Files.createDirectory(dir.resolve("GOOG.csv")); // a directory is not a symbol's file
    assertDataRejected(
        files(dir.toString(), "[AAPL, MSFT, GOOG]"),
        dir,
        "data.symbols[2]",
        "no file for symbol GOOG");
  }

  @Test
  void aDirectoryWithoutDataFilesIsRejected(@TempDir Path dir) throws IOException {
    Files.writeString(dir.resolve("README.md"), "x");
    assertDataRejected(files(dir.toString(), "[]"), dir, "data.path", "no .csv or .tsv files");
  }

  @Test
  void aFileHoldsOnlyItsOwnSymbol(@TempDir Path dir) throws IOException {
    Files.writeString(dir.resolve("AAPL_data.csv"), "x");
    assertDataRejected(
        files("AAPL_data.csv", "[AAPL, MSFT]"), dir, "data.symbols[1]", "holds symbol AAPL");
  }

  @Test
  void syntheticDataNeedsNoCheck() {
    JobSpecs.validateData(JobSpecs.parseYaml(SWEEP), Path.of("/nonexistent"));
  }

  private static JobSpec files(String path, String symbols) {
    return JobSpecs.parseYaml(
        "data: {path: \"" + path + "\", symbols: " + symbols + "}\nstrategy: rsi\n");
  }

  private static void assertDataRejected(
      JobSpec spec, Path baseDir, String field, String messagePart) {
    JobSpecException e =
        catchThrowableOfType(JobSpecException.class, () -> JobSpecs.validateData(spec, baseDir));
    assertThat(e).isNotNull();
    assertThat(e.field()).isEqualTo(field);
    assertThat(e.getMessage()).startsWith(field + ": ").contains(messagePart);
  }
}
