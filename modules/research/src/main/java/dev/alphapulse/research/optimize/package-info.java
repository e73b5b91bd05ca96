/**
 * Hyper-parameter optimisation, pure: search spaces ({@link
 * dev.alphapulse.research.optimize.ParameterSpace} of {@link
 * dev.alphapulse.research.optimize.Domain}s), searchers behind one ask/tell interface ({@link
 * dev.alphapulse.research.optimize.Searcher}: grid, random, TPE, CMA-ES), schedulers (FIFO, ASHA,
 * PBT) and the deterministic, replayable {@link dev.alphapulse.research.optimize.Study} state
 * machine that drives them in rounds, plus {@link dev.alphapulse.research.optimize.TrialEvaluator}
 * which runs one trial as a backtest. No actors, no I/O, no clock; every random choice comes from
 * an explicit seed. See {@code docs/research-optimize.md}.
 */
package dev.alphapulse.research.optimize;
