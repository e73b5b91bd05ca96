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
import java.util.Comparator;
import java.util.List;

/**
 * {@code hpo}: hyper-parameter optimisation ({@code examples/optimize.yaml}). TPE proposes
 * sma-cross's fast and slow periods in rounds of 8 trials; ASHA stops weak trials early on growing
 * fractions of the history. The summary ranks the trials that ran on the full history, and the
 * report adds the best-so-far curve and the overfitting statistics (Deflated Sharpe Ratio,
 * Probability of Backtest Overfitting).
 */
final class HpoExample implements Example.Kind {

  @Override
  public int[] syntheticSize(boolean quick) {
    return quick ? new int[] {1, 1000} : new int[] {1, 5000};
  }

  @Override
  public ExampleData select(ExampleData data) {
    return data.firstSymbolOnly();
  }

  @Override
  public ObjectNode job(ExampleData data, boolean quick) {
    ObjectNode job = Example.newJob("optimize", data);
    job.put("strategy", "sma-cross");
    ObjectNode space = job.putObject("search-space");
    space.putObject("fast").putArray("randint").add(2).add(50);
    space.putObject("slow").putArray("randint").add(20).add(250);
    job.putObject("search")
        .put("algorithm", "tpe")
        .put("num-samples", quick ? 12 : 48)
        .put("batch-size", quick ? 4 : 8)
        .put("metric", "Sharpe Ratio")
        .put("mode", "max");
    job.putObject("scheduler")
        .put("type", "asha")
        .put("grace-period", 0.25)
        .put("reduction-factor", 2)
        .put("max-budget", 1.0);
    Example.backtest(job, 10_000);
    job.put("seed", 42);
    return job;
  }

