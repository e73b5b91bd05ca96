package dev.alphapulse.jobs;

import java.util.Locale;

/** What a job computes; written {@code backtest} or {@code sweep} in job files. */
public enum JobType {
  /** One parameter set (on one or several symbols). */
  BACKTEST,
  /** Every combination of the parameter grid. */
  SWEEP;

  /** The name used in job files: {@code backtest} or {@code sweep}. */
  public String fileName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * Parses a job file's {@code type} (case-insensitive).
   *
   * @throws JobSpecException on field {@code type}, naming the accepted values
   */
  public static JobType parse(String text) {
    String t = text.trim().toLowerCase(Locale.ROOT);
    for (JobType type : values()) {
      if (type.fileName().equals(t)) {
        return type;
      }
    }
    if (t.replace('_', '-').equals("monte-carlo")) {
      throw new JobSpecException(
          "type", "monte-carlo is not a job type yet (issue #4); expected backtest or sweep");
    }
    throw new JobSpecException(
        "type", "unknown job type '" + text + "'; expected backtest or sweep");
  }
}
