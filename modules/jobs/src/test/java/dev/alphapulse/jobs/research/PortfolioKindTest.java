package dev.alphapulse.jobs.research;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.alphapulse.engine.data.Universe;
import dev.alphapulse.engine.strategy.StrategyRegistry;
import dev.alphapulse.jobs.ChunkExecutor;
import dev.alphapulse.jobs.DataSpec;
import dev.alphapulse.jobs.DatasetFingerprint;
import dev.alphapulse.jobs.DatasetRef;
import dev.alphapulse.jobs.JobSpec;
import dev.alphapulse.jobs.JobSpecException;
import dev.alphapulse.jobs.JobSpecs;
import dev.alphapulse.research.portfolio.Allocation;
import dev.alphapulse.research.portfolio.CoMoments;
import dev.alphapulse.research.portfolio.PortfolioBacktest;
import dev.alphapulse.research.portfolio.PortfolioResult;
import dev.alphapulse.research.portfolio.SleeveSpec;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class PortfolioKindTest {
  static final StrategyRegistry REGISTRY = StrategyRegistry.load();
  static final Universe UNIVERSE = new DataSpec.Synthetic(3, 2600, 17).generate();
  static final DatasetRef REF = DatasetFingerprint.ref("synthetic:3x2600:17", UNIVERSE);

  static final String HEAD =
      "type: portfolio\n"
          + "data: {synthetic: {symbols: 3, bars: 2600, seed: 17}}\n"
          + "backtest: {cash: 10000, commission: 0.001}\n";

  static final String PORTFOLIO =
      HEAD
          + "portfolio:\n"
          + "  sleeves:\n"
          + "    - {strategy: sma-cross, params: {fast: 10, slow: 30}, symbols: [SYN00]}\n"
          + "    - {strategy: sma-cross, params: {fast: 20, slow: 80}}\n"
          + "    - {name: rotation, strategy: momentum, params: {lookback: 40, top-n: 1}}\n"
          + "  allocation: risk-parity\n"
          + "  rebalance: 21\n"
          + "  lookback: 63\n"
          + "  capital: 50000\n";

  static JobSpecException reject(String section) {
    JobSpec spec = JobSpecs.parseYaml(HEAD + section);
    return assertThrows(JobSpecException.class, () -> ResearchJobs.kind(spec, REF, REGISTRY));
  }

  @Test
  void badSpecsNameTheField() {
    String two = "  sleeves:\n    - {strategy: sma-cross}\n    - {strategy: breakout}\n";
    assertEquals(
        "portfolio.sleeves[1].strategy",
        reject("portfolio:\n  sleeves:\n    - {strategy: sma-cross}\n    - {strategy: x}\n")
            .field());
    assertEquals(
        "portfolio.sleeves[0].params.slow",
        reject("portfolio:\n  sleeves:\n    - {strategy: sma-cross, params: {slow: 1}}\n").field());
    assertEquals(
        "portfolio.sleeves[0].symbols[0]",
        reject("portfolio:\n  sleeves:\n    - {strategy: sma-cross, symbols: [ZZZ]}\n").field());
    assertEquals(
        "portfolio.allocation", reject("portfolio:\n" + two + "  allocation: magic\n").field());
    assertEquals(
        "portfolio.weights",
        reject("portfolio:\n" + two + "  allocation: fixed, weights: [1]\n".replace(", ", "\n  "))
            .field());
    assertEquals(
        "portfolio.weights",
        reject("portfolio:\n" + two + "  allocation: equal\n  weights: [1, 1]\n").field());
    assertEquals(
        "portfolio.weights", reject("portfolio:\n" + two + "  weights: [-1, 2]\n").field());
    assertEquals("portfolio.lookback", reject("portfolio:\n" + two + "  lookback: 1\n").field());
    assertEquals("portfolio.rebalance", reject("portfolio:\n" + two + "  rebalance: -1\n").field());
    assertEquals("portfolio.capital", reject("portfolio:\n" + two + "  capital: 0\n").field());
    assertEquals(
        "portfolio.sleeves[1].name",
        reject(
                "portfolio:\n  sleeves:\n    - {name: a, strategy: rsi}\n"
                    + "    - {name: a, strategy: rsi}\n")
            .field());
  }

  @Test
  void endToEndEqualsTheOneNodePortfolioBacktest() throws Exception {
    JobSpec spec = JobSpecs.parseYaml(PORTFOLIO);
    JobSpecs.validate(spec, REGISTRY);
    ResearchKind kind = ResearchJobs.kind(spec, REF, REGISTRY);
    assertEquals(3, kind.driver().knownChunks());
    SortedMap<Integer, String> payloads = BatchKindTest.runAll(kind, UNIVERSE);
    ObjectNode result = kind.assemble(payloads, new TreeMap<>(), UNIVERSE);
    assertEquals("complete", result.get("status").asText());

    PortfolioResult ref =
        PortfolioBacktest.run(
            UNIVERSE,
            List.of(
                new SleeveSpec("a", "sma-cross", Map.of("fast", 10, "slow", 30), List.of("SYN00")),
                SleeveSpec.of("b", "sma-cross", Map.of("fast", 20, "slow", 80)),
                SleeveSpec.of("c", "momentum", Map.of("lookback", 40, "top-n", 1))),
            Allocation.riskParity(),
            21,
            63,
            spec.backtest().toConfig().withCash(50_000),
            ChunkExecutor.CONVENTION,
            REGISTRY);
    JsonNode p = result.get("portfolio");
    assertEquals(
        List.of("sma-cross#0", "sma-cross#1", "rotation"),
        List.of(
            p.get("sleeves").get(0).asText(),
            p.get("sleeves").get(1).asText(),
            p.get("sleeves").get(2).asText()));
    // the statistics are those of the one-node backtest, bit for bit
    ref.statistics()
        .values()
        .forEach(
            (k, v) -> {
              if (!Double.isNaN(v)) {
                assertEquals(v, p.get("statistics").get(k).asDouble(), k);
              }
            });
    assertEquals(ref.schedule().size(), p.get("schedule").size());
    for (int j = 0; j < ref.schedule().size(); j++) {
      JsonNode e = p.get("schedule").get(j);
      assertEquals(ref.schedule().get(j).bar(), e.get("bar").asInt());
      assertEquals(ref.schedule().get(j).warmup(), e.get("warmup").asBoolean());
      for (int i = 0; i < 3; i++) {
        assertEquals(ref.schedule().get(j).weight(i), e.get("weights").get(i).asDouble());
      }
    }
    assertTrue(p.get("schedule").get(0).get("warmup").asBoolean());
    assertTrue(!p.get("schedule").get(5).get("warmup").asBoolean());
    // the block-merged co-moments agree with one pass over all rows
    JsonNode corr = p.get("correlation");
    assertEquals(UNIVERSE.size() - 1, corr.get("rows").asInt());
    assertEquals((UNIVERSE.size() - 1 + 255) / 256, corr.get("blocks").asInt());
    double[][] onePass = CoMoments.of(ref.sleeveReturns(), 1, UNIVERSE.size()).correlation();
    for (int i = 0; i < 3; i++) {
      for (int j = 0; j < 3; j++) {
        assertEquals(onePass[i][j], corr.get("matrix").get(i).get(j).asDouble(), 1e-12);
        assertEquals(ref.correlation()[i][j], corr.get("matrix").get(i).get(j).asDouble(), 1e-12);
      }
    }
    assertEquals(ref.diversificationRatio(), p.get("diversificationRatio").asDouble(), 1e-12);
    assertTrue(p.get("diversificationRatio").asDouble() >= 1);
    // the curve is downsampled to at most 2000 points, keeping the first and last bar exactly
    JsonNode eq = p.get("equity");
    assertEquals(2, eq.get("stride").asInt());
    assertTrue(eq.get("points").asInt() <= PortfolioKind.MAX_POINTS);
    double[] refEq = ref.equity();
    assertEquals(refEq[0], eq.get("value").get(0).asDouble());
    assertEquals(
        refEq[refEq.length - 1], eq.get("value").get(eq.get("points").asInt() - 1).asDouble());
    assertEquals(
        UNIVERSE.calendar()[UNIVERSE.size() - 1],
        eq.get("time").get(eq.get("points").asInt() - 1).asLong());
    // sleeve statistics and universe summaries
    assertEquals(
        ref.sleeveStatistics().get("c").values().get("Sharpe Ratio"),
        result.get("sleeves").get(2).get("stats").get("Sharpe Ratio").asDouble());
    JsonNode sym = result.get("symbols").get("SYN01");
    assertEquals(UNIVERSE.size() - 1, sym.get("count").asInt());
    assertTrue(sym.get("std").asDouble() > 0);

    for (long seed = 1; seed <= 3; seed++) {
      assertEquals(
          Json.write(result),
          Json.write(
              kind.assemble(BatchKindTest.shuffled(payloads, seed), new TreeMap<>(), UNIVERSE)));
    }

    JobSpec ex =
        JobSpecs.parseYaml(
            Files.readString(BatchKindTest.repoRoot().resolve("examples/portfolio.yaml")));
    JobSpecs.validate(ex, REGISTRY);
  }

  @Test
  void aFailedSleeveIsLeftOutAndFixedWeightsRenormalised() {
    JobSpec spec =
        JobSpecs.parseYaml(
            HEAD
                + "portfolio:\n"
                + "  sleeves:\n"
                + "    - {strategy: sma-cross}\n"
                + "    - {strategy: breakout}\n"
                + "    - {strategy: rsi}\n"
                + "  weights: [2, 1, 1]\n"
                + "  rebalance: 0\n");
    ResearchKind kind = ResearchJobs.kind(spec, REF, REGISTRY);
    SortedMap<Integer, String> payloads = BatchKindTest.runAll(kind, UNIVERSE);
    ObjectNode pending =
        kind.assemble(new TreeMap<>(Map.of(0, payloads.get(0))), new TreeMap<>(), UNIVERSE);
    assertEquals("pending", pending.get("status").asText());
    assertTrue(pending.get("portfolio").isNull());
    payloads.remove(1);
    ObjectNode result = kind.assemble(payloads, new TreeMap<>(Map.of(1, "boom")), UNIVERSE);
    assertEquals("partial", result.get("status").asText());
    assertEquals("fixed", result.get("allocation").asText());
    assertEquals("breakout", result.get("failures").get(0).get("name").asText());
    JsonNode s = result.get("portfolio").get("schedule");
    assertEquals(1, s.size());
    assertArrayEquals(
        new double[] {2.0 / 3, 1.0 / 3},
        new double[] {
          s.get(0).get("weights").get(0).asDouble(), s.get(0).get("weights").get(1).asDouble()
        },
        1e-15);
  }
}
