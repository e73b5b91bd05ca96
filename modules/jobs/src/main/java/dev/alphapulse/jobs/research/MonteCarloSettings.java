package dev.alphapulse.jobs.research;

import com.fasterxml.jackson.databind.JsonNode;
import dev.alphapulse.research.montecarlo.MonteCarloMethod;
import dev.alphapulse.research.optimize.ResearchSpecException;
import java.util.List;
import java.util.Locale;

/**
 * The {@code monte-carlo:} section of a monte-carlo job, checked:
 *
 * <pre>
 * monte-carlo: {method: block-bootstrap, paths: 10000, steps: 252, block-size: 20,
 *               percentiles: [1, 25, 75, 99], var-level: 0.95, ruin-threshold: 0.5,
 *               fan-paths: 1000, periods-per-year: 252, degrees-of-freedom: 5, symbol: SYN00}
 * </pre>
 *
 * @param method how paths draw their returns
 * @param paths number of paths, in [1, {@link #MAX_PATHS}]
 * @param steps returns per path, or 0 for the number of input returns (the history length)
 * @param blockSize mean block length of the block bootstrap
 * @param percentiles percentiles reported besides 5, 50 and 95
 * @param varLevel VaR/CVaR confidence level in (0, 1)
 * @param ruinThreshold ruin below this fraction of the starting equity, in (0, 1]
 * @param fanPaths the paths with index below this keep their curve for the fan chart (at most
 *     {@code paths})
 * @param periodsPerYear steps per year, or 0 for the default (252 for per-bar returns; trades per
 *     year of the base backtest for trade resampling)
 * @param degreesOfFreedom Student-t degrees of freedom, greater than 2
 * @param symbol the symbol a single-symbol strategy runs on, or {@code ""} for the first one
 */
record MonteCarloSettings(
    MonteCarloMethod method,
    int paths,
    int steps,
    double blockSize,
    double[] percentiles,
    double varLevel,
    double ruinThreshold,
    int fanPaths,
    double periodsPerYear,
    double degreesOfFreedom,
    String symbol) {

  /** Most paths a job may simulate (every path's statistics are held when assembling). */
  static final int MAX_PATHS = 1_000_000;

  /** Most steps per path. */
  static final int MAX_STEPS = 100_000;

  static final List<String> KEYS =
      List.of(
          "method",
          "paths",
          "steps",
          "block-size",
          "percentiles",
          "var-level",
          "ruin-threshold",
          "fan-paths",
          "periods-per-year",
          "degrees-of-freedom",
          "symbol");

  private static final String P = "monte-carlo";

  static MonteCarloSettings parse(JsonNode research) {
    JsonNode mc = Sections.section(research, P);
    Sections.checkKeys(mc, P, KEYS);
    String m = Sections.text(mc, "method", P, "block-bootstrap").trim().toLowerCase(Locale.ROOT);
    MonteCarloMethod method =
        switch (m) {
          case "block-bootstrap" -> MonteCarloMethod.BLOCK_BOOTSTRAP;
          case "iid-bootstrap" -> MonteCarloMethod.IID_BOOTSTRAP;
          case "trade-resample" -> MonteCarloMethod.TRADE_RESAMPLE;
          case "gbm" -> MonteCarloMethod.GBM;
          case "student-t" -> MonteCarloMethod.STUDENT_T;
          default ->
              throw new ResearchSpecException(
                  P + ".method",
                  "unknown method '"
                      + m
                      + "'; expected block-bootstrap, iid-bootstrap, trade-resample, gbm or"
                      + " student-t");
        };
    int paths = Sections.integer(mc, "paths", P, 10_000, 1);
    if (paths > MAX_PATHS) {
      throw new ResearchSpecException(
          P + ".paths", "must be at most " + MAX_PATHS + ", was " + paths);
    }
    int steps = Sections.integer(mc, "steps", P, 0, 1);
    if (steps > MAX_STEPS) {
      throw new ResearchSpecException(
          P + ".steps", "must be at most " + MAX_STEPS + ", was " + steps);
    }
    double blockSize = Sections.number(mc, "block-size", P, 20);
    if (!(blockSize >= 1)) {
      throw new ResearchSpecException(
          P + ".block-size", "must be >= 1, was " + mc.get("block-size"));
    }
    double[] percentiles = percentiles(mc.get("percentiles"));
    double varLevel = Sections.number(mc, "var-level", P, 0.95);
    if (!(varLevel > 0 && varLevel < 1)) {
      throw new ResearchSpecException(P + ".var-level", "must be in (0, 1), was " + varLevel);
    }
    double ruin = Sections.number(mc, "ruin-threshold", P, 0.5);
    if (!(ruin > 0 && ruin <= 1)) {
      throw new ResearchSpecException(P + ".ruin-threshold", "must be in (0, 1], was " + ruin);
    }
    int fanPaths = Sections.integer(mc, "fan-paths", P, Math.min(1000, paths), 0);
    if (fanPaths > paths) {
      throw new ResearchSpecException(
          P + ".fan-paths", "must be at most paths (" + paths + "), was " + fanPaths);
    }
    double ppy = Sections.number(mc, "periods-per-year", P, 0);
    if (mc.has("periods-per-year") && !(ppy > 0)) {
      throw new ResearchSpecException(P + ".periods-per-year", "must be positive, was " + ppy);
    }
    double dof = Sections.number(mc, "degrees-of-freedom", P, 5);
    if (!(dof > 2)) {
      throw new ResearchSpecException(P + ".degrees-of-freedom", "must be > 2, was " + dof);
    }
    String symbol = Sections.text(mc, "symbol", P, "");
    return new MonteCarloSettings(
        method, paths, steps, blockSize, percentiles, varLevel, ruin, fanPaths, ppy, dof, symbol);
  }

  private static double[] percentiles(JsonNode n) {
    if (n == null || n.isNull()) {
      return new double[0];
    }
    if (!n.isArray()) {
      throw new ResearchSpecException(
          P + ".percentiles", "must be a list of numbers in [0, 100], was " + n);
    }
    double[] out = new double[n.size()];
    for (int i = 0; i < n.size(); i++) {
      JsonNode v = n.get(i);
      if (!v.isNumber() || !(v.doubleValue() >= 0 && v.doubleValue() <= 100)) {
        throw new ResearchSpecException(
            P + ".percentiles[" + i + "]", "must be a number in [0, 100], was " + v);
      }
      out[i] = v.doubleValue();
    }
    return out;
  }

  /** The method as written in a job file. */
  String methodName() {
    return method.name().toLowerCase(Locale.ROOT).replace('_', '-');
  }
}