  @Override
  public void summarize(PrintWriter out, ExampleRun run, int top) {
    JsonNode r = run.result();
    JsonNode trials = r.path("trials");
    long stopped = 0;
    long failed = 0;
    for (JsonNode t : trials) {
      stopped += t.path("stoppedEarly").asBoolean(false) ? 1 : 0;
      failed += "FAILED".equals(t.path("status").asText()) ? 1 : 0;
    }
    out.printf(
        "%d trials of %s + %s in %.2f s (%d stopped early by the scheduler, %d failed);"
            + " objective: %s (%s)%n",
        trials.size(),
        r.path("algorithm").asText(),
        r.path("scheduler").asText(),
        run.seconds(),
        stopped,
        failed,
        r.path("metric").asText(),
        r.path("mode").asText());
    JsonNode best = r.path("best");
    if (best.isObject()) {
      out.printf(
          "%nBest trial #%s: %s -> %s %s%n",
          best.path("trialId").asText(),
          Results.params(best.path("params")),
          r.path("metric").asText(),
          Results.fixed(Results.num(best.path("objective")), 4));
      TextTable s = TextTable.of("statistic", ">value");
      for (String k : Results.KEY_STATS) {
        s.row(k, Results.stat(k, Results.num(best.path("metrics").path(k))));
      }
      s.print(out, "  ");
    }
    List<JsonNode> ranked = ranked(r);
    List<String> names = paramNames(trials);
    out.printf(
        "%nTop %d of %d trials on the full history, by %s:%n",
        Math.min(top, ranked.size()), ranked.size(), r.path("metric").asText());
    List<String> cols = new ArrayList<>(List.of(">rank", ">trial"));
    names.forEach(n -> cols.add(">" + n));
    cols.addAll(List.of(">objective", ">Return %", ">Max DD %", ">Trades"));
    TextTable t = TextTable.of(cols.toArray(String[]::new));
    for (int i = 0; i < Math.min(top, ranked.size()); i++) {
      JsonNode tr = ranked.get(i);
      List<String> row = new ArrayList<>();
      row.add(Integer.toString(i + 1));
      row.add(tr.path("trialId").asText());
      for (String n : names) {
        row.add(Results.param(tr.path("params").get(n)));
      }
      JsonNode m = tr.path("metrics");
      row.add(Results.fixed(Results.num(tr.path("objective")), 4));
      row.add(Results.fixed(Results.num(m.path("Return [%]")), 2));
      row.add(Results.fixed(Results.num(m.path("Max. Drawdown [%]")), 2));
      row.add(Results.fixed(Results.num(m.path("# Trades")), 0));
      t.row(row);
    }
    t.print(out, "  ");
    out.printf(
        "%nOverfitting (the best trial's Sharpe ratio against all %d trials):%n", trials.size());
    TextTable o = TextTable.of("statistic", ">value");
    overfitting(r).forEach(f -> o.row(f.name(), f.value()));
    o.print(out, "  ");
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
    JsonNode trials = r.path("trials");
    List<String> names = paramNames(trials);
    String metric = r.path("metric").asText();
    boolean max = !"min".equals(r.path("mode").asText());
    List<Page.Section> sections = new ArrayList<>();

    JsonNode best = r.path("best");
    List<Page.Fact> bestFacts = new ArrayList<>();
    if (best.isObject()) {
      bestFacts.add(new Page.Fact("Trial", best.path("trialId").asText()));
      for (String n : names) {
        bestFacts.add(new Page.Fact(n, Results.param(best.path("params").get(n))));
      }
      bestFacts.add(
          new Page.Fact(
              metric + " (objective)", Results.fixed(Results.num(best.path("objective")), 4)));
      for (String k : Results.fieldNames(best.path("metrics"))) {
        bestFacts.add(new Page.Fact(k, Results.stat(k, Results.num(best.path("metrics").get(k)))));
      }
    }
    sections.add(
        new Page.Facts(
            "best",
            "Best trial",
            "The best trial that ran on the full history; its statistics over that history.",
            bestFacts));

    int n = trials.size();
    double[] x = new double[n];
    double[] full = new double[n];
    double[] early = new double[n];
    double[] bestSoFar = new double[n];
    double running = Double.NaN;
    for (int i = 0; i < n; i++) {
      JsonNode t = trials.get(i);
      x[i] = t.path("trialId").asDouble(i);
      double obj = Results.num(t.path("objective"));
      boolean complete = "COMPLETED".equals(t.path("status").asText());
      full[i] = complete ? obj : Double.NaN;
      early[i] = complete ? Double.NaN : obj;
      if (complete && !Double.isNaN(obj)) {
        running =
            Double.isNaN(running) ? obj : max ? Math.max(running, obj) : Math.min(running, obj);
      }
      bestSoFar[i] = running;
    }
    if (n > 0 && Results.increasing(x)) {
      Figure f =
          Figure.of(
              metric + " by trial",
              "trial",
              "number",
              x,
              List.of(
                  new Figure.Line("Best so far", "line", "#2563eb", 2.5, bestSoFar),
                  new Figure.Line("Full history", "points", "#16a34a", 1, full),
                  new Figure.Line(
                      "Stopped early (partial history)", "points", "#f97316", 1, early)));
      sections.add(
          new Page.Plot(
              "progress",
              "Best so far",
              "Each trial's objective in the order the searcher proposed them; trials the scheduler"
                  + " stopped early are scored on the part of the history they ran on and do not"
                  + " count for the best.",
              f));
    }

    List<String> columns = new ArrayList<>(List.of("Trial"));
    columns.addAll(names);
    columns.addAll(
        List.of("Status", "Budget", metric, "Return [%]", "Max. Drawdown [%]", "# Trades"));
    List<Boolean> numeric = new ArrayList<>();
    for (String c : columns) {
      numeric.add(!c.equals("Status"));
    }
    List<List<Page.Cell>> rows = new ArrayList<>();
    for (JsonNode t : trials) {
      List<Page.Cell> row = new ArrayList<>();
      row.add(Page.Cell.number(t.path("trialId").asDouble(), t.path("trialId").asText()));
      for (String p : names) {
        JsonNode v = t.path("params").get(p);
        row.add(Page.Cell.number(Results.num(v), Results.param(v)));
      }
      row.add(Page.Cell.text(t.path("status").asText()));
      double budget = Results.num(t.path("budget"));
      row.add(Page.Cell.number(budget, Results.fixed(budget, 3)));
      double obj = Results.num(t.path("objective"));
      row.add(Page.Cell.number(obj, Results.fixed(obj, 4)));
      for (String k : List.of("Return [%]", "Max. Drawdown [%]", "# Trades")) {
        double v = Results.num(t.path("metrics").path(k));
        row.add(Page.Cell.number(v, Results.stat(k, v)));
      }
      rows.add(row);
    }
    sections.add(
        new Page.Table(
            "trials",
            "Trials",
            n
                + " trials in proposal order; budget is the fraction of the history a trial ran"
                + " on. Click a column header to sort.",
            columns,
            numeric,
            rows));
    sections.add(
        new Page.Facts(
            "overfitting",
            "Overfitting",
            "Deflated Sharpe Ratio: the probability that the best trial's (per-bar) Sharpe ratio"
                + " beats the best of as many trials of pure noise. PBO: the share of"
                + " combinatorially symmetric cross-validation splits in which the in-sample best"
                + " ranks below the median out of sample.",
            overfitting(r)));
    String subtitle =
        (dataDescription.isEmpty() ? "" : dataDescription + " | ")
            + r.path("strategy").asText()
            + " | "
            + r.path("algorithm").asText()
            + " + "
            + r.path("scheduler").asText()
            + " | "
            + n
            + " trials | "
            + metric
            + " ("
            + r.path("mode").asText()
            + ")";
    return new Page(
        "Hyper-parameter optimisation of " + r.path("strategy").asText(), subtitle, sections);
  }

