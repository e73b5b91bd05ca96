package dev.alphapulse.research.optimize;

import java.util.Locale;

/** Whether a study maximises or minimises its metric. */
public enum Mode {
  /** Higher is better (Sharpe, return). */
  MAX,
  /** Lower is better (drawdown duration, volatility). */
  MIN;

  /** The metric value turned into an objective that is maximised: {@code v} or {@code -v}. */
  public double objective(double metricValue) {
    return this == MAX ? metricValue : -metricValue;
  }

  /**
   * Parses {@code max} or {@code min} (any case).
   *
   * @throws ResearchSpecException naming {@code mode}
   */
  public static Mode parse(String s) {
    if (s != null) {
      switch (s.trim().toLowerCase(Locale.ROOT)) {
        case "max":
          return MAX;
        case "min":
          return MIN;
        default:
          break;
      }
    }
    throw new ResearchSpecException("mode", "expected max or min, got '" + s + "'");
  }
}
