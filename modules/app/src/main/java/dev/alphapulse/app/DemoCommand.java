package dev.alphapulse.app;

import dev.alphapulse.app.report.HtmlReport;
import dev.alphapulse.app.report.ReportModel;
import dev.alphapulse.app.report.SweepRow;
import dev.alphapulse.engine.backtest.Backtest;
import dev.alphapulse.engine.backtest.BacktestConfig;
import dev.alphapulse.engine.backtest.BacktestResult;
import dev.alphapulse.engine.metrics.Metrics;
import dev.alphapulse.engine.metrics.MetricsConvention;
import dev.alphapulse.engine.metrics.Statistics;
import dev.alphapulse.engine.strategy.ParameterGrid;
import dev.alphapulse.engine.strategy.Params;
import dev.alphapulse.engine.strategy.StrategyDescriptor;
import dev.alphapulse.engine.strategy.StrategyRegistry;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code alphapulse demo}: the main job. A parameter sweep of sma-cross over the synthetic market
 * on all cores, with a progress bar, a table of the best parameter sets and an HTML report of the
 * best one.
 */
@Command(
    name = "demo",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Sweeps sma-cross (fast x slow) over the seeded synthetic market on all cores, prints the"
          + " best parameter sets and writes an HTML report of the best one.",
      "Needs no data and no server."
    })
final class DemoCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(
      names = "--fast",
      defaultValue = "2:60:2",
      description = "Fast SMA periods FROM:TO:STEP, inclusive (default: ${DEFAULT-VALUE}).")
  String fast;

  @Option(
      names = "--slow",
      defaultValue = "20:250:10",
      description = "Slow SMA periods FROM:TO:STEP, inclusive (default: ${DEFAULT-VALUE}).")
  String slow;

  @Option(
      names = "--metric",
      defaultValue = "Sharpe Ratio",
      description = "Statistic to rank by, maximised (default: ${DEFAULT-VALUE}).")
  String metric;

  @Option(
      names = "--top",
      defaultValue = "10",
      description = "Rows in the table of best sets (default: ${DEFAULT-VALUE}).")
  int top;

  @Option(names = "--threads", description = "Worker threads (default: all cores).")
  Integer threads;

  @Option(
      names = "--report",
      defaultValue = "alphapulse-report.html",
      paramLabel = "FILE.html",
      description = "Where to write the HTML report (default: ${DEFAULT-VALUE}).")
  Path report;

  @Option(names = "--no-progress", description = "Do not draw the progress bar.")
  boolean noProgress;

  @Mixin DataOptions data;

  @Override
  public Integer call() throws IOException {
    StrategyDescriptor smaCross = StrategyRegistry.load().get("sma-cross");
    Map<String, List<Number>> candidates = new LinkedHashMap<>();
    candidates.put("fast", range("--fast", fast));
    candidates.put("slow", range("--slow", slow));
    List<Params> grid = ParameterGrid.expand(smaCross, candidates);
    if (grid.isEmpty()) {
      throw new IllegalArgumentException("--fast/--slow: no combination has fast < slow");
    }
    int nThreads = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
    if (nThreads < 1) {
      throw new IllegalArgumentException("--threads must be >= 1, was " + nThreads);
    }
    DataOptions.Loaded loaded = data.load(System.err);
    BacktestConfig config = BacktestConfig.defaults().withFinalizeTrades(true);
    MetricsConvention convention = MetricsConvention.BACKTESTING_PY;
    PrintWriter out = spec.commandLine().getOut();
    out.printf(
        "Sweeping sma-cross over %d parameter sets on %s, %d threads%n",
        grid.size(), loaded.description(), nThreads);
    out.flush();
    long started = System.nanoTime();
    List<LocalSweep.Row> rows;
    try (ProgressBar bar = progressBar(grid.size())) {
      rows =
          LocalSweep.run(
              loaded.universe(), smaCross, grid, config, convention, nThreads, bar::stepBy);
    }
    double seconds = (System.nanoTime() - started) / 1e9;
    List<LocalSweep.Row> best = LocalSweep.best(rows, metric, true, top);
    out.printf(
        "%d backtests in %.2f s (%.0f backtests/s). Best %d by %s (convention %s):%n",
        rows.size(), seconds, rows.size() / seconds, best.size(), metric, convention.label());
    out.printf(
        "%4s %6s %6s %12s %10s %10s %10s %8s%n",
        "rank",
        "fast",
        "slow",
        metric.length() > 12 ? "metric" : metric,
        "Return%",
        "MaxDD%",
        "WinRate%",
        "Trades");
    int rank = 1;
    for (LocalSweep.Row r : best) {
      Statistics s = r.stats();
      out.printf(
          "%4d %6d %6d %12.4f %10.2f %10.2f %10.2f %8d%n",
          rank++,
          r.params().getInt("fast"),
          r.params().getInt("slow"),
          s.get(metric),
          s.get("Return [%]"),
          s.get("Max. Drawdown [%]"),
          s.get("Win Rate [%]"),
          (long) s.get("# Trades"));
    }
    Params winner = best.get(0).params();
    BacktestResult result = Backtest.run(loaded.universe(), smaCross.create(winner), config);
    Statistics stats = Metrics.compute(result, convention);
    List<SweepRow> sweepRows =
        LocalSweep.best(rows, metric, true, 50).stream()
            .map(r -> new SweepRow(r.params().values(), r.stats().values()))
            .toList();
    ReportModel model =
        ReportModel.of(
                "sma-cross sweep: best " + winner + " by " + metric,
                loaded.description()
                    + " | "
                    + rows.size()
                    + " parameter sets | convention "
                    + convention.label(),
                result,
                stats)
            .withSweep(sweepRows);
    HtmlReport.write(report, model);
    out.println("Report: " + report.toAbsolutePath());
    out.flush();
    return 0;
  }

  private ProgressBar progressBar(int total) {
    ProgressBarBuilder b =
        new ProgressBarBuilder()
            .setTaskName("sweep")
            .setInitialMax(total)
            .setStyle(ProgressBarStyle.ASCII)
            .setUpdateIntervalMillis(200)
            .setConsumer(new ConsoleProgressBarConsumer(System.err))
            .showSpeed();
    if (noProgress) {
      b.setConsumer(new me.tongfei.progressbar.DelegatingProgressBarConsumer(s -> {}));
    }
    return b.build();
  }

  static List<Number> range(String option, String text) {
    String[] parts = text.split(":");
    try {
      if (parts.length == 3) {
        return ParameterGrid.range(
            Double.parseDouble(parts[0]),
            Double.parseDouble(parts[1]),
            Double.parseDouble(parts[2]));
      }
      if (parts.length == 1) {
        return List.of(Integer.parseInt(parts[0].trim()));
      }
    } catch (NumberFormatException e) {
      // fall through to the message below
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(option + ": " + e.getMessage());
    }
    throw new IllegalArgumentException(
        option + ": expected FROM:TO:STEP (e.g. 5:50:5) or one value, got '" + text + "'");
  }
}