  /** Trials that ran on the full history with a number, best first (ties by trial id). */
  static List<JsonNode> ranked(JsonNode result) {
    boolean max = !"min".equals(result.path("mode").asText());
    List<JsonNode> out = new ArrayList<>();
    for (JsonNode t : result.path("trials")) {
      if ("COMPLETED".equals(t.path("status").asText())
          && !Double.isNaN(Results.num(t.path("objective")))) {
        out.add(t);
      }
    }
    Comparator<JsonNode> byObjective =
        Comparator.comparingDouble(t -> Results.num(t.path("objective")));
    out.sort(max ? byObjective.reversed() : byObjective);
    return out;
  }

  private static List<String> paramNames(JsonNode trials) {
    List<String> names = new ArrayList<>();
    for (JsonNode t : trials) {
      for (String n : Results.fieldNames(t.path("params"))) {
        if (!names.contains(n)) {
          names.add(n);
        }
      }
    }
    return names;
  }

  private static List<Page.Fact> overfitting(JsonNode r) {
    JsonNode of = r.path("overfitting");
    JsonNode dsr = of.path("deflatedSharpe");
    JsonNode pbo = of.path("pbo");
    List<Page.Fact> facts = new ArrayList<>();
    facts.add(new Page.Fact("Trials used", of.path("trialsUsed").asText("n/a")));
    if (dsr.isObject()) {
      facts.add(
          new Page.Fact(
              "Deflated Sharpe probability",
              Results.fixed(Results.num(dsr.path("probability")), 4)));
      facts.add(
          new Page.Fact(
              "Best Sharpe (per bar)", Results.fixed(Results.num(dsr.path("sharpe")), 4)));
      facts.add(
          new Page.Fact(
              "Expected max Sharpe of noise (per bar)",
              Results.fixed(Results.num(dsr.path("benchmarkSharpe")), 4)));
      facts.add(new Page.Fact("Observations", dsr.path("observations").asText("n/a")));
    } else {
      facts.add(new Page.Fact("Deflated Sharpe probability", "n/a"));
    }
    if (pbo.isObject()) {
      facts.add(
          new Page.Fact(
              "PBO (probability of backtest overfitting)",
              Results.fixed(Results.num(pbo.path("probability")), 4)));
      facts.add(new Page.Fact("PBO splits", pbo.path("combinations").asText("n/a")));
      facts.add(
          new Page.Fact(
              "Degradation slope (OOS vs IS)",
              Results.fixed(Results.num(pbo.path("degradationSlope")), 4)));
      facts.add(
          new Page.Fact(
              "Probability of an OOS loss",
              Results.fixed(Results.num(pbo.path("probabilityOfOosLoss")), 4)));
    } else {
      facts.add(new Page.Fact("PBO (probability of backtest overfitting)", "n/a"));
    }
    return facts;
  }
}
