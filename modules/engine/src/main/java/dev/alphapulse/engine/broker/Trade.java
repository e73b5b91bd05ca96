package dev.alphapulse.engine.broker;

/**
 * A closed trade (or the closed part of one), as reported in results.
 *
 * @param symbol symbol name
 * @param size signed units (positive long, negative short)
 * @param entryBar index of the entry bar in the series/universe calendar
 * @param exitBar index of the exit bar
 * @param entryPrice entry fill price, spread included
 * @param exitPrice exit fill price
 * @param stopLoss stop-loss price at exit, or {@code NaN}
 * @param takeProfit take-profit price at exit, or {@code NaN}
 * @param pnl {@code size * (exit - entry) - commission}, in cash
 * @param commission commissions of the entry and exit fills, in cash
 * @param returnPct {@code sign(size) * (exit / entry - 1) - commission / (|size| * entry)}, a
 *     fraction
 * @param entryTime entry bar time, epoch millis
 * @param exitTime exit bar time, epoch millis
 * @param tag the strategy's tag of the entry order, or {@code null}
 */
public record Trade(
    String symbol,
    double size,
    int entryBar,
    int exitBar,
    double entryPrice,
    double exitPrice,
    double stopLoss,
    double takeProfit,
    double pnl,
    double commission,
    double returnPct,
    long entryTime,
    long exitTime,
    String tag) {

  /** Duration from entry to exit in epoch millis. */
  public long durationMillis() {
    return exitTime - entryTime;
  }
}
