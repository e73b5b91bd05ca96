package dev.alphapulse.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The runner's contract without running JMH: argument errors and the report's two forms. */
class BenchMainTest {

  @Test
  void unknownSuiteIsRejectedWithTheAvailableOnes() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int status =
        BenchMain.run(
            "nonsense",
            true,
            true,
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8));
    assertThat(status).isEqualTo(2);
    assertThat(out.size()).isZero();
    assertThat(err.toString(StandardCharsets.UTF_8))
        .contains("unknown suite 'nonsense'")
        .contains("engine");
  }

  private static EngineReport sample() {
    return new EngineReport(
        true,
        "avgt",
        "forks 1, warmup 2 x 1 s, measurement 3 x 1 s",
        2148,
        1_000_000,
        new EngineReport.Impl(100e6, 80e6, 1.5, 40.0),
        new EngineReport.Impl(200e6, 160e6, 0.5, 8.0),
        new EngineReport.Impl(150e6, 120e6, 1.0, 24.0),
        new EngineReport.Impl(2e6, 1e6, 900.0, 800.0),
        new EngineReport.Memory(48, 48, 216, 48.000216, 48.00002, 50.3, 420.0));
  }

  @Test
  void jsonHasTheRatiosFiguresAndGoals() throws Exception {
    JsonNode json = new ObjectMapper().readTree(sample().toJson(new ObjectMapper()).toString());
    assertThat(json.get("quick").asBoolean()).isTrue();
    assertThat(json.get("jmh_mode").asText()).isEqualTo("avgt");
    assertThat(json.get("alphapulse_vs_ta4j_goog").asDouble()).isEqualTo(50.0);
    assertThat(json.get("alphapulse_vs_ta4j_1m").asDouble()).isEqualTo(80.0);
    assertThat(json.get("alphapulse_vs_ta4j").asDouble()).isEqualTo(50.0);
    assertThat(json.get("alphapulse_vs_minimal_loop").asDouble()).isCloseTo(2.0 / 3, within());
    assertThat(json.get("bytes_per_bar").asDouble()).isEqualTo(48.0);
    assertThat(json.get("alphapulse_bars_per_second_1m").asDouble()).isEqualTo(80e6);
    assertThat(json.get("ta4j_bars_per_second_goog").asDouble()).isEqualTo(2e6);
    assertThat(json.get("minimal_loop_bars_per_second_goog").asDouble()).isEqualTo(150e6);
    assertThat(json.get("alphapulse_warm_cache_bars_per_second_1m").asDouble()).isEqualTo(160e6);
    assertThat(json.get("goals_met").get("alphapulse_vs_ta4j_ge_30").asBoolean()).isTrue();
    assertThat(json.get("goals_met").get("alphapulse_vs_minimal_loop_ge_0_5").asBoolean()).isTrue();
    assertThat(json.get("goals_met").get("bytes_per_bar_le_48").asBoolean()).isTrue();
  }

  @Test
  void unmeasuredFiguresAreNullNotNaN() throws Exception {
    EngineReport s = sample();
    EngineReport missing =
        new EngineReport(
            s.quick(),
            s.jmhMode(),
            s.jmhSettings(),
            s.googBars(),
            s.syntheticBars(),
            s.alphapulse(),
            s.alphapulseWarmCache(),
            s.minimalLoop(),
            EngineReport.Impl.missing(),
            s.memory());
    JsonNode json = new ObjectMapper().readTree(missing.toJson(new ObjectMapper()).toString());
    assertThat(json.get("alphapulse_vs_ta4j").isNull()).isTrue();
    assertThat(json.get("goals_met").get("alphapulse_vs_ta4j_ge_30").isNull()).isTrue();
    assertThat(missing.toTable()).contains("not measured");
  }

  @Test
  void tableNamesEveryImplementationAndGoal() {
    String table = sample().toTable();
    assertThat(table)
        .contains("alphapulse (warm cache)")
        .contains("minimal loop")
        .contains("ta4j 0.17")
        .contains("AlphaPulse vs ta4j:")
        .contains("50.00x")
        .contains("goal >= 30x: met")
        .contains("goal <= 48: met");
  }

  private static org.assertj.core.data.Offset<Double> within() {
    return org.assertj.core.data.Offset.offset(1e-12);
  }
}
