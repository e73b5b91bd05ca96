package dev.alphapulse.app.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.alphapulse.engine.backtest.Backtest;
import dev.alphapulse.engine.backtest.BacktestConfig;
import dev.alphapulse.engine.backtest.BacktestResult;
import dev.alphapulse.engine.broker.Trade;
import dev.alphapulse.engine.data.BarSeries;
import dev.alphapulse.engine.data.Universe;
import dev.alphapulse.engine.metrics.Metrics;
import dev.alphapulse.engine.metrics.MetricsConvention;
import dev.alphapulse.engine.metrics.Statistics;
import dev.alphapulse.engine.strategy.builtin.SmaCross;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HtmlReportTest {
  private static final long DAY = 86_400_000L;
  private static final long START = 1_577_836_800_000L; // 2020-01-01T00:00Z
  private static final Pattern DATA =
      Pattern.compile("<script type=\"application/json\" id=\"ap-data\">(.*?)</script>");

  @Test
  void opensOffline() {
    String html = HtmlReport.render(model(500, trades(3, "EURUSD", "entry"), List.of()));

    assertThat(html).doesNotContainPattern("(?i)<(script|link|img|iframe)\\b[^>]*\\b(src|href)=");
    assertThat(html).doesNotContainPattern("(?i)(src|href)\\s*=\\s*[\"']?\\s*(https?:)?//");
    assertThat(html).doesNotContainPattern("(?i)@import|url\\(\\s*[\"']?(https?:)?//");
    // The only address left is the one in uPlot's licence comment.
    assertThat(html.replace("/*! https://github.com/leeoniya/uPlot", ""))
        .doesNotContainPattern("https?://");
  }

  @Test
  void inlinesUplot() {
    String html = HtmlReport.render(model(10, List.of(), List.of()));

    assertThat(html).contains("var uPlot=function()").contains(".uplot");
    assertThat(html).contains("new uPlot(opts, columns, el)");
  }

  @Test
  void showsEveryStatisticInOrderWithTheConvention() {
    Statistics stats = stats();
    ReportModel m = model(30, List.of(), List.of());
    String html = HtmlReport.render(m);

    int from = html.indexOf("<table class=\"stats\">");
    List<String> keys = new ArrayList<>(List.of("Start", "End"));
    keys.addAll(stats.values().keySet());
    for (String k : keys) {
      int at = html.indexOf("<th>" + Format.html(k) + "</th>", from);
      assertThat(at).as(k).isGreaterThan(from);
      from = at;
    }
    assertThat(html)
        .contains("<tr><th>Start</th><td>2020-01-01</td></tr>")
        .contains("<tr><th>End</th><td>2020-01-30</td></tr>")
        .contains("<tr><th>Duration</th><td>29 days</td></tr>")
        .contains("<tr><th>Sharpe Ratio</th><td>n/a</td></tr>")
        .contains("<tr><th>Return [%]</th><td>12.35</td></tr>")
        .contains("<tr><th># Trades</th><td>3</td></tr>")
        .contains("<tr><th>Convention</th><td>arithmetic-252</td></tr>")
        .contains("Convention: arithmetic-252");
  }

  @Test
  void escapesEveryTextFromData() {
    String evil = "<script>alert('x')</script>";
    List<Trade> trades = trades(2, "<img src=x onerror=alert(1)>", evil);
    Chart chart =
        new Chart(
            "</script><script>alert(2)</script>",
            new long[] {START, START + DAY},
            List.of(new Chart.Series(evil, new double[] {1, 2})));
    ReportModel m =
        new ReportModel(
            "Title " + evil,
            "& " + evil,
            stats(),
            times(10),
            equity(10),
            trades,
            List.of(new SweepRow(Map.of(evil, 1), Map.of(evil, 2.0))),
            List.of(chart));

    String html = HtmlReport.render(m);

    assertThat(html).doesNotContain("alert('x')</script>").doesNotContain("<img");
    assertThat(html).contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;");
    assertThat(html).contains("&lt;img src=x onerror=alert(1)&gt;");
    // Exactly three script elements: the data, uPlot and the report's own code.
    assertThat(Pattern.compile("<script").matcher(html).results().count()).isEqualTo(3);
    assertThat(Pattern.compile("</script>").matcher(html).results().count()).isEqualTo(3);
    JsonNode data = data(html);
    assertThat(data.at("/charts/2/title").asText()).isEqualTo("</script><script>alert(2)</script>");
    assertThat(data.at("/charts/2/series/0/name").asText()).isEqualTo(evil);
  }

  @Test
  void sweepSectionOnlyWithRows() {
    assertThat(HtmlReport.render(model(10, List.of(), List.of())))
        .doesNotContain("id=\"sweep\"")
        .doesNotContain("class=\"sweep");

    Map<String, Number> params = new LinkedHashMap<>();
    params.put("fast", 10);
    params.put("slow", 30);
    Map<String, Double> stats = new LinkedHashMap<>();
    stats.put("Sharpe Ratio", 1.2345);
    stats.put("Return [%]", Double.NaN);
    String html =
        HtmlReport.render(
            model(10, List.of(), List.of())
                .withSweep(
                    List.of(new SweepRow(params, stats), new SweepRow(Map.of("fast", 5), stats))));

    assertThat(html).contains("id=\"sweep\"").contains("<table class=\"sweep sortable\">");
    assertThat(html)
        .containsSubsequence(
            "<th class=\"num\">Rank</th>",
            "<th class=\"num\">fast</th>",
            "<th class=\"num\">slow</th>",
            "<th class=\"num\">Sharpe Ratio</th>",
            "<th class=\"num\">Return [%]</th>");
    assertThat(html)
        .contains("<td class=\"num\" data-v=\"10.0\">10</td>")
        .contains("<td class=\"num\" data-v=\"1.2345\">1.235</td>")
        .contains("<td class=\"num\" data-v=\"\">n/a</td>");
    assertThat(html).contains("2 parameter sets, best first");
  }

  @Test
  void manyTradesShowTheFirstAndLastThousand() {
    String html = HtmlReport.render(model(3_000, trades(2_500, "ES", null), List.of()));

    assertThat(html).contains("2,500 closed trades; showing the first and the last 1,000");
    assertThat(html).contains("… 500 trades omitted …");
    assertThat(html).contains("<tr><td class=\"num\">1000</td>");
    assertThat(html).doesNotContain("<tr><td class=\"num\">1001</td>");
    assertThat(html).doesNotContain("<tr><td class=\"num\">1500</td>");
    assertThat(html).contains("<tr><td class=\"num\">1501</td>");
    assertThat(html).contains("<tr><td class=\"num\">2500</td>");
    int tradeTable = html.indexOf("<table class=\"trades\">");
    assertThat(
            Pattern.compile("<tr><td class=\"num\">\\d+</td>")
                .matcher(html.substring(tradeTable))
                .results()
                .count())
        .isEqualTo(2_000);
    // Too many trades to mark them on the chart.
    assertThat(data(html).at("/charts/0/series").size()).isEqualTo(1);
  }

  @Test
  void embedsChartDataAsJsonWithSecondsAndNulls() {
    double[] eq = equity(5);
    eq[2] = Double.NaN;
    ReportModel m =
        new ReportModel("t", "", stats(), times(5), eq, trades(1, "X", null), List.of(), List.of());

    JsonNode data = data(HtmlReport.render(m));

    JsonNode equity = data.at("/charts/0");
    assertThat(equity.get("title").asText()).isEqualTo("Equity");
    assertThat(equity.get("x").get(0).asLong()).isEqualTo(START / 1000);
    assertThat(equity.get("x").get(4).asLong()).isEqualTo((START + 4 * DAY) / 1000);
    assertThat(equity.at("/series/0/values/1").asDouble()).isEqualTo(eq[1]);
    assertThat(equity.at("/series/0/values/2").isNull()).isTrue();
    // One winning trade, closed at bar 1: marked there on the equity curve.
    assertThat(equity.at("/series/1/name").asText()).isEqualTo("Winning exit");
    assertThat(equity.at("/series/1/values/1").asDouble()).isEqualTo(eq[1]);
    assertThat(equity.at("/series/1/values/0").isNull()).isTrue();
    assertThat(equity.at("/series/2/name").asText()).isEqualTo("Losing exit");
    JsonNode dd = data.at("/charts/1");
    assertThat(dd.get("title").asText()).isEqualTo("Drawdown");
    assertThat(dd.at("/series/0/values/0").asDouble()).isEqualTo(0.0);
  }

  @Test
  void millionBarsStaySmall() {
    int n = 1_000_000;
    long[] time = new long[n];
    double[] eq = new double[n];
    double x = 10_000;
    for (int i = 0; i < n; i++) {
      time[i] = START + i * 60_000L;
      x *= 1 + 0.001 * Math.sin(i * 0.37) * Math.cos(i * 0.0011);
      eq[i] = x;
    }
    long[] mcTime = time;
    Chart bands =
        new Chart(
            "Monte Carlo",
            mcTime,
            List.of(
                new Chart.Series("p5", scaled(eq, 0.9)),
                new Chart.Series("p50", eq),
                new Chart.Series("p95", scaled(eq, 1.1))));
    ReportModel m =
        new ReportModel("big", "", stats(), time, eq, List.of(), List.of(), List.of(bands));

    String html = HtmlReport.render(m);

    assertThat(html.length()).isLessThan(1_500_000);
    JsonNode data = data(html);
    for (JsonNode chart : data.get("charts")) {
      JsonNode xs = chart.get("x");
      assertThat(xs.size()).isBetween(1_000, HtmlReport.MAX_CHART_POINTS);
      assertThat(xs.get(0).asLong()).isEqualTo(START / 1000);
      assertThat(xs.get(xs.size() - 1).asLong()).isEqualTo(time[n - 1] / 1000);
    }
    double max = Double.NEGATIVE_INFINITY;
    for (double v : eq) {
      max = Math.max(max, v);
    }
    double shownMax = Double.NEGATIVE_INFINITY;
    for (JsonNode v : data.at("/charts/0/series/0/values")) {
      shownMax = Math.max(shownMax, v.asDouble());
    }
    assertThat(shownMax).isEqualTo(max);
    assertThat(html).contains("<tr><th>Start</th><td>2020-01-01 00:00:00</td></tr>");
  }

  @Test
  void writesARealBacktestAndRendersDeterministically(@TempDir Path dir) throws IOException {
    int n = 400;
    double[] close = new double[n];
    for (int i = 0; i < n; i++) {
      close[i] = 100 + 10 * Math.sin(i / 15.0) + i * 0.05;
    }
    Universe u = Universe.of(BarSeries.ofCloses("SPY", times(n), close));
    BacktestResult r = Backtest.run(u, new SmaCross(5, 20), BacktestConfig.defaults());
    Statistics s = Metrics.compute(r, MetricsConvention.BACKTESTING_PY);
    ReportModel m = ReportModel.of("SmaCross", "fast=5 slow=20 on SPY (synthetic)", r, s);
    Path file = dir.resolve("nested/report.html");

    HtmlReport.write(file, m);

    String html = Files.readString(file, StandardCharsets.UTF_8);
    assertThat(html).isEqualTo(HtmlReport.render(m));
    assertThat(r.trades()).isNotEmpty();
    assertThat(html)
        .startsWith("<!DOCTYPE html>")
        .contains("<h1>SmaCross</h1>")
        .contains("Convention: backtesting.py")
        .contains(r.trades().size() + (r.trades().size() == 1 ? " closed trade" : " closed trades"))
        .contains("<td>SPY</td>");
    assertThat(data(html).at("/charts/0/x").size()).isEqualTo(n);
  }

  private static double[] scaled(double[] v, double f) {
    double[] out = new double[v.length];
    for (int i = 0; i < v.length; i++) {
      out[i] = v[i] * f;
    }
    return out;
  }

  private static JsonNode data(String html) {
    Matcher m = DATA.matcher(html);
    assertThat(m.find()).isTrue();
    try {
      return new ObjectMapper().readTree(m.group(1));
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }

  private static ReportModel model(int bars, List<Trade> trades, List<SweepRow> sweep) {
    return new ReportModel(
        "SmaCross",
        "fast=10 slow=30",
        stats(),
        times(bars),
        equity(bars),
        trades,
        sweep,
        List.of());
  }

  private static Statistics stats() {
    Map<String, Double> v = new LinkedHashMap<>();
    v.put("Duration", 29.0);
    v.put("Exposure Time [%]", 55.5);
    v.put("Equity Final [$]", 11_234.5);
    v.put("Return [%]", 12.3456);
    v.put("Sharpe Ratio", Double.NaN);
    v.put("Max. Drawdown Duration", 12.0);
    v.put("# Trades", 3.0);
    v.put("Buy & Hold Return [%]", -3.0);
    return new Statistics("arithmetic-252", START, START + 29 * DAY, v);
  }

  private static long[] times(int n) {
    long[] t = new long[n];
    for (int i = 0; i < n; i++) {
      t[i] = START + i * DAY;
    }
    return t;
  }

  private static double[] equity(int n) {
    double[] e = new double[n];
    for (int i = 0; i < n; i++) {
      e[i] = 10_000 + 100 * Math.sin(i / 5.0) + i;
    }
    return e;
  }

  /** Trade k runs from bar 2k to bar 2k + 1 with alternating sign of P&L. */
  private static List<Trade> trades(int count, String symbol, String tag) {
    List<Trade> out = new ArrayList<>();
    for (int k = 0; k < count; k++) {
      int entry = 2 * k;
      double pnl = k % 2 == 0 ? 12.5 : -7.25;
      out.add(
          new Trade(
              symbol,
              k % 3 == 0 ? -10 : 10,
              entry,
              entry + 1,
              100.125,
              101.5,
              Double.NaN,
              Double.NaN,
              pnl,
              0.5,
              pnl / 1000,
              START + entry * DAY,
              START + (entry + 1) * DAY,
              tag));
    }
    return out;
  }
}
