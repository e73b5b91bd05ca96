package dev.alphapulse.app.report;

import dev.alphapulse.engine.backtest.BacktestResult;
import dev.alphapulse.engine.broker.Trade;
import dev.alphapulse.engine.metrics.Statistics;
import java.util.List;
import java.util.Objects;

/**
 * Everything the HTML report shows about one run.
 *
 * @param title the page heading, e.g. the strategy's name
 * @param subtitle one line under it (strategy, parameters, data, convention); may be empty
 * @param stats the run's statistics, all shown in their order, never downsampled
 * @param time bar times, epoch millis, strictly increasing, at least one bar; owned by the model,
 *     read-only by contract
 * @param equity account equity at each bar, same length as {@code time}; {@code NaN} leaves a gap;
 *     owned by the model, read-only by contract
 * @param trades closed trades in closing order
 * @param sweep the best parameter sets of a sweep, best first; empty for no sweep section
 * @param extraCharts further line charts shown after the rest (e.g. Monte Carlo bands); may be
 *     empty
 */
public record ReportModel(
    String title,
    String subtitle,
    Statistics stats,
    long[] time,
    double[] equity,
    List<Trade> trades,
    List<SweepRow> sweep,
    List<Chart> extraCharts) {

  public ReportModel {
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(subtitle, "subtitle");
    Objects.requireNonNull(stats, "stats");
    requireIncreasing(time, "time");
    Objects.requireNonNull(equity, "equity");
    if (equity.length != time.length) {
      throw new IllegalArgumentException(
          "equity must have one value per time point: " + equity.length + " vs " + time.length);
    }
    trades = List.copyOf(Objects.requireNonNull(trades, "trades"));
    sweep = List.copyOf(Objects.requireNonNull(sweep, "sweep"));
    extraCharts = List.copyOf(Objects.requireNonNull(extraCharts, "extraCharts"));
  }

  /**
   * The model of a backtest: its calendar, equity and trades, with no sweep and no extra charts.
   */
  public static ReportModel of(
      String title, String subtitle, BacktestResult result, Statistics stats) {
    return new ReportModel(
        title,
        subtitle,
        stats,
        result.universe().calendar(),
        result.equity(),
        result.trades(),
        List.of(),
        List.of());
  }

  /** This model with the given sweep rows (best first) instead of its own. */
  public ReportModel withSweep(List<SweepRow> rows) {
    return new ReportModel(title, subtitle, stats, time, equity, trades, rows, extraCharts);
  }

  /** This model with the given extra charts instead of its own. */
  public ReportModel withExtraCharts(List<Chart> charts) {
    return new ReportModel(title, subtitle, stats, time, equity, trades, sweep, charts);
  }

  static void requireIncreasing(long[] time, String field) {
    Objects.requireNonNull(time, field);
    if (time.length == 0) {
      throw new IllegalArgumentException(field + " must not be empty");
    }
    for (int i = 1; i < time.length; i++) {
      if (time[i] <= time[i - 1]) {
        throw new IllegalArgumentException(
            field
                + " must be strictly increasing, but index "
                + i
                + " has "
                + time[i]
                + " after "
                + time[i - 1]);
      }
    }
  }
}
