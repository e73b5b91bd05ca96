/**
 * The seeded synthetic market that AlphaPulse ships as its embedded default dataset (used by {@code
 * demo} and the examples): {@link dev.alphapulse.engine.data.synthetic.SyntheticMarket} turns a
 * small {@link dev.alphapulse.engine.data.synthetic.SyntheticMarket.Spec} into daily OHLCV bars of
 * several correlated symbols, driven by a market factor, sector factors and idiosyncratic noise and
 * by a Markov chain of bull, bear, sideways and high-volatility regimes, so that both
 * trend-following and mean-reversion strategies have something to find; the output is a pure,
 * bit-for-bit reproducible function of the spec, on any JVM and platform.
 */
package dev.alphapulse.engine.data.synthetic;
