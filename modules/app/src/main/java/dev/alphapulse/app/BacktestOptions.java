package dev.alphapulse.app;

import dev.alphapulse.engine.backtest.BacktestConfig;
import dev.alphapulse.engine.broker.Commission;
import dev.alphapulse.engine.broker.FillPolicy;
import dev.alphapulse.engine.metrics.MetricsConvention;
import picocli.CommandLine.Option;

/** Account and execution options shared by the commands that run backtests. */
final class BacktestOptions {

  @Option(
      names = "--cash",
      defaultValue = "10000",
      description = "Starting cash (default: ${DEFAULT-VALUE}).")
  double cash;

  @Option(
      names = "--commission",
      defaultValue = "0.0",
      description =
          "Commission per fill, charged at entry and at exit: a relative rate such as 0.001"
              + " (0.1%% of the traded value), or FIXED+RATE such as 10+0.01 (10 cash plus 1%%)."
              + " Default: ${DEFAULT-VALUE}.")
  String commission;

  @Option(
      names = "--spread",
      defaultValue = "0.0",
      description =
          "Relative bid-ask spread added to long entry prices and subtracted from short ones,"
              + " e.g. 0.0002 (default: ${DEFAULT-VALUE}).")
  double spread;

  @Option(
      names = "--margin",
      defaultValue = "1.0",
      description =
          "Required margin in (0, 1]; 0.5 means 2:1 leverage (default: ${DEFAULT-VALUE}).")
  double margin;

  @Option(
      names = "--fill",
      defaultValue = "next-open",
      description =
          "When market orders fill: next-open (the next bar's open) or close (the close of the"
              + " signal bar). Default: ${DEFAULT-VALUE}.")
  String fill;

  @Option(
      names = "--finalize-trades",
      description =
          "Close trades still open at the end, at the open of the last bar, so they count in the"
              + " trade statistics (off by default, as in backtesting.py).")
  boolean finalizeTrades;

  @Option(
      names = "--convention",
      defaultValue = "backtesting.py",
      description =
          "Statistics convention: backtesting.py (compounded annualisation, the default),"
              + " arithmetic-252 or arithmetic-365 (mean/std * sqrt(N)).")
  String convention;

  BacktestConfig config() {
    return new BacktestConfig(
        cash, parseCommission(commission), spread, margin, FillPolicy.parse(fill), finalizeTrades);
  }

  MetricsConvention metricsConvention() {
    return MetricsConvention.parse(convention);
  }

  /** Parses {@code RATE} or {@code FIXED+RATE}. */
  static Commission parseCommission(String text) {
    String t = text.trim();
    try {
      int plus = t.indexOf('+', 1);
      if (plus > 0) {
        return Commission.fixedPlusRelative(
            Double.parseDouble(t.substring(0, plus)), Double.parseDouble(t.substring(plus + 1)));
      }
      return Commission.relative(Double.parseDouble(t));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          "--commission: '" + text + "' is not a rate (0.001) or FIXED+RATE (10+0.01)");
    }
  }
}
