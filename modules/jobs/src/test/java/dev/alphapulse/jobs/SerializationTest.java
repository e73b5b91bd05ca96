package dev.alphapulse.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.alphapulse.engine.data.Universe;
import dev.alphapulse.engine.indicator.IndicatorCache;
import dev.alphapulse.engine.strategy.StrategyRegistry;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The values that travel and are persisted are plain records: a default Jackson {@link
 * ObjectMapper} writes them as JSON and reads back equal values (NaN statistics and prices
 * included, as Jackson's default {@code "NaN"} strings).
 */
class SerializationTest {
  static final ObjectMapper JSON = new ObjectMapper();
  static final StrategyRegistry REGISTRY = StrategyRegistry.load();

  static <T> T roundTrip(T value, Class<T> type) throws Exception {
    String json = JSON.writeValueAsString(value);
    return JSON.readValue(json, type);
  }

  @Test
  void specsAndPlans() throws Exception {
    JobSpec example = JobSpecs.parseYaml(JobSpecsParseTest.EXAMPLE);
    assertThat(roundTrip(example, JobSpec.class)).isEqualTo(example);
    assertThat(JSON.writeValueAsString(example.data())).contains("\"kind\":\"synthetic\"");
    JobSpec files =
        JobSpecs.parseYaml(
            """
            type: sweep
            data: {path: /data/sp500, symbols: [AAPL, MSFT]}
            strategy: mean-reversion
            params: {window: 20, entry: {range: [1.5, 2.5, 0.5]}, exit: [0.25, 0.5]}
            backtest: {commission: "10+0.01", fill: close, margin: 0.5}
            parallelization: {strategy: SYMBOL_BASED, chunk-size: auto}
            """);
    assertThat(roundTrip(files, JobSpec.class)).isEqualTo(files);

    JobPlan plan = ChunkExecutorTest.plan(ChunkExecutorTest.SWEEP, "{chunk-size: 2}");
    assertThat(roundTrip(plan, JobPlan.class)).isEqualTo(plan);
  }

  @Test
  void chunkResultsWithRunsAndWithSegments() throws Exception {
    JobPlan plan = ChunkExecutorTest.plan(ChunkExecutorTest.SWEEP, "{chunk-size: 2}");
    ChunkResult runs =
        ChunkExecutor.execute(
            plan, plan.chunk(0), ChunkExecutorTest.UNIVERSE, new IndicatorCache(), REGISTRY);
    assertThat(runs.runs().get(0).stats().values()).anyMatch(v -> v.isNaN() || v >= 0);
    assertThat(roundTrip(runs, ChunkResult.class)).isEqualTo(runs);

    Universe goog = Universe.of(TestData.goog());
    JobPlan time =
        TimeStitcherTest.plan(
            goog,
            "strategy: random-trader\nparams: {seed: 4, warm: 1, rate: 0.3}",
            "backtest: {fill: close}",
            500);
    ChunkResult segment =
        ChunkExecutor.execute(time, time.chunk(0), goog, new IndicatorCache(), REGISTRY);
    assertThat(segment.segment().trades()).isNotEmpty();
    assertThat(segment.segment().trades())
        .anyMatch(t -> Double.isNaN(t.stopLoss()) || Double.isNaN(t.takeProfit()));
    assertThat(roundTrip(segment, ChunkResult.class)).isEqualTo(segment);
    ChunkResult deferred =
        ChunkExecutor.execute(time, time.chunk(2), goog, new IndicatorCache(), REGISTRY);
    assertThat(deferred.segment().computed()).isFalse();
    assertThat(roundTrip(deferred, ChunkResult.class)).isEqualTo(deferred);
  }

  @Test
  void aJobResultTravelsAsItsChunks() throws Exception {
    JobPlan plan = ChunkExecutorTest.plan(ChunkExecutorTest.SWEEP, "{chunk-size: 4}");
    JobResult r = JobResult.empty(plan);
    for (ChunkSpec c : plan.chunks().subList(0, 2)) {
      r =
          r.with(
              ChunkExecutor.execute(
                  plan, c, ChunkExecutorTest.UNIVERSE, new IndicatorCache(), REGISTRY));
    }
    ChunkResult[] back = JSON.readValue(JSON.writeValueAsString(r.chunks()), ChunkResult[].class);
    assertThat(JobResult.of(r.totalChunks(), List.of(back))).isEqualTo(r);
  }
}
