/**
 * JMH benchmarks of the engine: AlphaPulse's {@code Backtest.run} of {@code SmaCross(10, 30)}
 * against ta4j 0.17 and against a hand-written minimal loop that computes the same SMA columns,
 * trades and equity curve (the physical-limit proxy), plus the memory a {@code BarSeries} takes per
 * bar. {@link dev.alphapulse.bench.BenchMain} runs them through the JMH Runner API and reports bars
 * per second, the speed ratios and bytes per bar as a table or one JSON object; the three
 * implementations are checked to produce the same trades by this module's tests.
 */
package dev.alphapulse.bench;
