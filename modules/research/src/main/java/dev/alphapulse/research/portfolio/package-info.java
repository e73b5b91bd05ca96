/**
 * Portfolio construction over strategy sleeves: mergeable co-moments and per-symbol summaries (the
 * covariance, correlation and moments of a return matrix computed in chunks and merged in any
 * order), allocation methods (fixed, equal, inverse volatility, long-only minimum variance, risk
 * parity), the pure combination of sleeve returns into one rebalanced account without look-ahead,
 * and a convenience that runs the sleeves with the engine. Pure code: no actors, no files, no
 * clock, no randomness. Formulas are in {@code docs/research-aggregation.md}.
 */
package dev.alphapulse.research.portfolio;
