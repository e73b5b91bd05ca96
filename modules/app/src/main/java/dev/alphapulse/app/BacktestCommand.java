package dev.alphapulse.app;

import de.siegmar.fastcsv.writer.CsvWriter;
import dev.alphapulse.app.report.HtmlReport;
import dev.alphapulse.app.report.ReportModel;
import dev.alphapulse.engine.backtest.Backtest;
import dev.alphapulse.engine.backtest.BacktestConfig;
import dev.alphapulse.engine.backtest.BacktestResult;
import dev.alphapulse.engine.broker.Trade;
import dev.alphapulse.engine.metrics.Metrics;
import dev.alphapulse.engine.metrics.Statistics;
import dev.alphapulse.engine.strategy.Params;
import dev.alphapulse.engine.strategy.StrategyDescriptor;
import dev.alphapulse.engine.strategy.StrategyRegistry;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code alphapulse backtest}: one strategy, one dataset, the full statistics. */
@Command(
    name = "backtest",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Runs one backtest and prints backtesting.py's statistics (a table, or one JSON object"
          + " with --json).",
      "Example: alphapulse backtest --data GOOG.csv --strategy sma-cross --param fast=10"
          + " --param slow=30 --finalize-trades --json"
    })
final class BacktestCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(
      names = "--strategy",
      required = true,
      description = "Strategy name (see `alphapulse strategies`), e.g. sma-cross.")
  String strategy;

  @Option(
      names = "--param",
      paramLabel = "KEY=VALUE",
      description = "A strategy parameter; repeat for several. Unset ones take their defaults.")
  Map<String, String> params = new LinkedHashMap<>();

  @Mixin DataOptions data;

  @Mixin BacktestOptions backtest;

  @ArgGroup(exclusive = false, heading = "Output:%n")
  Outputs outputs = new Outputs();

  static final class Outputs {
    @Option(names = "--json", description = "Print one JSON object of statistics on stdout.")
    boolean json;

    @Option(names = "--trades", paramLabel = "FILE.csv", description = "Write the trades as CSV.")
    Path trades;

    @Option(
        names = "--equity",
        paramLabel = "FILE.csv",
        description = "Write the equity curve and drawdown per bar as CSV.")
    Path equity;

    @Option(
        names = "--report",
        paramLabel = "FILE.html",
        description = "Write a self-contained HTML report (charts, statistics, trades).")
    Path report;
  }

  @Override
  public Integer call() throws IOException {
    StrategyDescriptor descriptor = StrategyRegistry.load().get(strategy);
    Params resolved = descriptor.resolve(parseParams(descriptor, params));
    BacktestConfig config = backtest.config();
    DataOptions.Loaded loaded = data.load(System.err);
    BacktestResult result = Backtest.run(loaded.universe(), descriptor.create(resolved), config);
    Statistics stats = Metrics.compute(result, backtest.metricsConvention());
    PrintWriter out = spec.commandLine().getOut();
    if (outputs.json) {
      out.println(StatsJson.toJson(stats).toString());
    } else {
      out.println(descriptor.name() + " " + resolved + " on " + loaded.description());
      out.print(StatsTable.render(stats));
    }
    out.flush();
    if (outputs.trades != null) {
      writeTrades(outputs.trades, result.trades());
    }
    if (outputs.equity != null) {
      writeEquity(outputs.equity, result);
    }
    if (outputs.report != null) {
      HtmlReport.write(
          outputs.report,
          ReportModel.of(
              descriptor.name() + " " + resolved,
              loaded.description() + " | convention " + stats.convention(),
              result,
              stats));
      System.err.println("report written to " + outputs.report.toAbsolutePath());
    }
    return 0;
  }

  /** Parses KEY=VALUE strings into numbers, naming the parameter on failure. */
  static Map<String, Number> parseParams(StrategyDescriptor d, Map<String, String> raw) {
    Map<String, Number> m = new LinkedHashMap<>();
    raw.forEach(
        (k, v) -> {
          d.param(k); // unknown names fail here, listing the known ones
          try {
            double x = Double.parseDouble(v.trim());
            m.put(k, x == Math.rint(x) && !v.contains(".") ? (Number) (long) x : (Number) x);
          } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--param " + k + ": '" + v + "' is not a number");
          }
        });
    return m;
  }

  static void writeTrades(Path file, List<Trade> trades) {
    try (CsvWriter w = CsvWriter.builder().build(file)) {
      w.writeRecord(
          "Symbol",
          "Size",
          "EntryBar",
          "ExitBar",
          "EntryPrice",
          "ExitPrice",
          "SL",
          "TP",
          "PnL",
          "Commission",
          "ReturnPct",
          "EntryTime",
          "ExitTime",
          "DurationDays",
          "Tag");
      for (Trade t : trades) {
        w.writeRecord(
            t.symbol(),
            num(t.size()),
            Integer.toString(t.entryBar()),
            Integer.toString(t.exitBar()),
            num(t.entryPrice()),
            num(t.exitPrice()),
            num(t.stopLoss()),
            num(t.takeProfit()),
            num(t.pnl()),
            num(t.commission()),
            num(t.returnPct()),
            StatsJson.isoDateTime(t.entryTime()),
            StatsJson.isoDateTime(t.exitTime()),
            num(t.durationMillis() / 86_400_000.0),
            t.tag() == null ? "" : t.tag());
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write trades to " + file + ": " + e.getMessage(), e);
    }
  }

  static void writeEquity(Path file, BacktestResult r) {
    double[] dd = Metrics.drawdown(r.equity());
    long[] time = r.universe().calendar();
    try (CsvWriter w = CsvWriter.builder().build(file)) {
      w.writeRecord("Time", "Equity", "DrawdownPct");
      for (int i = 0; i < time.length; i++) {
        w.writeRecord(StatsJson.isoDateTime(time[i]), num(r.equity()[i]), num(dd[i]));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write equity to " + file + ": " + e.getMessage(), e);
    }
  }

  private static String num(double v) {
    if (Double.isNaN(v)) {
      return "";
    }
    return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
  }
}
