package dev.alphapulse.jobs;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** How a job is split into chunks (names as in job files, e.g. {@code PARAMETER_BASED}). */
public enum ParallelizationStrategy {
  /**
   * Chunks are slices of the parameter grid ({@code chunk-size} parameter sets each); every chunk
   * runs all symbols.
   */
  PARAMETER_BASED,
  /**
   * Chunks are slices of the symbol list ({@code chunk-size} symbols each); every chunk runs all
   * parameter sets. Not for multi-symbol strategies, which need the whole universe at once.
   */
  SYMBOL_BASED,
  /**
   * One parameter set of a single-symbol strategy, each symbol's bars split into time chunks
   * ({@code chunk-size} bars each) and stitched into exactly the sequential backtest by {@link
   * TimeStitcher}.
   */
  TIME_BASED,
  /** Batches of Monte Carlo paths: needs the monte-carlo job type of issue #4; rejected today. */
  MONTE_CARLO,
  /**
   * Picked by the planner: PARAMETER_BASED for sweeps with more parameter sets than symbols and for
   * multi-symbol strategies, else SYMBOL_BASED. The default.
   */
  AUTO;

  /**
   * Parses a name, case-insensitive, with {@code -} accepted for {@code _} ({@code
   * parameter-based}).
   *
   * @throws JobSpecException on field {@code parallelization.strategy}, naming the accepted values
   */
  public static ParallelizationStrategy parse(String text) {
    String t = text.trim().toUpperCase(Locale.ROOT).replace('-', '_');
    for (ParallelizationStrategy s : values()) {
      if (s.name().equals(t)) {
        return s;
      }
    }
    throw new JobSpecException(
        "parallelization.strategy",
        "unknown strategy '"
            + text
            + "'; expected one of "
            + Arrays.stream(values()).map(Enum::name).collect(Collectors.joining(", ")));
  }
}
