package dev.alphapulse.app.example;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
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
 * {@code portfolio}: a multi-strategy portfolio ({@code examples/portfolio.yaml}). Four sleeves
 * (fast and slow trend following, mean reversion, momentum rotation) are backtested as one chunk
 * each and combined in one account with risk-parity weights estimated on the trailing 63 bars,
 * rebalanced every 21 bars. The summary and the report show the combined statistics and equity
 * curve, the weights, each sleeve's statistics and the sleeves' correlations.
 */
final class PortfolioExample implements Example.Kind {

  @Override
  public int[] syntheticSize(boolean quick) {
    return quick ? new int[] {4, 600} : new int[] {4, 3000};
  }

  @Override
  public ObjectNode job(ExampleData data, boolean quick) {
    ObjectNode job = Example.newJob("portfolio", data);
    Example.backtest(job, 100_000);
    job.put("seed", 42);
    ObjectNode p = job.putObject("portfolio");
    ArrayNode sleeves = p.putArray("sleeves");
    List<String> symbols = data.symbols();
    ObjectNode fast = sleeves.addObject().put("name", "trend-fast").put("strategy", "sma-cross");
    fast.putObject("params").put("fast", 10).put("slow", 30);
    if (symbols.size() > 2) {
      fast.putArray("symbols").add(symbols.get(0)).add(symbols.get(1));
    }
    ObjectNode slow = sleeves.addObject().put("name", "trend-slow").put("strategy", "sma-cross");
    slow.putObject("params").put("fast", 50).put("slow", 200);
    ObjectNode rev = sleeves.addObject().put("name", "reversion").put("strategy", "mean-reversion");
    rev.putObject("params").put("window", 20).put("entry", 2.0).put("exit", 0.5);
    ObjectNode rot = sleeves.addObject().put("name", "rotation").put("strategy", "momentum");
    rot.putObject("params")
        .put("lookback", 60)
        .put("top-n", Math.min(2, symbols.size()))
        .put("rebalance", 21);
    p.put("allocation", "risk-parity").put("rebalance", 21).put("lookback", 63);
    return job;
  }

