package dev.alphapulse.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.alphapulse.api.grpc.BacktestSettings;
import dev.alphapulse.api.grpc.DataSpec;
import dev.alphapulse.api.grpc.FileData;
import dev.alphapulse.api.grpc.NumberList;
import dev.alphapulse.api.grpc.Parallelization;
import dev.alphapulse.api.grpc.ParamValues;
import dev.alphapulse.api.grpc.Range;
import dev.alphapulse.api.grpc.SyntheticData;
import dev.alphapulse.jobs.JobSpec;
import dev.alphapulse.jobs.JobSpecException;
import dev.alphapulse.jobs.JobSpecs;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The protobuf job spec reads as the equivalent YAML job file: same record, same defaults, same
 * error field paths.
 */
class JobSpecProtosTest {
  /** The job file of issue #3, as written there. */
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

  /** The same job, written by hand as a message. */
  static dev.alphapulse.api.grpc.JobSpec issueExampleMessage() {
    return dev.alphapulse.api.grpc.JobSpec.newBuilder()
        .setType("sweep")
        .setData(
            DataSpec.newBuilder()
                .setSynthetic(SyntheticData.newBuilder().setSymbols(4).setBars(200_000).setSeed(7)))
        .setStrategy("sma-cross")
        .addParams(
            ParamValues.newBuilder()
                .setName("fast")
                .setRange(Range.newBuilder().setFrom(5).setTo(50).setStep(1)))
        .addParams(
            ParamValues.newBuilder()
                .setName("slow")
                .setList(
                    NumberList.newBuilder()
                        .addValues(60)
                        .addValues(80)
                        .addValues(100)
                        .addValues(150)
                        .addValues(200)))
        .setBacktest(
            BacktestSettings.newBuilder()
                .setCash(10_000)
                .setCommission("0.0")
                .setSpread(0.0)
                .setFill("next-open")
                .setFinalizeTrades(true))
        .setParallelization(
            Parallelization.newBuilder().setStrategy("PARAMETER_BASED").setChunkSize("20"))
        .setMaxRetries(3)
        .setCheckpointInterval(50)
        .setSeed(42)
        .build();
  }

  @Test
  void the_issue_example_as_a_message_is_the_same_job_spec_as_its_yaml() {
    JobSpec fromYaml = JobSpecs.parseYaml(ISSUE_EXAMPLE);
    JobSpec fromProto = JobSpecProtos.fromProto(issueExampleMessage());
    assertThat(fromProto).isEqualTo(fromYaml);
    assertThat(fromProto.params().keySet()).containsExactly("fast", "slow");
    assertThat(fromProto.params().get("slow")).containsExactly(60, 80, 100, 150, 200);
  }

