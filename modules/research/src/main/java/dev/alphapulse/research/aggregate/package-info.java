/**
 * Aggregation of strategy results: merging several results into one (a weighted portfolio of their
 * equity curves, the compounding concatenation of consecutive time chunks, the best by a metric,
 * the mean), per-metric aggregation by named methods (built-in or registered), confidence intervals
 * for the mean of a metric (Student t and seeded bootstrap percentile) and the diversification
 * ratio. Partial aggregates that may be computed per chunk ({@link
 * dev.alphapulse.research.aggregate.MetricSamples}, {@link
 * dev.alphapulse.research.aggregate.ChunkConcatenation}) have an {@code empty()} and an
 * associative, order-independent {@code merge()}. Pure code; formulas are in {@code
 * docs/research-aggregation.md}.
 */
package dev.alphapulse.research.aggregate;
