package dev.alphapulse.jobs.research;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.alphapulse.engine.data.Universe;
import dev.alphapulse.engine.strategy.StrategyRegistry;
import dev.alphapulse.jobs.BacktestSettings;
import dev.alphapulse.jobs.DataSpec;
import dev.alphapulse.jobs.research.ParallelStrategyRunner.Mode;
import dev.alphapulse.jobs.research.ParallelStrategyRunner.Request;
import dev.alphapulse.jobs.research.ParallelStrategyRunner.Result;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ParallelStrategyRunnerTest {
  static final StrategyRegistry REGISTRY = StrategyRegistry.load();
  static final Universe DATA = new DataSpec.Synthetic(2, 800, 3).generate();

  static List<Request> requests() {
    List<Request> r = new ArrayList<>();
    r.add(new Request("sma-cross", Map.of("fast", 10, "slow", 30), DATA, 0));
    r.add(new Request("sma-cross", Map.of("fast", 5, "slow", 50), DATA, 7));
    r.add(new Request("breakout", Map.of("period", 20), DATA, 3, List.of("SYN01")));
    r.add(new Request("rsi", Map.of(), DATA, 7));
    r.add(new Request("momentum", Map.of("lookback", 30, "top-n", 1), DATA, -1));
    r.add(new Request("mean-reversion", Map.of("window", 15), DATA, 3));
    return r;
  }

  static ParallelStrategyRunner.Builder builder() {
    return ParallelStrategyRunner.builder(REGISTRY)
        .settings(
            new BacktestSettings(10_000, 0, 0.001, 0, 1, BacktestSettings.defaults().fill(), true));
  }

  @Test
  void runsByPriorityThenSubmissionOrder() {
    List<String> order = Collections.synchronizedList(new ArrayList<>());
    ParallelStrategyRunner runner =
        builder()
            .backtester(
                (req, params, cache) -> {
                  order.add(req.strategy() + params.values());
                  return Map.of("Sharpe Ratio", (double) req.priority());
                })
            .build();
    runner.submitAll(requests());
    runner.run();
    assertEquals(
        List.of(
            "sma-cross{fast=5, slow=50}",
            "rsi{lower=30.0, period=14, upper=70.0}",
            "breakout{period=20}",
            "mean-reversion{entry=2.0, exit=0.5, window=15}",
            "sma-cross{fast=10, slow=30}",
            "momentum{lookback=30, rebalance=21, top-n=1}"),
        order);
    // results in submission order
    List<Result> results = runner.getResults();
    for (int i = 0; i < results.size(); i++) {
      assertEquals(i, results.get(i).id());
    }
    // one worker thread dispatches in the same order
    order.clear();
    ParallelStrategyRunner threads =
        builder()
            .mode(Mode.LOCAL_THREADS)
            .maxWorkers(1)
            .backtester(
                (req, params, cache) -> {
                  order.add(req.strategy() + params.values());
                  return Map.of();
                })
            .build();
    threads.submitAll(requests());
    threads.run();
    assertEquals("sma-cross{fast=5, slow=50}", order.get(0));
    assertEquals("momentum{lookback=30, rebalance=21, top-n=1}", order.get(5));
  }

  @Test
  void failedRunsAreRetriedThenReported() {
    Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();
    ParallelStrategyRunner runner =
        builder()
            .mode(Mode.LOCAL_THREADS)
            .maxWorkers(3)
            .maxAttempts(3)
            .backtester(
                (req, params, cache) -> {
                  int n =
                      calls
                          .computeIfAbsent(req.strategy(), k -> new AtomicInteger())
                          .incrementAndGet();
                  if (req.strategy().equals("rsi") && n < 3) {
                    throw new IllegalStateException("flaky " + n);
                  }
                  if (req.strategy().equals("breakout")) {
                    throw new IllegalStateException("always");
                  }
                  return Map.of("x", 1.0);
                })
            .build();
    runner.submitAll(requests());
    runner.run();
    assertEquals(5, runner.getResults().size());
    assertEquals(1, runner.getFailures().size());
    var f = runner.getFailures().get(0);
    assertEquals(2, f.id());
    assertEquals(3, f.attempts());
    assertTrue(f.error().contains("always"));
    Result rsi = runner.getResults().stream().filter(r -> r.id() == 3).findFirst().orElseThrow();
    assertEquals(3, rsi.attempts());
    assertEquals(3 + 3 + 4, runner.executedBacktests());
    // a failure is not cached: a rerun tries it again
    runner.submitAll(requests());
    runner.run();
    assertEquals(5, runner.cacheHits());
    assertEquals(2, runner.getFailures().size());
  }

  @Test
  void aRerunIsServedFromTheCache() {
    ParallelStrategyRunner.InMemoryCache cache = new ParallelStrategyRunner.InMemoryCache();
    ParallelStrategyRunner first = builder().cache(cache).build();
    first.submitAll(requests());
    first.run();
    assertEquals(6, first.executedBacktests());
    assertEquals(6, cache.size());

    ParallelStrategyRunner second =
        builder().cache(cache).mode(Mode.LOCAL_THREADS).maxWorkers(2).build();
    second.submitAll(requests());
    second.run();
    assertEquals(0, second.executedBacktests());
    assertEquals(6, second.cacheHits());
    for (int i = 0; i < 6; i++) {
      assertTrue(second.getResults().get(i).cached());
      assertEquals(first.getResults().get(i).stats(), second.getResults().get(i).stats());
    }
    // defaults are part of the key: omitting a default value hits the same entry
    second.submit(new Request("rsi", Map.of("period", 14), DATA, 0));
    second.run();
    assertEquals(0, second.executedBacktests());
    // another engine version, other settings or other data miss
    ParallelStrategyRunner other = builder().cache(cache).engineVersion("engine-2").build();
    other.submit(requests().get(0));
    other.run();
    assertEquals(1, other.executedBacktests());
    var r = requests().get(0);
    var p = REGISTRY.get("sma-cross").resolve(r.params());
    assertNotEquals(
        builder().build().cacheKey(r, p),
        ParallelStrategyRunner.builder(REGISTRY).build().cacheKey(r, p));
    Universe shifted = new DataSpec.Synthetic(2, 800, 4).generate();
    assertNotEquals(
        builder().build().cacheKey(r, p),
        builder().build().cacheKey(new Request("sma-cross", r.params(), shifted, 0), p));
  }

  @Test
  void threadsGiveWhatSequentialGives() {
    ParallelStrategyRunner seq = builder().build();
    seq.submitAll(requests());
    seq.run();
    ParallelStrategyRunner par = builder().mode(Mode.LOCAL_THREADS).maxWorkers(4).build();
    par.submitAll(requests());
    par.run();
    assertEquals(6, par.executedBacktests());
    assertEquals(seq.getResults(), par.getResults());
    assertTrue(seq.getResults().get(0).stats().containsKey("Sharpe Ratio"));
  }

  @Test
  void theBatchProcessorFeedsBatchesInPriorityOrder() {
    List<String> order = Collections.synchronizedList(new ArrayList<>());
    ParallelStrategyRunner runner =
        builder()
            .mode(Mode.LOCAL_THREADS)
            .maxWorkers(2)
            .backtester(
                (req, params, cache) -> {
                  order.add(req.strategy());
                  return Map.of("p", (double) req.priority());
                })
            .build();
    List<StrategyBatchProcessor.BatchReport> seen = new ArrayList<>();
    List<StrategyBatchProcessor.BatchReport> reports =
        new StrategyBatchProcessor(runner, 4, seen::add).process(requests());
    assertEquals(2, reports.size());
    assertEquals(reports, seen);
    assertEquals(4, reports.get(0).requests());
    assertEquals(4, reports.get(0).executed());
    assertEquals(2, reports.get(1).completed());
    assertEquals(6, runner.getResults().size());
    // the first batch holds the four highest priorities
    assertEquals(
        List.of("breakout", "mean-reversion", "rsi", "sma-cross"),
        order.subList(0, 4).stream().sorted().toList());
    // a second pass is all cache hits
    List<StrategyBatchProcessor.BatchReport> again =
        new StrategyBatchProcessor(runner, 5).process(requests());
    assertEquals(0, again.get(0).executed() + again.get(1).executed());
    assertEquals(6, again.get(0).cacheHits() + again.get(1).cacheHits());
    assertThrows(IllegalArgumentException.class, () -> new StrategyBatchProcessor(runner, 0));
    assertThrows(
        IllegalArgumentException.class,
        () -> runner.submit(new Request("sma-cross", Map.of("fast", 0), DATA, 0)));
  }
}