  @Test
  void unset_fields_take_the_job_file_defaults() {
    dev.alphapulse.api.grpc.JobSpec minimal =
        dev.alphapulse.api.grpc.JobSpec.newBuilder()
            .setData(DataSpec.newBuilder().setSynthetic(SyntheticData.getDefaultInstance()))
            .setStrategy("sma-cross")
            .setBacktest(BacktestSettings.getDefaultInstance())
            .setParallelization(Parallelization.getDefaultInstance())
            .build();
    assertThat(JobSpecProtos.fromProto(minimal))
        .isEqualTo(JobSpecs.parseYaml("data: {synthetic: {}}\nstrategy: sma-cross\n"));
    // an explicit false or zero is not a default
    dev.alphapulse.api.grpc.JobSpec explicit =
        minimal.toBuilder()
            .setBacktest(BacktestSettings.newBuilder().setFinalizeTrades(false).setSpread(0))
            .setMaxRetries(0)
            .setSeed(0)
            .setData(DataSpec.newBuilder().setSynthetic(SyntheticData.newBuilder().setSeed(0)))
            .build();
    assertThat(JobSpecProtos.fromProto(explicit))
        .isEqualTo(
            JobSpecs.parseYaml(
                "data: {synthetic: {seed: 0}}\nstrategy: sma-cross\n"
                    + "backtest: {finalize-trades: false, spread: 0}\nmax-retries: 0\nseed: 0\n"));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        ISSUE_EXAMPLE,
        "data: {synthetic: {}}\nstrategy: sma-cross\n",
        "type: backtest\ndata: {path: data/GOOG.csv}\nstrategy: sma-cross\nparams: {fast: 10}\n",
        "type: sweep\ndata: {path: data, symbols: [AAPL, MSFT]}\nstrategy: rsi\n"
            + "params: {period: [7, 14], upper: {range: [60, 80, 2.5]}}\n"
            + "backtest: {cash: 25000.5, commission: \"10+0.001\", spread: 0.0002, margin: 0.5,"
            + " fill: close, finalize-trades: false}\n"
            + "parallelization: {strategy: symbol-based, chunk-size: auto}\n"
            + "max-retries: 0\ncheckpoint-interval: 7\nseed: -3\n",
        "type: backtest\ndata: {synthetic: {symbols: 2, bars: 3000, seed: 11}}\n"
            + "strategy: sma-cross\nparams: {fast: 10, slow: 40}\n"
            + "parallelization: {strategy: TIME_BASED, chunk-size: 500}\n",
        "data: {synthetic: {symbols: 1}}\nstrategy: sma-cross\n"
            + "backtest: {commission: 1.0e-4}\n"
      })
  void a_job_spec_survives_the_round_trip_through_its_message(String yaml) {
    JobSpec spec = JobSpecs.parseYaml(yaml);
    assertThat(JobSpecProtos.fromProto(JobSpecProtos.toProto(spec))).isEqualTo(spec);
  }

  @Test
  void bad_messages_name_the_same_field_as_bad_yaml() {
    assertField(
        m ->
            m.setParams(
                0,
                ParamValues.newBuilder()
                    .setName("fast")
                    .setRange(Range.newBuilder().setFrom(50).setTo(5).setStep(1))),
        "params.fast.range",
        "inverted");
    assertField(
        m -> m.setParams(0, ParamValues.newBuilder().setName("fast")), "params.fast", "no value");
    assertField(
        m ->
            m.setParams(
                0,
                ParamValues.newBuilder().setName("fast").setList(NumberList.getDefaultInstance())),
        "params.fast",
        "empty");
    assertField(
        m -> m.addParams(ParamValues.newBuilder().setName("slow").setList(listOf(30))),
        "params.slow",
        "given twice");
    assertField(
        m -> m.setParallelization(Parallelization.newBuilder().setChunkSize("0")),
        "parallelization.chunk-size",
        "was 0");
    assertField(
        m -> m.setParallelization(Parallelization.newBuilder().setStrategy("RANDOM")),
        "parallelization.strategy",
        "unknown strategy 'RANDOM'");
    assertField(
        m -> m.setBacktest(BacktestSettings.newBuilder().setCommission("abc")),
        "backtest.commission",
        "'abc' is not a rate");
    assertField(
        m -> m.setBacktest(BacktestSettings.newBuilder().setCash(Double.NaN)), "backtest.cash", "");
    assertField(m -> m.clearData(), "data", "is missing");
    assertField(m -> m.setData(DataSpec.getDefaultInstance()), "data", "neither");
    assertField(
        m -> m.setData(DataSpec.newBuilder().setPath(FileData.newBuilder().setPath(""))),
        "data.path",
        "");
    assertField(
        m -> m.setData(DataSpec.newBuilder().setSynthetic(SyntheticData.newBuilder().setBars(1))),
        "data.synthetic.bars",
        ">= 2");
    assertField(m -> m.setType("optimise"), "type", "unknown job type 'optimise'");
    assertField(m -> m.setStrategy(""), "strategy", "is missing");
    assertField(m -> m.setCheckpointInterval(0), "checkpoint-interval", ">= 1");
  }

  private static NumberList listOf(double... values) {
    NumberList.Builder b = NumberList.newBuilder();
    for (double v : values) {
      b.addValues(v);
    }
    return b.build();
  }

  private static void assertField(
      UnaryOperator<dev.alphapulse.api.grpc.JobSpec.Builder> change, String field, String problem) {
    dev.alphapulse.api.grpc.JobSpec bad = change.apply(issueExampleMessage().toBuilder()).build();
    JobSpecException e =
        catchThrowableOfType(JobSpecException.class, () -> JobSpecProtos.fromProto(bad));
    assertThat(e).as(field).isNotNull();
    assertThat(e.field()).isEqualTo(field);
    assertThat(e.getMessage()).startsWith(field + ": ").contains(problem);
  }
}
