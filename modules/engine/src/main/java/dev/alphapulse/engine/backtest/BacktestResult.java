package dev.alphapulse.engine.backtest;

import dev.alphapulse.engine.broker.Trade;
import dev.alphapulse.engine.data.Universe;
import java.util.List;

/**
 * The raw outcome of a backtest: the equity curve on the universe calendar and the closed trades.
 * Statistics are derived from it by {@link dev.alphapulse.engine.metrics.Metrics}.
 *
 * @param universe the bars the backtest ran on
 * @param config the settings it ran with
 * @param equity account equity at each bar's close (starting cash before the first traded bar);
 *     owned by the result, read-only by contract
 * @param trades closed trades in closing order
 * @param warmup the warm-up: the largest first-valid index of the strategy's indicators (the
 *     strategy first decides at bar {@code warmup + 1})
 * @param openTrades trades still open at the end (0 with finalizeTrades)
 * @param finalCash cash at the end
 */
public record BacktestResult(
    Universe universe,
    BacktestConfig config,
    double[] equity,
    List<Trade> trades,
    int warmup,
    int openTrades,
    double finalCash) {

  public BacktestResult {
    trades = List.copyOf(trades);
  }
}
