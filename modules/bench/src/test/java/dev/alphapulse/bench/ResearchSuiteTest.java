package dev.alphapulse.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * The research suite end to end on tiny workloads, in-process (JMH without forks), one iteration
 * each (two of the sweep: a cold and a warm one): the report has every required key and a number
 * for each. No timing is asserted.
 */
class ResearchSuiteTest {
  private static final ResearchSuite.Sizes TINY =
      new ResearchSuite.Sizes(600, 3, 4, 50, 30, 30, 200, 50);

  @Test
  void reportHasTheRequiredKeys() throws Exception {
    ByteArrayOutputStream log = new ByteArrayOutputStream();
    ResearchReport report =
        ResearchSuite.run(
            true, TINY, ResearchSuite.SMOKE, new PrintStream(log, true, StandardCharsets.UTF_8));
    JsonNode json = new ObjectMapper().readTree(report.toJson(new ObjectMapper()).toString());
    for (String key :
        new String[] {
          "sweep_seconds",
          "sweep_seconds_best",
          "sweep_cold_seconds",
          "sweep_heap_mb",
          "trials_seconds",
          "monte_carlo_seconds",
          "tpe_trials_seconds",
          "sweep_runs_per_second",
          "trials_per_second"
        }) {
      assertThat(json.get(key).isNumber()).as(key).isTrue();
    }
    assertThat(json.get("sweep_runs").asInt()).isEqualTo(12);
    assertThat(json.get("goals").get("sweep_seconds").asDouble()).isEqualTo(5.0);
    assertThat(report.toTable()).contains("sweep").contains("monte carlo").contains("TPE");
    // two sweep iterations: the first is the cold one, the warm figure is the second alone
    assertThat(json.get("sweep_seconds").asDouble())
        .isEqualTo(json.get("sweep_seconds_best").asDouble());
    assertThat(report.toTable()).contains("cold");
  }

  @Test
  void sweepYamlPlansTheRequestedGrid() {
    assertThat(SweepBench.yaml(1000, 100, 100))
        .contains("fast: {range: [1, 100, 1]}")
        .contains("slow: {range: [101, 200, 1]}");
  }

  @Test
  void benchMainKnowsTheResearchSuite() {
    assertThat(BenchMain.SUITES).contains("engine", "research");
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int status =
        BenchMain.run(
            "nope",
            true,
            true,
            new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8));
    assertThat(status).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("research");
  }
}
