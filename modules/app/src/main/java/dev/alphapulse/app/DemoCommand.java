package dev.alphapulse.app;

import dev.alphapulse.app.report.HtmlReport;
import dev.alphapulse.app.report.ReportModel;
import dev.alphapulse.app.report.SweepRow;
import dev.alphapulse.cluster.DistributedComputingService;
import dev.alphapulse.cluster.JobOutcome;
import dev.alphapulse.engine.backtest.Backtest;
import dev.alphapulse.engine.backtest.BacktestConfig;
import dev.alphapulse.engine.backtest.BacktestResult;
import dev.alphapulse.engine.data.Universe;
import dev.alphapulse.engine.metrics.Metrics;
import dev.alphapulse.engine.metrics.MetricsConvention;
import dev.alphapulse.engine.metrics.Statistics;
import dev.alphapulse.engine.strategy.ParameterGrid;
import dev.alphapulse.engine.strategy.Params;
import dev.alphapulse.engine.strategy.StrategyDescriptor;
import dev.alphapulse.engine.strategy.StrategyRegistry;
import dev.alphapulse.jobs.BacktestSettings;
import dev.alphapulse.jobs.JobSpec;
import dev.alphapulse.jobs.JobType;
import dev.alphapulse.jobs.Parallelization;
import dev.alphapulse.jobs.ParallelizationStrategy;
import dev.alphapulse.jobs.RunResult;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code alphapulse demo}: the main job. A parameter sweep of sma-cross over the synthetic market
 * as a job on the embedded cluster node (all cores), with a progress bar, a table of the best
 * parameter sets and an HTML report of the best one.
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
  public Integer call() throws Exception {
    StrategyDescriptor smaCross = StrategyRegistry.load().get("sma-cross");
    Map<String, List<Number>> candidates = new LinkedHashMap<>();
    candidates.put("fast", range("--fast", fast));
    candidates.put("slow", range("--slow", slow));
    List<Params> grid = ParameterGrid.expand(smaCross, candidates);
    if (grid.isEmpty()) {
      throw new IllegalArgumentException("--fast/--slow: no combination has fast < slow");
    }
    if (threads != null && threads < 1) {
      throw new IllegalArgumentException("--threads must be >= 1, was " + threads);
    }
    DataOptions.Loaded loaded = data.load(System.err);
    BacktestSettings settings = BacktestSettings.defaults(); // finalize-trades on
    BacktestConfig config = settings.toConfig();
    MetricsConvention convention = MetricsConvention.BACKTESTING_PY;
    JobSpec job =
        new JobSpec(
            JobType.SWEEP,
            data.dataSpec(),
            "sma-cross",
            candidates,
            settings,
            new Parallelization(ParallelizationStrategy.PARAMETER_BASED, 0),
            3,
            50,
            data.seed);
    PrintWriter out = spec.commandLine().getOut();
    out.printf(
        "Sweeping sma-cross over %d parameter sets on %s, on the embedded cluster node%n",
        grid.size(), loaded.description());
    out.flush();
    JobOutcome outcome;
    long started;
    try (DistributedComputingService service = DistributedComputingService.initializeEmbedded()) {
      started = System.nanoTime(); // the job itself, without the node's start-up
      if (threads != null) {
        service.scaleCluster(threads).toCompletableFuture().get();
      }
      outcome = JobProgressBar.run(service, job, noProgress).outcome();
    }
    double seconds = (System.nanoTime() - started) / 1e9;
    List<RunResult> best = rank(outcome.runs(), metric, top);
    if (best.isEmpty()) {
      throw new IllegalStateException("the sweep produced no result with a value for " + metric);
    }
    out.printf(
        "%d backtests in %.2f s (%.0f backtests/s). Best %d by %s (convention %s):%n",
        outcome.runs().size(),
        seconds,
        outcome.runs().size() / seconds,
        best.size(),
        metric,
        convention.label());
    out.printf(
        "%4s %-8s %6s %6s %12s %10s %10s %10s %8s%n",
        "rank",
        "symbol",
        "fast",
        "slow",
        metric.length() > 12 ? "metric" : metric,
        "Return%",
        "MaxDD%",
        "WinRate%",
        "Trades");
    int rank = 1;
    for (RunResult r : best) {
      Map<String, Double> s = r.stats();
      out.printf(
          "%4d %-8s %6d %6d %12.4f %10.2f %10.2f %10.2f %8d%n",
          rank++,
          r.symbol(),
          r.params().get("fast").intValue(),
          r.params().get("slow").intValue(),
          s.get(metric),
          s.get("Return [%]"),
          s.get("Max. Drawdown [%]"),
          s.get("Win Rate [%]"),
          s.get("# Trades").longValue());
    }
    RunResult top1 = best.get(0);
    Params winner = smaCross.resolve(top1.params());
    Universe u =
        top1.symbolIndex() < 0
            ? loaded.universe()
            : Universe.of(loaded.universe().series(top1.symbolIndex()));
    BacktestResult result = Backtest.run(u, smaCross.create(winner), config);
    Statistics stats = Metrics.compute(result, convention);
    List<SweepRow> sweepRows =
        rank(outcome.runs(), metric, 50).stream()
            .map(r -> new SweepRow(withSymbol(r), r.stats()))
            .toList();
    ReportModel model =
        ReportModel.of(
                "sma-cross sweep: best " + winner + " on " + top1.symbol() + " by " + metric,
                loaded.description()
                    + " | "
                    + outcome.runs().size()
                    + " backtests | convention "
                    + convention.label(),
                result,
                stats)
            .withSweep(sweepRows);
    HtmlReport.write(report, model);
    out.println("Report: " + report.toAbsolutePath());
    out.flush();
    return 0;
  }

  /** Runs with a value for {@code metric}, best (largest) first, ties by result order. */
  static List<RunResult> rank(List<RunResult> runs, String metric, int limit) {
    return runs.stream()
        .filter(r -> r.stats().containsKey(metric) && !Double.isNaN(r.stats().get(metric)))
        .sorted(Comparator.comparingDouble((RunResult r) -> r.stats().get(metric)).reversed())
        .limit(limit)
        .toList();
  }

  private static Map<String, Number> withSymbol(RunResult r) {
    Map<String, Number> m = new LinkedHashMap<>(r.params());
    m.put("symbol#", r.symbolIndex());
    return m;
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
