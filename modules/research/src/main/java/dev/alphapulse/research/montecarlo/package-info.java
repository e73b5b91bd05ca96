/**
 * Monte Carlo simulation of equity paths from a backtest's returns: trade-sequence resampling,
 * i.i.d. and stationary block bootstraps of per-bar returns, and parametric (GBM, Student-t) paths
 * fitted to the data. Paths are computed in batches ({@link
 * dev.alphapulse.research.montecarlo.MonteCarloModel#simulate(long, long)}) whose results merge in
 * any order into the same {@link dev.alphapulse.research.montecarlo.PathBatch}; every path draws
 * from its own seed derived from the job seed and the path index only, so a result never depends on
 * how the paths were chunked. Summaries ({@link
 * dev.alphapulse.research.montecarlo.MonteCarloSummary}) and fan charts ({@link
 * dev.alphapulse.research.montecarlo.FanChart}) are computed from merged batches.
 */
package dev.alphapulse.research.montecarlo;
