package dev.alphapulse.engine.strategy;

/**
 * A strategy whose decisions are signals it can find ahead of time in its indicator columns, such
 * as a moving-average crossover: on any bar that is not a signal bar its {@link #next} does
 * nothing. The backtest loop then skips from signal to signal while no order is pending, marking
 * the account to market in between, instead of calling {@code next} on every bar (the sweep fast
 * path; results are bit-identical to calling it on every bar).
 *
 * <h2>Contract</h2>
 *
 * After {@link #init}, for any {@code 1 <= from <= to <= bars}, {@link #nextSignal} returns the
 * first bar {@code i} in {@code [from, to)} at which {@code next} would place or cancel an order or
 * change the strategy's own state, or {@code to} if there is none. On every other bar of that range
 * {@code next} must be a no-op that depends on nothing but the columns (not on the account, which
 * is why a quiescent account is enough to skip it). {@code nextSignal} must not look at bars beyond
 * those {@code next} could read at bar {@code i}.
 */
public interface SignalStrategy extends Strategy {

  /** The first signal bar in {@code [from, to)}, or {@code to}; {@code from >= 1}. */
  int nextSignal(int from, int to);
}
