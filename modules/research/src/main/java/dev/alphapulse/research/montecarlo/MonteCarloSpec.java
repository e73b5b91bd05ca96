package dev.alphapulse.research.montecarlo;

import java.util.Objects;

/**
 * The settings of one Monte Carlo simulation (everything but the input returns).
 *
 * @param method how paths draw their returns
 * @param seed job seed; path {@code i} draws from a seed derived from {@code (seed, i)} only
 * @param startingEquity equity at step 0, positive and finite
 * @param steps number of returns per path, at least 1
 * @param periodsPerYear steps per year, positive (252 for daily bars, trades per year for trade
 *     resampling); used for CAGR and the annualised Sharpe ratio
 * @param ruinThreshold a path is ruined when its equity falls strictly below {@code ruinThreshold *
 *     startingEquity} at any step; in (0, 1]
 * @param meanBlockLength mean block length of {@link MonteCarloMethod#BLOCK_BOOTSTRAP}, at least 1
 *     (1 is the i.i.d. bootstrap); ignored by the other methods
 * @param degreesOfFreedom degrees of freedom of {@link MonteCarloMethod#STUDENT_T}, greater than 2
 *     (so that the variance exists); ignored by the other methods
 * @param fanPaths the paths with index below this number keep their whole equity curve for the
 *     {@link FanChart}; 0 keeps none
 */
public record MonteCarloSpec(
    MonteCarloMethod method,
    long seed,
    double startingEquity,
    int steps,
    double periodsPerYear,
    double ruinThreshold,
    double meanBlockLength,
    double degreesOfFreedom,
    int fanPaths) {

  /** Default starting equity (backtesting.py's cash). */
  public static final double DEFAULT_STARTING_EQUITY = 10_000;

  public MonteCarloSpec {
    Objects.requireNonNull(method, "method");
    if (!(startingEquity > 0) || Double.isInfinite(startingEquity)) {
      throw new IllegalArgumentException(
          "startingEquity must be positive and finite, was " + startingEquity);
    }
    if (steps < 1) {
      throw new IllegalArgumentException("steps must be at least 1, was " + steps);
    }
    if (!(periodsPerYear > 0) || Double.isInfinite(periodsPerYear)) {
      throw new IllegalArgumentException(
          "periodsPerYear must be positive and finite, was " + periodsPerYear);
    }
    if (!(ruinThreshold > 0 && ruinThreshold <= 1)) {
      throw new IllegalArgumentException("ruinThreshold must be in (0, 1], was " + ruinThreshold);
    }
    if (!(meanBlockLength >= 1) || Double.isInfinite(meanBlockLength)) {
      throw new IllegalArgumentException(
          "meanBlockLength must be at least 1 and finite, was " + meanBlockLength);
    }
    if (!(degreesOfFreedom > 2) || Double.isInfinite(degreesOfFreedom)) {
      throw new IllegalArgumentException(
          "degreesOfFreedom must be greater than 2 and finite, was " + degreesOfFreedom);
    }
    if (fanPaths < 0) {
      throw new IllegalArgumentException("fanPaths must be non-negative, was " + fanPaths);
    }
  }

  /**
   * A spec with the defaults: starting equity 10,000, 252 periods per year, ruin below 50% of the
   * starting equity, mean block length 10, 5 degrees of freedom, fan chart of the first 1,000
   * paths.
   */
  public static MonteCarloSpec of(MonteCarloMethod method, long seed, int steps) {
    return new MonteCarloSpec(method, seed, DEFAULT_STARTING_EQUITY, steps, 252, 0.5, 10, 5, 1000);
  }

  public MonteCarloSpec withStartingEquity(double v) {
    return new MonteCarloSpec(
        method,
        seed,
        v,
        steps,
        periodsPerYear,
        ruinThreshold,
        meanBlockLength,
        degreesOfFreedom,
        fanPaths);
  }

  public MonteCarloSpec withPeriodsPerYear(double v) {
    return new MonteCarloSpec(
        method,
        seed,
        startingEquity,
        steps,
        v,
        ruinThreshold,
        meanBlockLength,
        degreesOfFreedom,
        fanPaths);
  }

  public MonteCarloSpec withRuinThreshold(double v) {
    return new MonteCarloSpec(
        method,
        seed,
        startingEquity,
        steps,
        periodsPerYear,
        v,
        meanBlockLength,
        degreesOfFreedom,
        fanPaths);
  }

  public MonteCarloSpec withMeanBlockLength(double v) {
    return new MonteCarloSpec(
        method,
        seed,
        startingEquity,
        steps,
        periodsPerYear,
        ruinThreshold,
        v,
        degreesOfFreedom,
        fanPaths);
  }

  public MonteCarloSpec withDegreesOfFreedom(double v) {
    return new MonteCarloSpec(
        method,
        seed,
        startingEquity,
        steps,
        periodsPerYear,
        ruinThreshold,
        meanBlockLength,
        v,
        fanPaths);
  }

  public MonteCarloSpec withFanPaths(int v) {
    return new MonteCarloSpec(
        method,
        seed,
        startingEquity,
        steps,
        periodsPerYear,
        ruinThreshold,
        meanBlockLength,
        degreesOfFreedom,
        v);
  }
}
