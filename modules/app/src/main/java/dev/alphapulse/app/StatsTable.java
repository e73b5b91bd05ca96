package dev.alphapulse.app;

import dev.alphapulse.engine.metrics.Statistics;
import java.util.Map;

/** Statistics as an aligned two-column text table, as backtesting.py prints them. */
final class StatsTable {
  private StatsTable() {}

  static String render(Statistics stats) {
    StringBuilder sb = new StringBuilder();
    row(sb, "Start", StatsJson.isoDateTime(stats.start()));
    row(sb, "End", StatsJson.isoDateTime(stats.end()));
    for (Map.Entry<String, Double> e : stats.values().entrySet()) {
      row(sb, e.getKey(), format(e.getKey(), e.getValue()));
    }
    row(sb, "Convention", stats.convention());
    return sb.toString();
  }

  private static void row(StringBuilder sb, String key, String value) {
    sb.append(String.format("%-26s %s%n", key, value));
  }

  static String format(String key, double v) {
    if (Double.isNaN(v)) {
      return "n/a";
    }
    if (key.contains("Duration")) {
      return (v == Math.rint(v) ? Long.toString((long) v) : String.format("%.4f", v)) + " days";
    }
    if (key.equals("# Trades")) {
      return Long.toString((long) v);
    }
    return String.format("%.6f", v);
  }
}
