package dev.alphapulse.jobs;

import dev.alphapulse.engine.backtest.BacktestConfig;
import dev.alphapulse.engine.broker.Commission;
import dev.alphapulse.engine.broker.FillPolicy;

/**
 * The {@code backtest:} block of a job file: {@code {cash: 10000, commission: 0.0, spread: 0.0,
 * fill: next-open, finalize-trades: true, margin: 1.0}}. Kept as plain values (not a {@link
 * Commission} function) so it serialises. Validated on construction with {@link JobSpecException}s
 * naming the job-file field.
 *
 * @param cash starting cash, positive and finite ({@code backtest.cash})
 * @param commissionFixed fixed part of the commission per fill, in cash, {@code >= 0} ({@code
 *     backtest.commission}, the {@code 10} of {@code "10+0.01"})
 * @param commissionRelative relative part per fill, in [-0.1, 0.1) ({@code backtest.commission}, a
 *     plain number or the {@code 0.01} of {@code "10+0.01"})
 * @param spread relative spread in [0, 1) ({@code backtest.spread})
 * @param margin required margin in (0, 1] ({@code backtest.margin}; 0.5 is 2:1 leverage)
 * @param fill when market orders fill ({@code backtest.fill}: {@code next-open} or {@code close})
 * @param finalizeTrades whether trades still open on the last bar are closed there ({@code
 *     backtest.finalize-trades})
 */
public record BacktestSettings(
    double cash,
    double commissionFixed,
    double commissionRelative,
    double spread,
    double margin,
    FillPolicy fill,
    boolean finalizeTrades) {

  public BacktestSettings {
    if (!(cash > 0) || Double.isInfinite(cash)) {
      throw new JobSpecException("backtest.cash", "must be positive, was " + cash);
    }
    if (!(commissionFixed >= 0) || Double.isInfinite(commissionFixed)) {
      throw new JobSpecException(
          "backtest.commission", "the fixed part must be >= 0, was " + commissionFixed);
    }
    if (!(commissionRelative >= -0.1 && commissionRelative < 0.1)) {
      throw new JobSpecException(
          "backtest.commission",
          "the relative part must be in [-0.1, 0.1), was " + commissionRelative);
    }
    if (!(spread >= 0 && spread < 1)) {
      throw new JobSpecException("backtest.spread", "must be in [0, 1), was " + spread);
    }
    if (!(margin > 0 && margin <= 1)) {
      throw new JobSpecException("backtest.margin", "must be in (0, 1], was " + margin);
    }
    if (fill == null) {
      throw new JobSpecException("backtest.fill", "must be next-open or close");
    }
  }

  /**
   * The job-file defaults: backtesting.py's (cash 10,000, no commission, no spread, margin 1, fill
   * at the next open) but with finalize-trades on, so that jobs report every trade.
   */
  public static BacktestSettings defaults() {
    return new BacktestSettings(10_000, 0, 0, 0, 1, FillPolicy.NEXT_OPEN, true);
  }

  /** The engine configuration. */
  public BacktestConfig toConfig() {
    return new BacktestConfig(
        cash,
        Commission.fixedPlusRelative(commissionFixed, commissionRelative),
        spread,
        margin,
        fill,
        finalizeTrades);
  }
}
