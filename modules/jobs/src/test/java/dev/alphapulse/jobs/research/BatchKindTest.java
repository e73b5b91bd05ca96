package dev.alphapulse.jobs.research;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.alphapulse.engine.backtest.Backtest;
import dev.alphapulse.engine.data.Universe;
import dev.alphapulse.engine.indicator.IndicatorCache;
import dev.alphapulse.engine.metrics.Metrics;
import dev.alphapulse.engine.strategy.StrategyRegistry;
import dev.alphapulse.jobs.ChunkExecutor;
import dev.alphapulse.jobs.DataSpec;
import dev.alphapulse.jobs.DatasetFingerprint;
import dev.alphapulse.jobs.DatasetRef;
import dev.alphapulse.jobs.JobSpec;
import dev.alphapulse.jobs.JobSpecException;
import dev.alphapulse.jobs.JobSpecs;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.SortedMap;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class BatchKindTest {
  static final StrategyRegistry REGISTRY = StrategyRegistry.load();
  static final Universe UNIVERSE = new DataSpec.Synthetic(2, 700, 5).generate();
  static final DatasetRef REF = DatasetFingerprint.ref("synthetic:2x700:5", UNIVERSE);

  static final String HEAD =
      "type: batch\n"
          + "data: {synthetic: {symbols: 2, bars: 700, seed: 5}}\n"
          + "backtest: {cash: 10000, commission: 0.001}\n"
          + "seed: 9\n";

  static final String BATCH =
      HEAD
          + "batch:\n"
          + "  runs:\n"
          + "    - {strategy: sma-cross, params: {fast: 10, slow: 30}, priority: 1}\n"
          + "    - {strategy: sma-cross, params: {fast: 5, slow: 60}, priority: 5}\n"
          + "    - {strategy: breakout, params: {period: 20}}\n"
          + "    - {strategy: rsi, symbols: ["
          + UNIVERSE.symbol(1)
          + "], priority: 5}\n"
          + "    - {strategy: momentum, params: {lookback: 20, top-n: 1}}\n"
          + "  aggregate: {Sharpe Ratio: mean, 'Return [%]': median, '# Trades': sum}\n"
          + "  confidence: 0.9\n"
          + "  runs-per-chunk: 2\n";

  static JobSpecException reject(String batchSection) {
    JobSpec spec = JobSpecs.parseYaml(HEAD + batchSection);
    return assertThrows(JobSpecException.class, () -> ResearchJobs.kind(spec, REF, REGISTRY));
  }

  @Test
  void badSpecsNameTheField() {
    String ok = "    - {strategy: sma-cross}\n";
    assertEquals(
        "batch.runs[1].strategy",
        reject("batch:\n  runs:\n" + ok + "    - {strategy: nope}\n").field());
    JobSpecException e =
        reject("batch:\n  runs:\n" + ok + ok + "    - {strategy: sma-cross, params: {fast: 0}}\n");
    assertEquals("batch.runs[2].params.fast", e.field());
    assertTrue(e.getMessage().contains("0"), e.getMessage());
    assertEquals(
        "batch.runs[0].params.fastt",
        reject("batch:\n  runs:\n    - {strategy: sma-cross, params: {fastt: 3}}\n").field());
    assertEquals(
        "batch.runs[0].params",
        reject("batch:\n  runs:\n    - {strategy: sma-cross, params: {fast: 50, slow: 20}}\n")
            .field());
    assertEquals(
        "batch.runs[0].symbols[0]",
        reject("batch:\n  runs:\n    - {strategy: sma-cross, symbols: [NOPE]}\n").field());
    assertEquals(
        "batch.runs[0].priority",
        reject("batch:\n  runs:\n    - {strategy: sma-cross, priority: high}\n").field());
    assertEquals(
        "batch.aggregate.Sharpe Ratio",
        reject("batch:\n  runs:\n" + ok + "  aggregate: {Sharpe Ratio: average}\n").field());
    assertEquals(
        "batch.aggregate.Sharp",
        reject("batch:\n  runs:\n" + ok + "  aggregate: {Sharp: mean}\n").field());
    assertEquals(
        "batch.confidence", reject("batch:\n  runs:\n" + ok + "  confidence: 1.5\n").field());
    assertEquals("batch.runs", reject("batch:\n  runs: []\n").field());
    assertEquals("batch.rns", reject("batch:\n  rns: []\n").field());
    // the pre-check without data knows nothing of symbols
    ResearchJobs.check(
        JobSpecs.parseYaml(HEAD + "batch:\n  runs:\n    - {strategy: rsi, symbols: [NOPE]}\n"),
        REGISTRY);
  }

  /** Runs every chunk of the kind's driver on the universe. */
  static SortedMap<Integer, String> runAll(ResearchKind kind, Universe universe) {
    ResearchDriver d = kind.driver();
    assertTrue(d.isFinished());
    SortedMap<Integer, String> payloads = new TreeMap<>();
    for (int c = 0; c < d.knownChunks(); c++) {
      String payload = kind.execute(d.task(c), universe);
      d.completed(c, payload);
      payloads.put(c, payload);
    }
    return payloads;
  }

  /** The same payloads inserted in a shuffled order. */
  static SortedMap<Integer, String> shuffled(SortedMap<Integer, String> payloads, long seed) {
    List<Integer> ids = new ArrayList<>(payloads.keySet());
    Collections.shuffle(ids, new Random(seed));
    SortedMap<Integer, String> m = new TreeMap<>();
    for (int id : ids) {
      m.put(id, payloads.get(id));
    }
    return m;
  }

  @Test
  void endToEnd() throws Exception {
    JobSpec spec = JobSpecs.parseYaml(BATCH);
    JobSpecs.validate(spec, REGISTRY);
    ResearchKind kind = ResearchJobs.kind(spec, REF, REGISTRY);
    ResearchDriver d = kind.driver();
    assertEquals(3, d.knownChunks());
    // priority order: runs 1 and 3 (priority 5, file order), then run 0, then 2 and 4
    assertEquals(List.of(1, 3), indices(d.task(0)));
    assertEquals(List.of(0, 2), indices(d.task(1)));
    assertEquals(List.of(4), indices(d.task(2)));

    SortedMap<Integer, String> payloads = runAll(kind, UNIVERSE);
    ObjectNode result = kind.assemble(payloads, new TreeMap<>(), UNIVERSE);
    assertEquals(5, result.get("completed").asInt());
    assertEquals(0, result.get("failed").asInt());
    JsonNode results = result.get("results");
    for (int i = 0; i < 5; i++) {
      assertEquals(i, results.get(i).get("index").asInt());
      assertEquals("ok", results.get(i).get("status").asText());
    }
    // a run's statistics are those of the engine on the same data
    var single = Universe.of(UNIVERSE.series(1));
    var r =
        Backtest.run(
            single,
            REGISTRY.get("rsi").create(REGISTRY.get("rsi").defaults()),
            spec.backtest().toConfig(),
            new IndicatorCache());
    double sharpe = Metrics.compute(r, ChunkExecutor.CONVENTION).values().get("Sharpe Ratio");
    assertEquals(sharpe, results.get(3).get("stats").get("Sharpe Ratio").asDouble());
    assertEquals(5, results.get(1).get("priority").asInt());
    assertEquals(5, results.get(1).get("params").get("fast").asInt());

    JsonNode agg = result.get("aggregate").get("Sharpe Ratio");
    assertEquals("mean", agg.get("method").asText());
    assertEquals(5, agg.get("n").asInt());
    JsonNode t = agg.get("meanConfidence").get("t");
    assertTrue(t.get("lower").asDouble() <= agg.get("value").asDouble());
    assertTrue(t.get("upper").asDouble() >= agg.get("value").asDouble());
    assertEquals(0.9, t.get("level").asDouble());
    assertFalse(agg.get("meanConfidence").get("bootstrap").isNull());
    assertEquals("median", result.get("aggregate").get("Return [%]").get("method").asText());

    double best = Double.NEGATIVE_INFINITY;
    for (JsonNode n : results) {
      best = Math.max(best, n.get("stats").get("Sharpe Ratio").asDouble());
    }
    assertEquals(best, result.get("best").get("value").asDouble());
    JsonNode of = result.get("overfitting");
    assertEquals(5, of.get("trials").asInt());
    assertEquals(5, of.get("trialsUsed").asInt());
    assertFalse(of.get("deflatedSharpe").isNull());

    // any arrival order gives the same JSON
    for (long seed = 1; seed <= 3; seed++) {
      assertEquals(
          Json.write(result),
          Json.write(kind.assemble(shuffled(payloads, seed), new TreeMap<>(), UNIVERSE)));
    }

    // the example file is a valid batch job
    Path example = repoRoot().resolve("examples/batch.yaml");
    JobSpec ex = JobSpecs.parseYaml(Files.readString(example));
    JobSpecs.validate(ex, REGISTRY);
  }

  @Test
  void aGivenUpChunkListsItsRunsAsFailures() {
    ResearchKind kind = ResearchJobs.kind(JobSpecs.parseYaml(BATCH), REF, REGISTRY);
    SortedMap<Integer, String> payloads = runAll(kind, UNIVERSE);
    payloads.remove(1);
    SortedMap<Integer, String> failures = new TreeMap<>(Map.of(1, "node lost"));
    ObjectNode result = kind.assemble(payloads, failures, UNIVERSE);
    assertEquals(3, result.get("completed").asInt());
    assertEquals(2, result.get("failed").asInt());
    assertEquals(0, result.get("failures").get(0).get("index").asInt());
    assertEquals(2, result.get("failures").get(1).get("index").asInt());
    assertTrue(result.get("failures").get(0).get("error").asText().contains("node lost"));
    assertEquals("failed", result.get("results").get(2).get("status").asText());
    assertEquals(3, result.get("aggregate").get("Sharpe Ratio").get("n").asInt());
    // without any payload the result is still well formed
    ObjectNode empty = kind.assemble(new TreeMap<>(), new TreeMap<>(), UNIVERSE);
    assertEquals(5, empty.get("pending").asInt());
    assertTrue(empty.get("best").isNull());
  }

  static List<Integer> indices(String task) {
    List<Integer> out = new ArrayList<>();
    Json.tree(task).get("runs").forEach(n -> out.add(n.get("index").asInt()));
    return out;
  }

  static Path repoRoot() {
    Path dir = Path.of("").toAbsolutePath();
    while (!Files.isDirectory(dir.resolve("examples"))) {
      dir = dir.getParent();
    }
    return dir;
  }
}