  @Override
  public void summarize(PrintWriter out, ExampleRun run, int top) {
    JsonNode r = run.result();
    JsonNode pf = r.path("portfolio");
    out.printf(
        "%d sleeves combined with %s weights (rebalance every %s bars, lookback %s) in %.2f s,"
            + " status %s%n",
        r.path("sleeves").size(),
        r.path("allocation").asText(),
        r.path("rebalance").asText(),
        r.path("lookback").asText(),
        run.seconds(),
        r.path("status").asText());
    double[] finalWeights = finalWeights(pf);
    out.printf("%nSleeves:%n");
    TextTable t =
        TextTable.of(
            "sleeve",
            "strategy",
            "params",
            ">avg weight",
            ">last weight",
            ">Return %",
            ">Sharpe",
            ">Max DD %",
            ">Trades");
    int i = 0;
    for (JsonNode s : r.path("sleeves")) {
      JsonNode st = s.path("stats");
      t.row(
          s.path("name").asText(),
          s.path("strategy").asText(),
          Results.params(s.path("params")),
          Results.pct(Results.num(s.path("averageWeight"))),
          i < finalWeights.length ? Results.pct(finalWeights[i]) : "n/a",
          Results.fixed(Results.num(st.path("Return [%]")), 2),
          Results.fixed(Results.num(st.path("Sharpe Ratio")), 3),
          Results.fixed(Results.num(st.path("Max. Drawdown [%]")), 2),
          Results.fixed(Results.num(st.path("# Trades")), 0));
      i++;
    }
    t.print(out, "  ");
    if (!pf.isObject()) {
      out.printf("%nNo portfolio: %s%n", r.path("failures"));
      return;
    }
    out.printf("%nPortfolio:%n");
    TextTable s = TextTable.of("statistic", ">value");
    portfolioFacts(r).forEach(f -> s.row(f.name(), f.value()));
    s.print(out, "  ");
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
    JsonNode pf = r.path("portfolio");
    List<Page.Section> sections = new ArrayList<>();
    sections.add(
        new Page.Facts(
            "statistics",
            "Portfolio statistics",
            "The one account holding every sleeve; trade statistics are per sleeve, below.",
            portfolioFacts(r)));
    double[] t = Results.nums(pf.path("equity").path("time"));
    double[] v = Results.nums(pf.path("equity").path("value"));
    if (t.length > 0 && t.length == v.length && Results.increasing(t)) {
      sections.add(
          new Page.Plot(
              "equity",
              "Equity",
              "Every "
                  + pf.path("equity").path("stride").asText()
                  + " bar(s) of the combined account, exact values.",
              new Figure(
                  "Portfolio equity",
                  Figure.Axis.TIME,
                  "",
                  "money",
                  t,
                  List.of(new Figure.Line("Equity", "area", "#2563eb", 1.5, v)),
                  List.of())));
    }
    List<String> names = new ArrayList<>();
    for (JsonNode n : pf.path("sleeves")) {
      names.add(n.asText());
    }
    JsonNode schedule = pf.path("schedule");
    double[] st = new double[schedule.size()];
    double[][] w = new double[names.size()][schedule.size()];
    for (int k = 0; k < schedule.size(); k++) {
      st[k] = Results.num(schedule.get(k).path("time"));
      double[] wk = Results.nums(schedule.get(k).path("weights"));
      for (int s = 0; s < names.size(); s++) {
        w[s][k] = s < wk.length ? 100 * wk[s] : Double.NaN;
      }
    }
    if (st.length > 0 && !names.isEmpty() && Results.increasing(st)) {
      List<Figure.Line> lines = new ArrayList<>();
      for (int s = 0; s < names.size(); s++) {
        lines.add(Figure.Line.of(names.get(s), w[s]));
      }
      sections.add(
          new Page.Plot(
              "weights",
              "Weights",
              "Each sleeve's weight at every rebalance, in %.",
              new Figure("Weights", Figure.Axis.TIME, "", "percent", st, lines, List.of())));
    }
    List<List<Page.Cell>> rows = new ArrayList<>();
    double[] finalWeights = finalWeights(pf);
    int i = 0;
    for (JsonNode s : r.path("sleeves")) {
      JsonNode stats = s.path("stats");
      List<Page.Cell> row = new ArrayList<>();
      row.add(Page.Cell.text(s.path("name").asText()));
      row.add(Page.Cell.text(s.path("strategy").asText()));
      row.add(Page.Cell.text(Results.params(s.path("params"))));
      List<String> syms = new ArrayList<>();
      s.path("symbols").forEach(x -> syms.add(x.asText()));
      row.add(Page.Cell.text(syms.isEmpty() ? "all" : String.join(" ", syms)));
      row.add(Page.Cell.text(s.path("status").asText()));
      double avg = Results.num(s.path("averageWeight"));
      row.add(Page.Cell.number(avg, Results.pct(avg)));
      double last = i < finalWeights.length ? finalWeights[i] : Double.NaN;
      row.add(Page.Cell.number(last, Results.pct(last)));
      for (String k :
          List.of("Return [%]", "CAGR [%]", "Sharpe Ratio", "Max. Drawdown [%]", "# Trades")) {
        double x = Results.num(stats.path(k));
        row.add(Page.Cell.number(x, Results.stat(k, x)));
      }
      rows.add(row);
      i++;
    }
    sections.add(
        new Page.Table(
            "sleeves",
            "Weights and sleeves",
            "Each sleeve backtested alone with the whole capital; average weight over time and the"
                + " weight at the last rebalance.",
            List.of(
                "Sleeve",
                "Strategy",
                "Parameters",
                "Symbols",
                "Status",
                "Avg. weight",
                "Last weight",
                "Return [%]",
                "CAGR [%]",
                "Sharpe Ratio",
                "Max. Drawdown [%]",
                "# Trades"),
            List.of(false, false, false, false, false, true, true, true, true, true, true, true),
            rows));
    JsonNode corr = pf.path("correlation");
    if (corr.isObject()) {
      List<String> cols = new ArrayList<>(List.of(""));
      List<Boolean> numeric = new ArrayList<>(List.of(false));
      corr.path("sleeves").forEach(x -> cols.add(x.asText()));
      corr.path("sleeves").forEach(x -> numeric.add(true));
      List<List<Page.Cell>> crows = new ArrayList<>();
      int k = 0;
      for (JsonNode row : corr.path("matrix")) {
        List<Page.Cell> cells = new ArrayList<>();
        cells.add(Page.Cell.text(corr.path("sleeves").path(k++).asText()));
        for (JsonNode c : row) {
          double x = Results.num(c);
          cells.add(Page.Cell.number(x, Results.fixed(x, 3)));
        }
        if (cells.size() == cols.size()) {
          crows.add(cells);
        }
      }
      sections.add(
          new Page.Table(
              "correlation",
              "Sleeve correlation",
              "Pearson correlation of the sleeves' daily returns over "
                  + corr.path("rows").asText()
                  + " bars.",
              cols,
              numeric,
              crows));
    }
    List<List<Page.Cell>> srows = new ArrayList<>();
    for (String sym : Results.fieldNames(r.path("symbols"))) {
      JsonNode m = r.path("symbols").get(sym);
      List<Page.Cell> row = new ArrayList<>();
      row.add(Page.Cell.text(sym));
      double count = Results.num(m.path("count"));
      row.add(Page.Cell.number(count, Results.fixed(count, 0)));
      for (String k : List.of("mean", "std", "min", "max")) {
        double x = 100 * Results.num(m.path(k));
        row.add(Page.Cell.number(x, Results.fixed(x, 3)));
      }
      for (String k : List.of("skewness", "kurtosis")) {
        double x = Results.num(m.path(k));
        row.add(Page.Cell.number(x, Results.fixed(x, 3)));
      }
      srows.add(row);
    }
    if (!srows.isEmpty()) {
      sections.add(
          new Page.Table(
              "symbols",
              "Symbols",
              "Close-to-close daily returns of every symbol over the whole history.",
              List.of(
                  "Symbol",
                  "Returns",
                  "Mean [%]",
                  "Std [%]",
                  "Min [%]",
                  "Max [%]",
                  "Skewness",
                  "Excess kurtosis"),
              List.of(false, true, true, true, true, true, true, true),
              srows));
    }
    String subtitle =
        (dataDescription.isEmpty() ? "" : dataDescription + " | ")
            + r.path("sleeves").size()
            + " sleeves | "
            + r.path("allocation").asText()
            + ", rebalance every "
            + r.path("rebalance").asText()
            + " bars, lookback "
            + r.path("lookback").asText()
            + " | capital "
            + Results.fixed(Results.num(r.path("capital")), 0);
    return new Page("Multi-strategy portfolio", subtitle, sections);
  }

  private static double[] finalWeights(JsonNode pf) {
    JsonNode schedule = pf.path("schedule");
    if (schedule.size() == 0) {
      return new double[0];
    }
    return Results.nums(schedule.get(schedule.size() - 1).path("weights"));
  }

  private static List<Page.Fact> portfolioFacts(JsonNode r) {
    JsonNode pf = r.path("portfolio");
    List<Page.Fact> facts = new ArrayList<>();
    for (String k : Results.fieldNames(pf.path("statistics"))) {
      facts.add(new Page.Fact(k, Results.stat(k, Results.num(pf.path("statistics").get(k)))));
    }
    facts.add(
        new Page.Fact(
            "Diversification ratio",
            Results.fixed(Results.num(pf.path("diversificationRatio")), 3)));
    facts.add(new Page.Fact("Rebalances", Integer.toString(pf.path("schedule").size())));
    return facts;
  }
}
