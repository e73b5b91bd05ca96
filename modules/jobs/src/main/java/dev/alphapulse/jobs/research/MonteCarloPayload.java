package dev.alphapulse.jobs.research;

import dev.alphapulse.research.montecarlo.PathBatch;

/**
 * The payload of one monte-carlo chunk: the per-path statistics of the paths {@code [from, to)} in
 * path order, and the equity curves of those with index below the spec's fan paths (the first
 * {@code fanCurves.length} paths of the range). Doubles round-trip bit for bit through {@link
 * Json}.
 *
 * @param from first path index
 * @param to end path index (exclusive)
 * @param steps returns per path the chunk simulated
 * @param inputs number of input returns (bars or trades of the base backtest)
 * @param periodsPerYear the periods per year used
 * @param finalEquity per path
 * @param cagr per path
 * @param maxDrawdown per path
 * @param sharpe per path (NaN when undefined)
 * @param minEquity per path
 * @param fanCurves the kept equity curves, {@code steps + 1} points each
 */
record MonteCarloPayload(
    long from,
    long to,
    int steps,
    int inputs,
    double periodsPerYear,
    double[] finalEquity,
    double[] cagr,
    double[] maxDrawdown,
    double[] sharpe,
    double[] minEquity,
    double[][] fanCurves) {

  static MonteCarloPayload of(
      long from, long to, int steps, int inputs, double periodsPerYear, PathBatch b) {
    double[][] fan = new double[b.fanPathCount()][];
    for (int i = 0; i < fan.length; i++) {
      fan[i] = b.fanCurve(i);
    }
    return new MonteCarloPayload(
        from,
        to,
        steps,
        inputs,
        periodsPerYear,
        b.finalEquities(),
        b.cagrs(),
        b.maxDrawdowns(),
        b.sharpes(),
        b.minEquities(),
        fan);
  }

  int size() {
    return finalEquity.length;
  }
}
