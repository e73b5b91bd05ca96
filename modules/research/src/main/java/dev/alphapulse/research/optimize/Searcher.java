package dev.alphapulse.research.optimize;

import java.util.List;

/**
 * A search algorithm in the ask/tell style (LEAN's optimisers, Optuna's ask-and-tell): ask for the
 * next parameter sets, be told their results. Implementations are reached through {@link
 * SearcherSpec#create(ParameterSpace, long)}: grid, random, TPE and CMA-ES.
 *
 * <h2>Contract</h2>
 *
 * <ul>
 *   <li>Objectives are <b>maximised</b>: the caller flips the sign of a metric to minimise (the
 *       {@link Study} does it from its {@link Mode}). A non-finite objective ({@code NaN}, a failed
 *       or undefined trial) counts as worse than every finite one.
 *   <li>Trial ids are assigned by the searcher, {@code 0, 1, 2, ...} in ask order.
 *   <li>Deterministic: the candidates are a function of the seed and of the sequence of calls (asks
 *       and tells, in order). Not thread-safe; one caller at a time.
 *   <li>Tells may come in any order and need not follow every ask; a trial is told at most once.
 * </ul>
 */
public interface Searcher {

  /**
   * The next {@code n} candidates, fewer only when the searcher is exhausted (grid).
   *
   * @param n how many, {@code >= 0}
   */
  List<Candidate> ask(int n);

  /**
   * The result of a trial.
   *
   * @param trialId an id this searcher handed out
   * @param objective higher is better; non-finite is worst
   * @throws IllegalArgumentException for an unknown id
   * @throws IllegalStateException if the trial was told already
   */
  void tell(long trialId, double objective);

  /** Whether {@link #ask} will return no more candidates (only the grid searcher ends). */
  default boolean isExhausted() {
    return false;
  }
}
