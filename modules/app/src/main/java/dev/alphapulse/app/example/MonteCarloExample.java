package dev.alphapulse.app.example;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.alphapulse.app.report.Figure;
import dev.alphapulse.app.report.HtmlPage;
import dev.alphapulse.app.report.Page;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code monte-carlo}: a large Monte Carlo simulation ({@code examples/monte-carlo.yaml}, twice the
 * paths). sma-cross(10, 30) is backtested once; its daily returns are resampled by a stationary
 * block bootstrap into 20,000 one-year equity paths, split into chunks of paths. The summary gives
 * the percentile bands of final equity, CAGR, drawdown and Sharpe ratio, VaR/CVaR and the
 * probabilities of a loss and of ruin; the report adds the fan chart (percentile bands of equity at
 * every step over the first 1,000 paths).
 */
final class MonteCarloExample implements Example.Kind {
  /** One colour for every band: nested translucent fills darken towards the median. */
  private static final String BAND_COLOR = "#2563eb";

  @Override
  public int[] syntheticSize(boolean quick) {
    return quick ? new int[] {1, 600} : new int[] {1, 2000};
  }

  @Override
  public ExampleData select(ExampleData data) {
    return data.firstSymbolOnly();
  }

  @Override
  public ObjectNode job(ExampleData data, boolean quick) {
    ObjectNode job = Example.newJob("monte-carlo", data);
    job.put("strategy", "sma-cross");
    job.putObject("params").put("fast", 10).put("slow", 30);
    Example.backtest(job, 10_000);
    job.putObject("parallelization").put("strategy", "MONTE_CARLO").put("chunk-size", "auto");
    job.put("seed", 42);
    ObjectNode mc = job.putObject("monte-carlo");
    mc.put("method", "block-bootstrap")
        .put("paths", quick ? 400 : 20_000)
        .put("steps", quick ? 100 : 252)
        .put("block-size", 20);
    mc.putArray("percentiles").add(1).add(25).add(75).add(99);
    mc.put("var-level", 0.95).put("ruin-threshold", 0.5).put("fan-paths", quick ? 100 : 1000);
    return job;
  }

  @Override
  public void summarize(PrintWriter out, ExampleRun run, int top) {
    JsonNode r = run.result();
    double start = Results.num(r.path("startingEquity"));
    out.printf(
        "%s paths x %s steps (%s, block size %s) of %s %s on %s in %.2f s, %d chunk(s)%n",
        Results.fixed(Results.num(r.path("paths")), 0),
        r.path("steps").asText(),
        r.path("method").asText(),
        Results.fixed(Results.num(r.path("blockSize")), 0),
        r.path("strategy").asText(),
        Results.params(r.path("params")),
        r.path("symbol").asText("the universe"),
        run.seconds(),
        run.outcome().status().chunks().total());
    out.printf(
        "resampling %s daily returns of the base backtest, starting equity %s%n",
        Results.fixed(Results.num(r.path("inputs")), 0), Results.fixed(start, 2));
    JsonNode base = r.path("base");
    out.printf(
        "%nBase backtest: Return %s%%, Sharpe %s, Max. Drawdown %s%%, %s trades%n",
        Results.fixed(Results.num(base.path("Return [%]")), 2),
        Results.fixed(Results.num(base.path("Sharpe Ratio")), 3),
        Results.fixed(Results.num(base.path("Max. Drawdown [%]")), 2),
        Results.fixed(Results.num(base.path("# Trades")), 0));
    out.printf("%nPercentile bands over all paths:%n");
    TextTable t =
        TextTable.of(
            ">percentile", ">final equity", ">return %", ">CAGR %", ">max drawdown %", ">Sharpe");
    for (Band b : bands(r)) {
      t.row(
          Results.fixed(b.percentile, 0),
          Results.fixed(b.finalEquity, 2),
          Results.fixed(100 * (b.finalEquity / start - 1), 2),
          Results.fixed(100 * b.cagr, 2),
          Results.fixed(100 * b.maxDrawdown, 2),
          Results.fixed(b.sharpe, 3));
    }
    t.print(out, "  ");
    out.printf("%nRisk:%n");
    TextTable risk = TextTable.of("measure", ">value");
    risks(r).forEach(f -> risk.row(f.name(), f.value()));
    risk.print(out, "  ");
  }

  @Override
  public void report(Path file, ExampleRun run) throws IOException {
    HtmlPage.write(file, page(run.result(), run.data().description()));
  }

