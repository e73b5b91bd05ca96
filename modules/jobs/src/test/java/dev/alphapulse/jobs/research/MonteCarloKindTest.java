package dev.alphapulse.jobs.research;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.alphapulse.engine.data.Universe;
import dev.alphapulse.engine.strategy.StrategyRegistry;
import dev.alphapulse.jobs.DataSpec;
import dev.alphapulse.jobs.DatasetFingerprint;
import dev.alphapulse.jobs.DatasetRef;
import dev.alphapulse.jobs.JobSpecException;
import dev.alphapulse.jobs.JobSpecs;
import dev.alphapulse.research.montecarlo.FanChart;
import dev.alphapulse.research.montecarlo.MonteCarloModel;
import dev.alphapulse.research.montecarlo.MonteCarloSummary;
import dev.alphapulse.research.montecarlo.PathBatch;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.SortedMap;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class MonteCarloKindTest {
  static final StrategyRegistry REGISTRY = StrategyRegistry.load();
  static final Universe UNIVERSE = new DataSpec.Synthetic(2, 800, 5).generate();
  static final DatasetRef REF = DatasetFingerprint.ref("synthetic:2x800:5", UNIVERSE);

  static String yaml(String mc, String parallelization) {
    return """
        type: monte-carlo
        data: {synthetic: {symbols: 2, bars: 800, seed: 5}}
        strategy: sma-cross
        params: {fast: 10, slow: 30}
        backtest: {cash: 10000, commission: 0.001}
        seed: 42
        """
        + "parallelization: "
        + parallelization
        + "\nmonte-carlo: "
        + mc
        + "\n";
  }

  static MonteCarloKind kind(String mc, String parallelization) {
    return (MonteCarloKind)
        ResearchJobs.kind(JobSpecs.parseYaml(yaml(mc, parallelization)), REF, REGISTRY);
  }

  static ObjectNode runAll(ResearchKind kind) {
    ResearchDriver d = kind.driver();
    SortedMap<Integer, String> payloads = new TreeMap<>();
    for (int i = 0; i < d.knownChunks(); i++) {
      payloads.put(i, kind.execute(d.task(i), UNIVERSE));
      d.completed(i, payloads.get(i));
    }
    assertThat(d.isFinished()).isTrue();
    return kind.assemble(payloads, new TreeMap<>(), UNIVERSE);
  }

  @Test
  void oneChunkAndSevenUnevenShuffledChunksGiveTheSameBytes() {
    String mc = "{method: block-bootstrap, paths: 500, fan-paths: 20, percentiles: [1, 99]}";
    MonteCarloKind one = kind(mc, "{strategy: MONTE_CARLO, chunk-size: 500}");
    assertThat(one.driver().knownChunks()).isEqualTo(1);
    String whole = Json.write(runAll(one));

    MonteCarloKind seven = kind(mc, "{strategy: MONTE_CARLO, chunk-size: 500}");
    long[] cuts = {0, 13, 100, 101, 250, 300, 499, 500};
    List<String> payloads = new ArrayList<>();
    for (int i = 0; i + 1 < cuts.length; i++) {
      payloads.add(
          seven.execute(Json.write(new MonteCarloKind.Task(cuts[i], cuts[i + 1])), UNIVERSE));
    }
    Collections.shuffle(payloads, new Random(3));
    SortedMap<Integer, String> byId = new TreeMap<>();
    for (int i = 0; i < payloads.size(); i++) {
      byId.put(i, payloads.get(i));
    }
    String split = Json.write(seven.assemble(byId, new TreeMap<>(), UNIVERSE));
    assertThat(split).isEqualTo(whole);
  }

  @Test
  void endToEndMatchesTheLibrarySummaryAndFanChart() {
    MonteCarloKind k =
        kind(
            "{method: iid-bootstrap, paths: 300, steps: 100, fan-paths: 50, var-level: 0.9,"
                + " ruin-threshold: 0.8, percentiles: [25, 75], symbol: SYN01}",
            "{strategy: AUTO, chunk-size: 64}");
    assertThat(k.driver().knownChunks()).isEqualTo(5);
    ObjectNode r = runAll(k);
    assertThat(r.get("type").asText()).isEqualTo("monte-carlo");
    assertThat(r.get("method").asText()).isEqualTo("iid-bootstrap");
    assertThat(r.get("paths").asInt()).isEqualTo(300);
    assertThat(r.get("complete").asBoolean()).isTrue();
    assertThat(r.get("steps").asInt()).isEqualTo(100);
    assertThat(r.get("symbol").asText()).isEqualTo("SYN01");
    assertThat(r.get("base").has("Sharpe Ratio")).isTrue();

    MonteCarloKind.Inputs in = k.inputs(UNIVERSE);
    PathBatch all = MonteCarloModel.create(in.spec(), in.returns()).simulate(0, 300);
    MonteCarloSummary s = MonteCarloSummary.of(all, in.spec(), 0.9, 25, 75);
    assertThat(r.get("var").asDouble()).isEqualTo(s.valueAtRisk());
    assertThat(r.get("cvar").asDouble()).isEqualTo(s.conditionalValueAtRisk());
    assertThat(r.get("probabilityOfLoss").asDouble()).isEqualTo(s.probabilityOfLoss());
    assertThat(r.get("probabilityOfRuin").asDouble()).isEqualTo(s.probabilityOfRuin());
    assertThat(values(r.get("finalEquity").get("values")))
        .containsExactlyElementsOf(s.finalEquity().values());
    assertThat(values(r.get("sharpe").get("values")))
        .containsExactlyElementsOf(s.sharpe().values());
    assertThat(values(r.get("maxDrawdown").get("values")))
        .containsExactlyElementsOf(s.maxDrawdown().values());
    FanChart fan = FanChart.of(all, 25, 75);
    JsonNode f = r.get("fan");
    assertThat(f.get("points").asInt()).isEqualTo(101);
    assertThat(f.get("paths").asInt()).isEqualTo(50);
    for (int j = 0; j < fan.percentiles().size(); j++) {
      double[] band = Json.MAPPER.convertValue(f.get("bands").get(j), double[].class);
      assertThat(band).containsExactly(fan.band(fan.percentiles().get(j)));
    }
  }

  private static List<Double> values(JsonNode n) {
    List<Double> out = new ArrayList<>();
    n.forEach(v -> out.add(v.isNumber() ? v.doubleValue() : Double.parseDouble(v.asText())));
    return out;
  }

  @Test
  void payloadsRoundTripBitForBit() {
    MonteCarloKind k = kind("{method: gbm, paths: 40, fan-paths: 5}", "{strategy: AUTO}");
    String p = k.execute(Json.write(new MonteCarloKind.Task(0, 40)), UNIVERSE);
    MonteCarloPayload a = Json.read(p, MonteCarloPayload.class);
    MonteCarloKind.Inputs in = k.inputs(UNIVERSE);
    PathBatch b = MonteCarloModel.create(in.spec(), in.returns()).simulate(0, 40);
    assertThat(Arrays.equals(a.finalEquity(), b.finalEquities())).isTrue();
    assertThat(Arrays.equals(a.cagr(), b.cagrs())).isTrue();
    assertThat(Arrays.equals(a.sharpe(), b.sharpes())).isTrue();
    assertThat(Arrays.equals(a.maxDrawdown(), b.maxDrawdowns())).isTrue();
    assertThat(Arrays.equals(a.minEquity(), b.minEquities())).isTrue();
    assertThat(a.fanCurves()).hasNumberOfRows(5);
    assertThat(Arrays.equals(a.fanCurves()[4], b.fanCurve(4))).isTrue();
    assertThat(Json.write(Json.read(p, MonteCarloPayload.class))).isEqualTo(p);
  }

  @Test
  void tradeResampleUsesTheTrades() {
    MonteCarloKind k = kind("{method: trade-resample, paths: 200}", "{strategy: AUTO}");
    MonteCarloKind.Inputs in = k.inputs(UNIVERSE);
    assertThat(in.returns()).hasSize(in.base().trades().size());
    ObjectNode r = runAll(k);
    assertThat(r.get("inputs").asInt()).isEqualTo(in.base().trades().size());
    assertThat(r.get("steps").asInt()).isEqualTo(in.base().trades().size());
  }

  @Test
  void chunksStayUnderThePayloadBudget() {
    List<long[]> rs = MonteCarloKind.ranges(10_000, 2000, 1000, 5000);
    long covered = 0;
    for (long[] r : rs) {
      assertThat(r[0]).isEqualTo(covered);
      long fan = Math.max(0, Math.min(r[1], 1000) - r[0]);
      long est = (r[1] - r[0]) * MonteCarloKind.PATH_CHARS + fan * 5001 * 24;
      assertThat(est).isLessThanOrEqualTo(MonteCarloKind.PAYLOAD_BUDGET);
      covered = r[1];
    }
    assertThat(covered).isEqualTo(10_000);
    // and a real payload of a full fan chunk is under the budget
    MonteCarloKind k = kind("{paths: 3000, fan-paths: 1000}", "{strategy: AUTO}");
    ResearchDriver d = k.driver();
    assertThat(k.execute(d.task(0), UNIVERSE).length()).isLessThan(1_000_000);
  }

  @Test
  void badSpecsNameTheField() {
    bad("{method: bogus}", "monte-carlo.method", "bogus");
    bad("{paths: 0}", "monte-carlo.paths", "0");
    bad("{paths: 10, fan-paths: 11}", "monte-carlo.fan-paths", "11");
    bad("{var-level: 1.5}", "monte-carlo.var-level", "1.5");
    bad("{ruin-threshold: 0}", "monte-carlo.ruin-threshold", "0");
    bad("{block-size: 0.5}", "monte-carlo.block-size", "0.5");
    bad("{percentiles: [5, 120]}", "monte-carlo.percentiles[1]", "120");
    bad("{pathz: 10}", "monte-carlo.pathz", "unknown key");
    bad("{symbol: NOPE}", "monte-carlo.symbol", "NOPE");
    assertThatThrownBy(
            () ->
                ResearchJobs.kind(
                    JobSpecs.parseYaml(
                        yaml("{}", "{strategy: AUTO}").replace("slow: 30", "slow: 5")),
                    REF,
                    REGISTRY))
        .isInstanceOfSatisfying(
            JobSpecException.class, e -> assertThat(e.field()).isEqualTo("params"));
  }

  @Test
  void thePreCheckNeedsNoData() {
    ResearchJobs.check(JobSpecs.parseYaml(yaml("{paths: 100}", "{strategy: AUTO}")), REGISTRY);
    assertThatThrownBy(
            () ->
                ResearchJobs.check(
                    JobSpecs.parseYaml(yaml("{paths: -1}", "{strategy: AUTO}")), REGISTRY))
        .isInstanceOfSatisfying(
            JobSpecException.class, e -> assertThat(e.field()).isEqualTo("monte-carlo.paths"));
  }

  static java.nio.file.Path repoRoot() {
    java.nio.file.Path dir = java.nio.file.Path.of("").toAbsolutePath();
    while (!java.nio.file.Files.isDirectory(dir.resolve("examples"))) {
      dir = dir.getParent();
    }
    return dir;
  }

  @Test
  void theExampleIsValid() throws java.io.IOException {
    dev.alphapulse.jobs.JobSpec spec =
        JobSpecs.parseYaml(
            java.nio.file.Files.readString(repoRoot().resolve("examples/monte-carlo.yaml")));
    JobSpecs.validate(spec, REGISTRY);
    Universe u = new DataSpec.Synthetic(1, 2000, 7).generate();
    ResearchKind k =
        ResearchJobs.kind(spec, DatasetFingerprint.ref("synthetic:1x2000:7", u), REGISTRY);
    ResearchDriver d = k.driver();
    assertThat(d.knownChunks()).isGreaterThanOrEqualTo(5);
    String last = k.execute(d.task(d.knownChunks() - 1), u);
    assertThat(Json.read(last, MonteCarloPayload.class).to()).isEqualTo(10_000);
  }

  private static void bad(String mc, String field, String mentions) {
    assertThatThrownBy(
            () ->
                ResearchJobs.kind(JobSpecs.parseYaml(yaml(mc, "{strategy: AUTO}")), REF, REGISTRY))
        .isInstanceOfSatisfying(
            JobSpecException.class,
            e -> {
              assertThat(e.field()).isEqualTo(field);
              assertThat(e.getMessage()).contains(mentions);
            });
  }
}
