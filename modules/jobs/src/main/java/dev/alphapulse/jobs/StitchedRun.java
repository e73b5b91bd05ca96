package dev.alphapulse.jobs;

import dev.alphapulse.engine.broker.Trade;
import java.util.List;
import java.util.Objects;

/**
 * A TIME_BASED backtest of one symbol, stitched from its chunks: equal field for field to the
 * sequential {@code Backtest.run} of the whole series.
 *
 * @param run the statistics, as every other job reports them
 * @param equity equity at every bar of the calendar (copied in and out)
 * @param trades every closed trade, in closing order
 * @param chunks the symbol's number of time chunks
 * @param acceptedChunks how many leading chunks were taken as computed
 * @param recomputedFromBar the bar from which the stitch pass took the sequential run, or -1 if
 *     every chunk was accepted
 */
public record StitchedRun(
    RunResult run,
    double[] equity,
    List<Trade> trades,
    int chunks,
    int acceptedChunks,
    int recomputedFromBar) {

  public StitchedRun {
    Objects.requireNonNull(run, "run");
    equity = equity.clone();
    trades = List.copyOf(trades);
  }

  /** A copy of the equity curve. */
  @Override
  public double[] equity() {
    return equity.clone();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof StitchedRun r
        && run.equals(r.run)
        && java.util.Arrays.equals(equity, r.equity)
        && trades.equals(r.trades)
        && chunks == r.chunks
        && acceptedChunks == r.acceptedChunks
        && recomputedFromBar == r.recomputedFromBar;
  }

  @Override
  public int hashCode() {
    return Objects.hash(run, trades, chunks, acceptedChunks, recomputedFromBar) * 31
        + java.util.Arrays.hashCode(equity);
  }

  @Override
  public String toString() {
    return "StitchedRun["
        + run.symbol()
        + ", "
        + trades.size()
        + " trades, "
        + acceptedChunks
        + "/"
        + chunks
        + " chunks accepted, recomputed from bar "
        + recomputedFromBar
        + "]";
  }
}
