package dev.alphapulse.engine.backtest;

import dev.alphapulse.engine.broker.Commission;
import dev.alphapulse.engine.broker.FillPolicy;
import java.util.Objects;

/**
 * Account and execution settings of one backtest. Defaults ({@link #defaults()}) are
 * backtesting.py's: cash 10,000, no commission, no spread, margin 1, fill at the next open, open
 * trades left open at the end.
 *
 * @param cash starting cash, positive
 * @param commission commission model, charged at entry and at exit
 * @param spread relative spread in [0, 1) added to long entry prices (subtracted for shorts)
 * @param margin required margin in (0, 1]; 0.5 means 2:1 leverage
 * @param fillPolicy when market orders fill
 * @param finalizeTrades whether open trades are closed at the open of the last bar (backtesting.py
 *     {@code finalize_trades=True}) so they count in the trade statistics
 */
public record BacktestConfig(
    double cash,
    Commission commission,
    double spread,
    double margin,
    FillPolicy fillPolicy,
    boolean finalizeTrades) {

  public BacktestConfig {
    if (!(cash > 0) || Double.isInfinite(cash)) {
      throw new IllegalArgumentException("cash must be positive, was " + cash);
    }
    Objects.requireNonNull(commission, "commission");
    if (!(spread >= 0 && spread < 1)) {
      throw new IllegalArgumentException("spread must be in [0, 1), was " + spread);
    }
    if (!(margin > 0 && margin <= 1)) {
      throw new IllegalArgumentException("margin must be in (0, 1], was " + margin);
    }
    Objects.requireNonNull(fillPolicy, "fillPolicy");
  }

  /** backtesting.py's defaults. */
  public static BacktestConfig defaults() {
    return new BacktestConfig(10_000, Commission.none(), 0, 1, FillPolicy.NEXT_OPEN, false);
  }

  public BacktestConfig withCash(double v) {
    return new BacktestConfig(v, commission, spread, margin, fillPolicy, finalizeTrades);
  }

  public BacktestConfig withCommission(Commission v) {
    return new BacktestConfig(cash, v, spread, margin, fillPolicy, finalizeTrades);
  }

  public BacktestConfig withSpread(double v) {
    return new BacktestConfig(cash, commission, v, margin, fillPolicy, finalizeTrades);
  }

  public BacktestConfig withMargin(double v) {
    return new BacktestConfig(cash, commission, spread, v, fillPolicy, finalizeTrades);
  }

  public BacktestConfig withFillPolicy(FillPolicy v) {
    return new BacktestConfig(cash, commission, spread, margin, v, finalizeTrades);
  }

  public BacktestConfig withFinalizeTrades(boolean v) {
    return new BacktestConfig(cash, commission, spread, margin, fillPolicy, v);
  }
}
