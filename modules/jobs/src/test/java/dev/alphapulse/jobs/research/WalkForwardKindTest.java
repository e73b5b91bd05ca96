package dev.alphapulse.jobs.research;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.alphapulse.engine.data.Universe;
import dev.alphapulse.engine.strategy.Params;
import dev.alphapulse.engine.strategy.StrategyRegistry;
import dev.alphapulse.jobs.ChunkExecutor;
import dev.alphapulse.jobs.DataSpec;
import dev.alphapulse.jobs.DatasetFingerprint;
import dev.alphapulse.jobs.DatasetRef;
import dev.alphapulse.jobs.JobSpecException;
import dev.alphapulse.jobs.JobSpecs;
import dev.alphapulse.research.optimize.TrialEvaluator;
import dev.alphapulse.research.walkforward.WalkForwardSpec;
import dev.alphapulse.research.walkforward.WalkForwardWindow;
import dev.alphapulse.research.walkforward.WalkForwardWindows;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.SortedMap;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class WalkForwardKindTest {
  static final StrategyRegistry REGISTRY = StrategyRegistry.load();
  static final Universe UNIVERSE = new DataSpec.Synthetic(1, 900, 9).generate();
  static final DatasetRef REF = DatasetFingerprint.ref("synthetic:1x900:9", UNIVERSE);

  static String yaml(String wf) {
    return """
        type: walk-forward
        data: {synthetic: {symbols: 1, bars: 900, seed: 9}}
        strategy: sma-cross
        backtest: {cash: 10000, commission: 0.001}
        seed: 7
        search-space: {fast: {grid: [5, 10, 20]}, slow: {grid: [30, 60]}}
        search: {algorithm: grid, num-samples: 6, batch-size: 4, metric: Sharpe Ratio}
        """
        + "walk-forward: "
        + wf
        + "\n";
  }

  static WalkForwardKind kind(String wf) {
    return (WalkForwardKind) ResearchJobs.kind(JobSpecs.parseYaml(yaml(wf)), REF, REGISTRY);
  }

  static final String WF = "{window-size: 300, step-size: 150, mode: rolling, purge: 2}";

  @Test
  void endToEndThroughTheDriver() {
    WalkForwardKind k = kind(WF);
    ResearchDriver d = k.driver();
    assertThat(d.knownChunks()).isEqualTo(3);
    SortedMap<Integer, String> payloads = new TreeMap<>();
    for (int i = 0; i < d.knownChunks(); i++) {
      payloads.put(i, k.execute(d.task(i), UNIVERSE));
      d.completed(i, payloads.get(i));
    }
    ObjectNode r = k.assemble(payloads, new TreeMap<>(), UNIVERSE);
    assertThat(r.get("type").asText()).isEqualTo("walk-forward");
    assertThat(r.get("complete").asBoolean()).isTrue();
    JsonNode ws = r.get("windows");
    assertThat(ws).hasSize(3);
    List<WalkForwardWindow> expected =
        WalkForwardWindows.generate(
            WalkForwardSpec.rolling(300, 150).withPurge(2), UNIVERSE.size());
    for (int i = 0; i < 3; i++) {
      JsonNode w = ws.get(i);
      assertThat(w.get("index").asInt()).isEqualTo(i);
      assertThat(w.get("inSampleFrom").asInt()).isEqualTo(expected.get(i).inSampleFrom());
      assertThat(w.get("outOfSampleTo").asInt()).isEqualTo(expected.get(i).outOfSampleTo());
      assertThat(w.get("outOfSampleStart").asLong())
          .isEqualTo(UNIVERSE.calendar()[expected.get(i).outOfSampleFrom()]);
      assertThat(w.get("trials").asInt()).isEqualTo(6);
      assertThat(w.get("trialSharpes")).hasSize(6);
    }
    JsonNode st = r.get("stitched");
    assertThat(st.get("bars").asInt()).isEqualTo(450);
    assertThat(st.get("equity").get(0).asDouble()).isEqualTo(10000.0);
    assertThat(r.get("summary").get("windows").asInt()).isEqualTo(3);
    assertThat(r.get("summary").has("efficiency")).isTrue();
    assertThat(r.get("overfitting").get("trials").asInt()).isEqualTo(18);
    // the metric's mode and the windows' mode have keys of their own
    assertThat(r.get("mode").asText()).isEqualTo("max");
    assertThat(r.get("windowMode").asText()).isEqualTo("rolling");
    // PBO per window over its 6 in-sample trials, and their mean
    JsonNode pbo = r.get("overfitting").get("pbo");
    assertThat(pbo.get("windows").asInt()).isEqualTo(3);
    double sum = 0;
    for (int i = 0; i < 3; i++) {
      JsonNode p = ws.get(i).get("pbo");
      assertThat(p.get("combinations").asInt()).isEqualTo(12_870);
      assertThat(r.get("overfitting").get("pboWindows").get(i)).isEqualTo(p);
      sum += p.get("probability").asDouble();
    }
    assertThat(pbo.get("meanProbability").asDouble())
        .isCloseTo(sum / 3, org.assertj.core.data.Offset.offset(1e-15));
  }

  @Test
  void theChosenParametersAreTheBestInSampleAndTheOutOfSampleReturnsCompound() {
    WalkForwardKind k = kind(WF);
    WalkForwardWindow w = k.windows(UNIVERSE.size()).get(1);
    WalkForwardPayload p = k.run(w, UNIVERSE);
    TrialEvaluator ev =
        new TrialEvaluator(
            WalkForwardKind.slice(UNIVERSE, w.inSampleFrom(), w.inSampleTo()),
            REGISTRY.get("sma-cross"),
            JobSpecs.parseYaml(yaml(WF)).backtest().toConfig(),
            ChunkExecutor.CONVENTION);
    double best = Double.NEGATIVE_INFINITY;
    Map<String, Object> bestParams = null;
    for (int fast : new int[] {5, 10, 20}) {
      for (int slow : new int[] {30, 60}) {
        double s = ev.evaluate(Params.of("fast", fast, "slow", slow), 0, 1).get("Sharpe Ratio");
        if (s > best) {
          best = s;
          bestParams = Map.of("fast", fast, "slow", slow);
        }
      }
    }
    assertThat(p.params()).isEqualTo(bestParams);
    // the window's PBO against CSCV written out again over the six trials' in-sample returns
    List<double[]> trialReturns = new ArrayList<>();
    for (int fast : new int[] {5, 10, 20}) {
      for (int slow : new int[] {30, 60}) {
        double[] eq =
            ev
                .run(
                    new dev.alphapulse.research.optimize.TrialTask(
                        0, 0, Map.of("fast", fast, "slow", slow), 0, 1, true))
                .equity()
                .stream()
                .mapToDouble(Double::doubleValue)
                .toArray();
        trialReturns.add(Overfitting.returns(eq));
      }
    }
    double[] cscv = SweepOverfittingTest.cscv(trialReturns.toArray(double[][]::new), 16);
    assertThat(p.pbo().get("probability").asDouble())
        .isCloseTo(cscv[0], org.assertj.core.data.Offset.offset(1e-12));
    // a payload journaled before windows had a PBO still reads (without one)
    ObjectNode old = (ObjectNode) Json.tree(Json.write(p));
    old.remove("pbo");
    WalkForwardPayload read = Json.read(Json.write(old), WalkForwardPayload.class);
    assertThat(read.pbo()).isNull();
    assertThat(read.params()).isEqualTo(p.params());
    assertThat(p.inSampleSharpe()).isEqualTo(best);
    assertThat(p.outOfSampleReturns()).hasSize(w.outOfSampleBars());
    double growth = 1;
    for (double r : p.outOfSampleReturns()) {
      growth *= 1 + r;
    }
    assertThat(growth - 1)
        .isCloseTo(p.outOfSampleReturn(), org.assertj.core.data.Offset.offset(1e-12));
  }

  @Test
  void shuffledParallelWindowsEqualOneSequentialLoop() {
    WalkForwardKind k = kind("{window-size: 200, step-size: 100, mode: anchored, test-size: 120}");
    // one loop, in window order
    SortedMap<Integer, String> loop = new TreeMap<>();
    for (WalkForwardWindow w : k.windows(UNIVERSE.size())) {
      loop.put(w.index(), Json.write(k.run(w, UNIVERSE)));
    }
    String sequential = Json.write(k.assemble(loop, new TreeMap<>(), UNIVERSE));
    // the driver's tasks computed in reverse order, payloads under shuffled chunk ids
    ResearchDriver d =
        kind("{window-size: 200, step-size: 100, mode: anchored, test-size: 120}").driver();
    List<String> payloads = new ArrayList<>();
    for (int i = d.knownChunks() - 1; i >= 0; i--) {
      payloads.add(k.execute(d.task(i), UNIVERSE));
    }
    Collections.shuffle(payloads, new Random(11));
    SortedMap<Integer, String> byId = new TreeMap<>();
    for (int i = 0; i < payloads.size(); i++) {
      byId.put(i, payloads.get(i));
    }
    assertThat(Json.write(k.assemble(byId, new TreeMap<>(), UNIVERSE))).isEqualTo(sequential);
    assertThat(loop).hasSize(6);
  }

  @Test
  void aFailedWindowIsReported() {
    WalkForwardKind k = kind(WF);
    ResearchDriver d = k.driver();
    SortedMap<Integer, String> payloads = new TreeMap<>();
    payloads.put(0, k.execute(d.task(0), UNIVERSE));
    payloads.put(2, k.execute(d.task(2), UNIVERSE));
    SortedMap<Integer, String> failures = new TreeMap<>(Map.of(1, "node lost"));
    ObjectNode r = k.assemble(payloads, failures, UNIVERSE);
    assertThat(r.get("complete").asBoolean()).isFalse();
    assertThat(r.get("failedChunks").get("1").asText()).isEqualTo("node lost");
    assertThat(r.get("windows")).hasSize(2);
  }

  @Test
  void badSpecsNameTheField() {
    bad("{window-size: 1000, step-size: 100}", "walk-forward.window-size", "1000");
    bad("{window-size: 300, step-size: 100, windowsize: 3}", "walk-forward.windowsize", "unknown");
    bad("{window-size: 300, mode: sideways}", "walk-forward.mode", "sideways");
    bad("{window-size: 300, step-size: 0}", "walk-forward.step-size", "0");
    bad("{window-size: 300, step-size: 100, n-windows: 50}", "walk-forward.n-windows", "50");
    assertThatThrownBy(
            () ->
                ResearchJobs.kind(
                    JobSpecs.parseYaml(yaml(WF).replace("grid: [30, 60]", "grud: [30, 60]")),
                    REF,
                    REGISTRY))
        .isInstanceOfSatisfying(
            JobSpecException.class, e -> assertThat(e.field()).startsWith("search-space.slow"));
  }

  @Test
  void thePreCheckSkipsDataChecks() {
    ResearchJobs.check(JobSpecs.parseYaml(yaml("{window-size: 100000}")), REGISTRY);
    assertThatThrownBy(
            () -> ResearchJobs.check(JobSpecs.parseYaml(yaml("{window-size: 1}")), REGISTRY))
        .isInstanceOfSatisfying(
            JobSpecException.class,
            e -> assertThat(e.field()).isEqualTo("walk-forward.window-size"));
  }

  @Test
  void theExampleIsValid() throws java.io.IOException {
    dev.alphapulse.jobs.JobSpec spec =
        JobSpecs.parseYaml(
            java.nio.file.Files.readString(
                MonteCarloKindTest.repoRoot().resolve("examples/walk-forward.yaml")));
    JobSpecs.validate(spec, REGISTRY);
    Universe u = new DataSpec.Synthetic(1, 3000, 7).generate();
    ResearchKind k =
        ResearchJobs.kind(spec, DatasetFingerprint.ref("synthetic:1x3000:7", u), REGISTRY);
    assertThat(k.driver().knownChunks()).isEqualTo(8);
  }

  private static void bad(String wf, String field, String mentions) {
    assertThatThrownBy(() -> kind(wf))
        .isInstanceOfSatisfying(
            JobSpecException.class,
            e -> {
              assertThat(e.field()).isEqualTo(field);
              assertThat(e.getMessage()).contains(mentions);
            });
  }
}