  /**
   * The report page of a result object of this job type ({@code docs/jobs.md}).
   *
   * @param dataDescription one line on the data, shown under the title
   */
  static Page page(JsonNode r, String dataDescription) {
    double start = Results.num(r.path("startingEquity"));
    List<Page.Section> sections = new ArrayList<>();
    sections.add(
        new Page.Facts(
            "risk",
            "Risk",
            "Losses are fractions of the starting equity; VaR and CVaR over the worst paths' final"
                + " returns.",
            risks(r)));
    JsonNode fan = r.path("fan");
    if (fan.isObject()) {
      double[] pct = Results.nums(fan.path("percentiles"));
      JsonNode bands = fan.path("bands");
      int points = bands.size() == 0 ? 0 : bands.get(0).size();
      double[] x = new double[points];
      for (int i = 0; i < points; i++) {
        x[i] = i;
      }
      List<Figure.Line> lines = new ArrayList<>();
      for (int j = 0; j < pct.length; j++) {
        boolean median = pct[j] == 50;
        lines.add(
            new Figure.Line(
                "P" + Results.fixed(pct[j], pct[j] == Math.rint(pct[j]) ? 0 : 1),
                "line",
                median ? "#1e3a8a" : "#60a5fa",
                median ? 2.5 : 1,
                Results.nums(bands.get(j))));
      }
      List<Figure.Band> fills = new ArrayList<>();
      for (int j = 0; j < pct.length / 2; j++) {
        fills.add(new Figure.Band(pct.length - 1 - j, j, BAND_COLOR));
      }
      if (points > 0) {
        sections.add(
            new Page.Plot(
                "fan",
                "Fan chart",
                "Percentile bands of equity at every step over the first "
                    + fan.path("paths").asText()
                    + " paths; the shaded areas lie between symmetric percentiles (the darker,"
                    + " the more paths), the thick line is the median.",
                Figure.of("Equity by step", "step", "money", x, lines).withBands(fills)));
      }
    }
    List<List<Page.Cell>> rows = new ArrayList<>();
    for (Band b : bands(r)) {
      double ret = 100 * (b.finalEquity / start - 1);
      rows.add(
          List.of(
              Page.Cell.number(b.percentile, Results.fixed(b.percentile, 0)),
              Page.Cell.number(b.finalEquity, Results.fixed(b.finalEquity, 2)),
              Page.Cell.number(ret, Results.fixed(ret, 2)),
              Page.Cell.number(100 * b.cagr, Results.fixed(100 * b.cagr, 2)),
              Page.Cell.number(100 * b.maxDrawdown, Results.fixed(100 * b.maxDrawdown, 2)),
              Page.Cell.number(b.sharpe, Results.fixed(b.sharpe, 3))));
    }
    sections.add(
        new Page.Table(
            "bands",
            "Percentile bands",
            "Over all "
                + r.path("paths").asText()
                + " paths: each column's percentiles are taken separately (type 7).",
            List.of(
                "Percentile",
                "Final equity",
                "Return [%]",
                "CAGR [%]",
                "Max. drawdown [%]",
                "Sharpe ratio"),
            List.of(true, true, true, true, true, true),
            rows));
    List<Page.Fact> base = new ArrayList<>();
    for (String k : Results.fieldNames(r.path("base"))) {
      base.add(new Page.Fact(k, Results.stat(k, Results.num(r.path("base").get(k)))));
    }
    sections.add(
        new Page.Facts(
            "base", "Base backtest", "The backtest whose daily returns are resampled.", base));
    String subtitle =
        (dataDescription.isEmpty() ? "" : dataDescription + " | ")
            + r.path("strategy").asText()
            + " "
            + Results.params(r.path("params"))
            + " | "
            + r.path("method").asText()
            + " | "
            + Results.fixed(Results.num(r.path("paths")), 0)
            + " paths x "
            + r.path("steps").asText()
            + " steps | seed "
            + r.path("seed").asText();
    return new Page("Monte Carlo simulation of " + r.path("strategy").asText(), subtitle, sections);
  }

  /** One percentile across the result's band columns. */
  private record Band(
      double percentile, double finalEquity, double cagr, double maxDrawdown, double sharpe) {}

  private static List<Band> bands(JsonNode r) {
    double[] pct = Results.nums(r.path("finalEquity").path("percentiles"));
    double[] fe = Results.nums(r.path("finalEquity").path("values"));
    double[] cagr = Results.nums(r.path("cagr").path("values"));
    double[] dd = Results.nums(r.path("maxDrawdown").path("values"));
    double[] sharpe = Results.nums(r.path("sharpe").path("values"));
    List<Band> out = new ArrayList<>();
    for (int i = 0; i < pct.length; i++) {
      out.add(new Band(pct[i], at(fe, i), at(cagr, i), at(dd, i), at(sharpe, i)));
    }
    return out;
  }

  private static double at(double[] v, int i) {
    return i < v.length ? v[i] : Double.NaN;
  }

  private static List<Page.Fact> risks(JsonNode r) {
    String level = Results.fixed(100 * Results.num(r.path("varLevel")), 0) + "%";
    List<Page.Fact> facts = new ArrayList<>();
    facts.add(new Page.Fact("Paths", Results.fixed(Results.num(r.path("paths")), 0)));
    facts.add(new Page.Fact("Steps per path", r.path("steps").asText()));
    facts.add(new Page.Fact("VaR (" + level + ")", Results.pct(Results.num(r.path("var")))));
    facts.add(new Page.Fact("CVaR (" + level + ")", Results.pct(Results.num(r.path("cvar")))));
    facts.add(
        new Page.Fact(
            "P(loss): final equity below the start",
            Results.pct(Results.num(r.path("probabilityOfLoss")))));
    facts.add(
        new Page.Fact(
            "P(ruin): equity ever below "
                + Results.fixed(100 * Results.num(r.path("ruinThreshold")), 0)
                + "% of the start",
            Results.pct(Results.num(r.path("probabilityOfRuin")))));
    return facts;
  }
}
