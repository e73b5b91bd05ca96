package dev.alphapulse.app.example;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.alphapulse.app.report.HtmlReport;
import dev.alphapulse.app.report.ReportModel;
import dev.alphapulse.app.report.SweepRow;
import dev.alphapulse.engine.backtest.Backtest;
import dev.alphapulse.engine.backtest.BacktestResult;
import dev.alphapulse.engine.data.Universe;
import dev.alphapulse.engine.metrics.Metrics;
import dev.alphapulse.engine.metrics.Statistics;
import dev.alphapulse.engine.strategy.Params;
import dev.alphapulse.engine.strategy.StrategyDescriptor;
import dev.alphapulse.engine.strategy.StrategyRegistry;
import dev.alphapulse.jobs.ChunkExecutor;
import dev.alphapulse.jobs.RunResult;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code basic}: a distributed backtest. sma-cross swept over a grid of fast and slow periods on
 * every symbol, split into chunks of parameter sets ({@code examples/sweep-small.yaml}, larger).
 * The report is the backtest report of the best run by Sharpe ratio, re-run here for its equity
 * curve and trades, with the ranked sweep table.
 */
final class BasicExample implements Example.Kind {
  static final String METRIC = "Sharpe Ratio";

  @Override
  public int[] syntheticSize(boolean quick) {
    return quick ? new int[] {1, 1000} : new int[] {4, 5000};
  }

  @Override
  public ObjectNode job(ExampleData data, boolean quick) {
    ObjectNode job = Example.newJob("sweep", data);
    job.put("strategy", "sma-cross");
    ObjectNode params = job.putObject("params");
    if (quick) {
      params.putArray("fast").add(5).add(10).add(20);
      params.putArray("slow").add(60).add(100);
    } else {
      params.putObject("fast").putArray("range").add(5).add(50).add(5);
      ArrayNode slow = params.putArray("slow");
      for (int s : new int[] {60, 100, 150, 200}) {
        slow.add(s);
      }
    }
    Example.backtest(job, 10_000);
    job.putObject("parallelization").put("strategy", "PARAMETER_BASED").put("chunk-size", "auto");
    job.put("seed", 42);
    return job;
  }

  @Override
  public void summarize(PrintWriter out, ExampleRun run, int top) {
    List<RunResult> runs = run.outcome().runs();
    long sets = runs.stream().mapToInt(RunResult::paramIndex).distinct().count();
    out.printf(
        "%d backtests (%d parameter sets x %d symbol(s)) in %.2f s on the embedded node, %d/%d"
            + " chunks succeeded.%n",
        runs.size(),
        sets,
        run.data().universe().symbolCount(),
        run.seconds(),
        run.outcome().status().chunks().succeeded(),
        run.outcome().status().chunks().total());
    List<RunResult> best = rank(runs, top);
    out.printf("%nBest %d by %s:%n", best.size(), METRIC);
    TextTable t =
        TextTable.of(
            ">rank",
            "symbol",
            ">fast",
            ">slow",
            ">Sharpe",
            ">Return %",
            ">CAGR %",
            ">Max DD %",
            ">Win %",
            ">Trades");
    int rank = 1;
    for (RunResult r : best) {
      t.row(
          Integer.toString(rank++),
          r.symbol(),
          Results.fixed(r.params().get("fast").doubleValue(), 0),
          Results.fixed(r.params().get("slow").doubleValue(), 0),
          Results.fixed(r.stat(METRIC), 3),
          Results.fixed(r.stat("Return [%]"), 2),
          Results.fixed(r.stat("CAGR [%]"), 2),
          Results.fixed(r.stat("Max. Drawdown [%]"), 2),
          Results.fixed(r.stat("Win Rate [%]"), 2),
          Results.fixed(r.stat("# Trades"), 0));
    }
    t.print(out, "  ");
    if (!best.isEmpty()) {
      RunResult b = best.get(0);
      out.printf("%nBest parameters: %s on %s%n", b.params(), b.symbol());
      TextTable s = TextTable.of("statistic", ">value");
      for (String k : Results.KEY_STATS) {
        s.row(k, Results.stat(k, b.stat(k)));
      }
      s.print(out, "  ");
    }
  }

  @Override
  public void report(Path file, ExampleRun run) throws IOException {
    List<RunResult> ranked = rank(run.outcome().runs(), Integer.MAX_VALUE);
    if (ranked.isEmpty()) {
      throw new IllegalStateException("the sweep produced no run with a value for " + METRIC);
    }
    RunResult best = ranked.get(0);
    StrategyDescriptor strategy = StrategyRegistry.load().get(run.job().strategy());
    Params params = strategy.resolve(best.params());
    Universe all = run.data().universe();
    Universe u = best.symbolIndex() < 0 ? all : Universe.of(all.series(best.symbolIndex()));
    BacktestResult result =
        Backtest.run(u, strategy.create(params), run.job().backtest().toConfig());
    Statistics stats = Metrics.compute(result, ChunkExecutor.CONVENTION);
    List<SweepRow> rows = new ArrayList<>();
    for (RunResult r : ranked) {
      Map<String, Number> p = new LinkedHashMap<>(r.params());
      p.put("symbol#", r.symbolIndex());
      Map<String, Double> s = new LinkedHashMap<>();
      for (String k :
          List.of(METRIC, "Return [%]", "CAGR [%]", "Max. Drawdown [%]", "Win Rate [%]")) {
        s.put(k, r.stat(k));
      }
      s.put("# Trades", r.stat("# Trades"));
      rows.add(new SweepRow(p, s));
    }
    ReportModel model =
        ReportModel.of(
                "Example basic: sma-cross sweep, best " + params + " on " + best.symbol(),
                run.data().description()
                    + " | "
                    + run.outcome().runs().size()
                    + " backtests | ranked by "
                    + METRIC
                    + " | convention "
                    + ChunkExecutor.CONVENTION.label(),
                result,
                stats)
            .withSweep(rows);
    HtmlReport.write(file, model);
  }

  /** Runs with a finite value of the metric, best first, ties in result order. */
  static List<RunResult> rank(List<RunResult> runs, int limit) {
    return runs.stream()
        .filter(r -> !Double.isNaN(r.stat(METRIC)))
        .sorted(Comparator.comparingDouble((RunResult r) -> r.stat(METRIC)).reversed())
        .limit(limit)
        .toList();
  }
}
