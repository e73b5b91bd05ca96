package dev.alphapulse.app.example;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.alphapulse.app.Main;
import dev.alphapulse.jobs.JobSpec;
import dev.alphapulse.jobs.JobSpecs;
import dev.alphapulse.jobs.JobType;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The examples end to end on the embedded node: each runs with {@code --quick} on the synthetic
 * market, prints its summary and writes a report with its sections and valid chart data; real files
 * work through {@code --data}; bad input fails before anything runs, with one message.
 */
class ExampleCommandTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern DATA =
      Pattern.compile("<script type=\"application/json\" id=\"ap-data\">(.*?)</script>");

  record Run(int code, String out, String err) {}

  private static Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.execute(new PrintWriter(out, true), new PrintWriter(err, true), args);
    return new Run(code, out.toString(), err.toString());
  }

  /** Runs an example quickly with its report and node files in {@code dir}. */
  private static Run example(Path dir, String name, String... more) {
    List<String> args =
        new ArrayList<>(
            List.of(
                "example",
                name,
                "--quick",
                "--no-progress",
                "--node-dir",
                dir.resolve("node").toString(),
                "--out",
                dir.resolve(name + ".html").toString()));
    args.addAll(List.of(more));
    if (!args.contains("--slots")) {
      args.addAll(List.of("--slots", "2"));
    }
    return run(args.toArray(String[]::new));
  }

  private static String html(Path dir, String name) throws IOException {
    return Files.readString(dir.resolve(name + ".html"), StandardCharsets.UTF_8);
  }

  /** The report's embedded chart data, parsed (which fails on invalid JSON). */
  private static JsonNode charts(String html) throws IOException {
    Matcher m = DATA.matcher(html);
    assertThat(m.find()).as("embedded chart data").isTrue();
    return JSON.readTree(m.group(1)).get("charts");
  }

  private static List<String> sections(String html) {
    List<String> ids = new ArrayList<>();
    Matcher m = Pattern.compile("<section id=\"([^\"]+)\"").matcher(html);
    while (m.find()) {
      ids.add(m.group(1));
    }
    return ids;
  }

  @Test
  void basicSweepsPrintsTheBestAndWritesTheBacktestReport(@TempDir Path dir) throws Exception {
    Run r = example(dir, "basic");

    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out())
        .contains("Example basic")
        .contains("6 backtests (6 parameter sets x 1 symbol(s))")
        .contains("Best 6 by Sharpe Ratio")
        .contains("Best parameters: {fast=")
        .contains("Report: " + dir.resolve("basic.html").toAbsolutePath());
    String html = html(dir, "basic");
    assertThat(sections(html)).containsExactly("statistics", "equity", "sweep", "trades");
    JsonNode charts = charts(html);
    assertThat(charts.get(0).get("title").asText()).isEqualTo("Equity");
    assertThat(charts.get(0).get("x")).hasSize(1000);
    assertThat(html).contains("<table class=\"sweep sortable\">");
  }

  @Test
  void hpoPrintsTrialsAndOverfittingAndChartsTheBestSoFar(@TempDir Path dir) throws Exception {
    Run r = example(dir, "hpo");

    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out())
        .contains("12 trials of tpe + asha")
        .contains("Best trial #")
        .contains("trials on the full history, by Sharpe Ratio")
        .contains("Deflated Sharpe probability")
        .contains("PBO (probability of backtest overfitting)");
    String html = html(dir, "hpo");
    assertThat(sections(html)).containsExactly("best", "progress", "trials", "overfitting");
    JsonNode chart = charts(html).get(0);
    assertThat(chart.get("xkind").asText()).isEqualTo("number");
    assertThat(chart.get("x")).hasSize(12);
    assertThat(chart.get("series").get(0).get("name").asText()).isEqualTo("Best so far");
    // The best so far never gets worse.
    double previous = Double.NEGATIVE_INFINITY;
    for (JsonNode v : chart.get("series").get(0).get("values")) {
      if (!v.isNull()) {
        assertThat(v.asDouble()).isGreaterThanOrEqualTo(previous);
        previous = v.asDouble();
      }
    }
    assertThat(html).containsPattern("<tr><th>Trials used</th><td>\\d+</td></tr>");
  }

  @Test
  void monteCarloPrintsBandsAndRiskAndDrawsTheFanChart(@TempDir Path dir) throws Exception {
    Run r = example(dir, "monte-carlo");

    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out())
        .contains("400 paths x 100 steps (block-bootstrap")
        .contains("Percentile bands over all paths")
        .contains("VaR (95%)")
        .contains("CVaR (95%)")
        .contains("P(loss)")
        .contains("P(ruin)");
    String html = html(dir, "monte-carlo");
    assertThat(sections(html)).containsExactly("risk", "fan", "bands", "base");
    JsonNode fan = charts(html).get(0);
    assertThat(fan.get("xkind").asText()).isEqualTo("number");
    assertThat(fan.get("x")).hasSize(101); // the start and 100 steps
    List<String> names = new ArrayList<>();
    fan.get("series").forEach(s -> names.add(s.get("name").asText()));
    assertThat(names).containsExactly("P1", "P5", "P25", "P50", "P75", "P95", "P99");
    assertThat(fan.get("bands")).hasSize(3);
    assertThat(fan.get("bands").get(0).get("upper").asInt()).isEqualTo(6);
    assertThat(fan.get("bands").get(0).get("lower").asInt()).isZero();
    // Every band starts at the starting equity and the percentiles are ordered at every step.
    for (int i = 0; i < 101; i++) {
      double below = Double.NEGATIVE_INFINITY;
      for (JsonNode s : fan.get("series")) {
        double v = s.get("values").get(i).asDouble();
        if (i == 0) {
          assertThat(v).isEqualTo(10_000.0);
        }
        assertThat(v).isGreaterThanOrEqualTo(below);
        below = v;
      }
    }
  }

  @Test
  void theReportIsTheSameBytesOnEveryRunWhateverTheSlots(@TempDir Path dir) throws Exception {
    Path one = dir.resolve("one");
    Path two = dir.resolve("two");
    Run a = example(one, "monte-carlo", "--slots", "1");
    Run b = example(two, "monte-carlo", "--slots", "2");

    assertThat(a.code()).as(a.err()).isZero();
    assertThat(b.code()).as(b.err()).isZero();
    assertThat(Files.readAllBytes(two.resolve("monte-carlo.html")))
        .isEqualTo(Files.readAllBytes(one.resolve("monte-carlo.html")));
  }

  @Test
  void portfolioPrintsWeightsAndStatsAndChartsTheCombinedEquity(@TempDir Path dir)
      throws Exception {
    Run r = example(dir, "portfolio");

    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out())
        .contains("4 sleeves combined with risk-parity weights")
        .contains("trend-fast")
        .contains("rotation")
        .contains("avg weight")
        .contains("Diversification ratio");
    String html = html(dir, "portfolio");
    assertThat(sections(html))
        .containsExactly("statistics", "equity", "weights", "sleeves", "correlation", "symbols");
    JsonNode charts = charts(html);
    assertThat(charts.get(0).get("xkind").asText()).isEqualTo("time");
    assertThat(charts.get(0).get("x")).hasSize(600);
    assertThat(charts.get(0).get("series").get(0).get("values").get(0).asDouble())
        .isEqualTo(100_000.0);
    assertThat(charts.get(1).get("series")).hasSize(4);
  }

  @Test
  void realDataThroughData(@TempDir Path dir) throws Exception {
    Path root = dataRoot();
    assumeTrue(Files.isDirectory(root), "no market data at " + root + "; set ALPHAPULSE_DATA");
    Path goog = root.resolve("backtesting.py/GOOG.csv");

    Run mc = example(dir, "monte-carlo", "--data", goog.toString());

    assertThat(mc.code()).as(mc.err()).isZero();
    assertThat(mc.out()).contains("Data: GOOG from " + goog).contains("on GOOG in");
    assertThat(html(dir, "monte-carlo")).contains("GOOG from ");
    assertThat(charts(html(dir, "monte-carlo")).get(0).get("x")).hasSize(101);

    Run pf = example(dir, "portfolio", "--data", root.resolve("zipline").toString());

    assertThat(pf.code()).as(pf.err()).isZero();
    assertThat(pf.out()).contains("Data: 4 symbols from").contains("754 bars");
    assertThat(html(dir, "portfolio")).contains("<td>AAPL</td>").contains("<td>KO</td>");
  }

  @Test
  void showJobPrintsAJobFileThatRunAccepts() throws Exception {
    for (String name : List.of("basic", "hpo", "monte-carlo", "portfolio")) {
      Run r = run("example", name, "--show-job");

      assertThat(r.code()).as(r.err()).isZero();
      JobSpec job = JobSpecs.parseYaml(r.out());
      assertThat(job.type().fileName())
          .isEqualTo(name.equals("basic") ? "sweep" : name.equals("hpo") ? "optimize" : name);
    }
    JobSpec mc = JobSpecs.parseYaml(run("example", "monte-carlo", "--show-job").out());
    assertThat(mc.type()).isEqualTo(JobType.MONTE_CARLO);
    assertThat(mc.research()).contains("\"paths\":20000");
  }

  @Test
  void aBadNameOrBadDataIsOneClearErrorBeforeAnythingRuns(@TempDir Path dir) throws Exception {
    Run name = run("example", "monte", "--node-dir", dir.resolve("node").toString());
    assertThat(name.code()).isEqualTo(2);
    assertThat(name.err())
        .isEqualTo(
            "error: unknown example 'monte'; expected one of basic, hpo, monte-carlo,"
                + " portfolio\n");

    Run missing = run("example", "basic", "--data", dir.resolve("none.csv").toString());
    assertThat(missing.code()).isEqualTo(2);
    assertThat(missing.err()).startsWith("error: --data: no such file").contains("none.csv");

    Path bad = dir.resolve("BAD.csv");
    Files.writeString(
        bad, "date,open,high,low,close\n2020-01-01,1,2,0.5,1.5\n2020-01-02,x,2,1,1\n");
    Run badRow = run("example", "hpo", "--data", bad.toString());
    assertThat(badRow.code()).isEqualTo(2);
    assertThat(badRow.err()).startsWith("error: --data " + bad).contains("BAD.csv line 3");

    Run symbols = run("example", "basic", "--data", bad.toString(), "--symbols", "X");
    assertThat(symbols.code()).isEqualTo(2);
    assertThat(symbols.err()).contains("--symbols");

    assertThat(dir.resolve("node")).doesNotExist();
  }

  /** {@code $ALPHAPULSE_DATA}, else the build's default, else {@code ../shared/data}. */
  private static Path dataRoot() {
    for (String var : new String[] {"ALPHAPULSE_DATA", "ALPHAPULSE_DATA_DEFAULT"}) {
      String v = System.getenv(var);
      if (v != null && !v.isBlank()) {
        return Path.of(v);
      }
    }
    return Path.of("../../../shared/data").toAbsolutePath().normalize();
  }
}
