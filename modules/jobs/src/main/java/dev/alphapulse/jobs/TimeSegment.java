package dev.alphapulse.jobs;

import dev.alphapulse.engine.broker.Trade;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * The part of a TIME_BASED backtest that one chunk computed, for bars {@code [barFrom, barTo)} of
 * one symbol. See {@link TimeStitcher} for how segments become exactly the sequential backtest.
 *
 * <p>A chunk computes its segment only where the result can be proven exact: when the strategy
 * makes its first decision at or after {@code barFrom} ({@code warmup + 1 >= barFrom}), the true
 * account at {@code barFrom} is untouched (flat, starting cash, no orders) and the strategy has not
 * yet been called, which is exactly what the chunk assumes. Otherwise the segment is
 * <em>deferred</em> ({@code computed = false}, no equity, no trades, unknown end state) and the
 * stitch pass computes those bars sequentially.
 *
 * @param barFrom first bar (calendar index) of the segment
 * @param barTo end of the segment (exclusive)
 * @param equity equity at each bar {@code [barFrom, barTo)} when computed, else empty; copied in
 *     and out
 * @param trades trades closed while processing bars {@code [barFrom, barTo)} (and, in the last
 *     segment, those the finalisation closes), in closing order, with bar indices on the full
 *     calendar; empty when deferred
 * @param flatAtEnd no open trade after bar {@code barTo - 1} (false when deferred)
 * @param cashAtEnd cash after bar {@code barTo - 1} ({@code NaN} when deferred)
 * @param computed whether the chunk computed the segment or deferred it to the stitch pass
 * @param warmup the strategy's warm-up on the whole series ({@link
 *     dev.alphapulse.engine.backtest.BacktestResult#warmup()}): its first decision is at bar {@code
 *     warmup + 1}
 * @param ordersPendingAtEnd orders may be pending after bar {@code barTo - 1} (conservative: true
 *     if the strategy placed an order on the last bar or ever placed a limit or stop order; true
 *     when deferred)
 */
public record TimeSegment(
    int barFrom,
    int barTo,
    double[] equity,
    List<Trade> trades,
    boolean flatAtEnd,
    double cashAtEnd,
    boolean computed,
    int warmup,
    boolean ordersPendingAtEnd) {

  public TimeSegment {
    if (barFrom < 0 || barTo <= barFrom) {
      throw new IllegalArgumentException(
          "segment bar range [" + barFrom + ", " + barTo + ") is empty");
    }
    equity = equity.clone();
    trades = List.copyOf(trades);
    if (computed && equity.length != barTo - barFrom) {
      throw new IllegalArgumentException(
          "segment [" + barFrom + ", " + barTo + ") has " + equity.length + " equity values");
    }
    if (!computed && (equity.length != 0 || !trades.isEmpty())) {
      throw new IllegalArgumentException("a deferred segment has no equity and no trades");
    }
    if (warmup < 0) {
      throw new IllegalArgumentException("warmup must be >= 0, was " + warmup);
    }
  }

  /** A segment left to the stitch pass: the strategy decides before {@code barFrom}. */
  public static TimeSegment deferred(int barFrom, int barTo, int warmup) {
    return new TimeSegment(
        barFrom, barTo, new double[0], List.of(), false, Double.NaN, false, warmup, true);
  }

  /** A copy of the equity values. */
  @Override
  public double[] equity() {
    return equity.clone();
  }

  /** The bar of the strategy's first decision on the whole series, {@code warmup + 1}. */
  public int firstDecisionBar() {
    return warmup + 1;
  }

  /**
   * Whether the account after bar {@code barTo - 1} is provably as untouched as at the start: the
   * strategy has not been called yet (first decision at or after {@code barTo}), no trade is open,
   * no order pending and the cash is {@code startingCash} (bit for bit).
   */
  public boolean untouchedAtEnd(double startingCash) {
    return computed
        && firstDecisionBar() >= barTo
        && flatAtEnd
        && !ordersPendingAtEnd
        && Double.compare(cashAtEnd, startingCash) == 0;
  }

  void copyEquityInto(double[] target) {
    System.arraycopy(equity, 0, target, barFrom, equity.length);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof TimeSegment t
        && barFrom == t.barFrom
        && barTo == t.barTo
        && Arrays.equals(equity, t.equity)
        && trades.equals(t.trades)
        && flatAtEnd == t.flatAtEnd
        && Double.compare(cashAtEnd, t.cashAtEnd) == 0
        && computed == t.computed
        && warmup == t.warmup
        && ordersPendingAtEnd == t.ordersPendingAtEnd;
  }

  @Override
  public int hashCode() {
    return Objects.hash(
                barFrom, barTo, trades, flatAtEnd, cashAtEnd, computed, warmup, ordersPendingAtEnd)
            * 31
        + Arrays.hashCode(equity);
  }

  @Override
  public String toString() {
    return "TimeSegment[bars ["
        + barFrom
        + ", "
        + barTo
        + "), "
        + (computed ? "computed, " + trades.size() + " trades" : "deferred")
        + ", warmup "
        + warmup
        + ", flatAtEnd "
        + flatAtEnd
        + ", cashAtEnd "
        + cashAtEnd
        + ", ordersPendingAtEnd "
        + ordersPendingAtEnd
        + "]";
  }
}
