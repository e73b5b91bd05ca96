package dev.alphapulse.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.alphapulse.app.CliContractTest.Run;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code run JOB --report FILE}: a research job's result as an HTML report, from any job file. */
class RunReportTest {
  private static final Pattern DATA =
      Pattern.compile(
          "<script type=\"application/json\" id=\"ap-data\">(.*?)</script>", Pattern.DOTALL);

  private static final String MONTE_CARLO =
      """
      type: monte-carlo
      data: {synthetic: {symbols: 1, bars: 600, seed: 7}}
      strategy: sma-cross
      params: {fast: 10, slow: 30}
      parallelization: {strategy: MONTE_CARLO, chunk-size: 100}
      seed: 42
      monte-carlo: {method: block-bootstrap, paths: 300, steps: 60, block-size: 10, fan-paths: 50}
      """;

  @Test
  void aMonteCarloJobWritesItsFanChart(@TempDir Path dir) throws Exception {
    Path job = Files.writeString(dir.resolve("mc.yaml"), MONTE_CARLO);
    Path report = dir.resolve("out/mc.html");
    Run r =
        CliContractTest.run(
            "run",
            job.toString(),
            "--json",
            "--no-progress",
            "--report",
            report.toString(),
            "--node-dir",
            dir.resolve("node").toString());
    assertThat(r.code()).as(r.err()).isZero();
    JsonNode result = new ObjectMapper().readTree(r.out()).get("result");
    assertThat(result.get("type").asText()).isEqualTo("monte-carlo");
    String html = Files.readString(report, StandardCharsets.UTF_8);
    assertThat(html).contains("<section id=\"fan\">").contains("<section id=\"bands\">");
    Matcher m = DATA.matcher(html);
    assertThat(m.find()).isTrue();
    JsonNode fan = new ObjectMapper().readTree(m.group(1)).get("charts").get(0);
    // One x value per step (and the start), bands between symmetric percentiles.
    assertThat(fan.get("x").size()).isEqualTo(61);
    assertThat(fan.get("bands").size()).isPositive();
  }

  @Test
  void aSweepHasNoResearchReportAndIsRefusedBeforeItRuns(@TempDir Path dir) throws Exception {
    Path job =
        Files.writeString(
            dir.resolve("sweep.yaml"),
            """
        type: sweep
        data: {synthetic: {symbols: 1, bars: 300, seed: 7}}
        strategy: sma-cross
        params: {fast: [5, 10], slow: [30]}
        """);
    Run r =
        CliContractTest.run(
            "run",
            job.toString(),
            "--report",
            dir.resolve("x.html").toString(),
            "--node-dir",
            dir.resolve("node").toString());
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("--report: job type sweep has no HTML report here");
    assertThat(dir.resolve("node")).doesNotExist();
    assertThat(dir.resolve("x.html")).doesNotExist();
  }
}
