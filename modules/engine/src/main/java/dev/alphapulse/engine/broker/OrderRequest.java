package dev.alphapulse.engine.broker;

/**
 * What a strategy asks the broker for. Sizes follow backtesting.py:
 *
 * <ul>
 *   <li>{@code 0 < |size| < 1}: a fraction of the available margin (equity less the margin held by
 *       open trades), converted to whole units at fill time, after spread and commission; {@link
 *       #ALL_IN} is {@code 1 - ulp}, the default.
 *   <li>{@code |size| >= 1}: a whole number of units.
 * </ul>
 *
 * The sign of {@code size} is the direction (positive buys, negative sells). {@code limit} and
 * {@code stop} make limit, stop (market-if-touched) or stop-limit orders ({@code NaN} = not set).
 * {@code stopLoss} and {@code takeProfit} are prices attached to the trade the order opens; {@code
 * trailingPercent} (a fraction, e.g. 0.05) makes the stop-loss trail the close, never loosening.
 *
 * @param symbol index of the symbol in the universe
 */
public record OrderRequest(
    int symbol,
    double size,
    double limit,
    double stop,
    double stopLoss,
    double takeProfit,
    double trailingPercent,
    String tag) {

  /** The all-in fraction: {@code 1 - eps}, as backtesting.py's default size. */
  public static final double ALL_IN = 1 - Math.ulp(1.0);

  public OrderRequest {
    if (symbol < 0) {
      throw new IllegalArgumentException("order symbol index must be >= 0, was " + symbol);
    }
    if (!(size != 0) || !Double.isFinite(size)) {
      throw new IllegalArgumentException("order size must be finite and non-zero, was " + size);
    }
    if (Math.abs(size) >= 1 && size != Math.rint(size)) {
      throw new IllegalArgumentException(
          "order size must be a fraction in (-1, 1) or a whole number of units, was " + size);
    }
    checkPrice("limit", limit);
    checkPrice("stop", stop);
    checkPrice("stopLoss", stopLoss);
    checkPrice("takeProfit", takeProfit);
    if (!Double.isNaN(trailingPercent) && !(trailingPercent > 0 && trailingPercent < 1)) {
      throw new IllegalArgumentException(
          "trailingPercent must be in (0, 1), was " + trailingPercent);
    }
  }

  private static void checkPrice(String field, double v) {
    if (!Double.isNaN(v) && !(v > 0 && Double.isFinite(v))) {
      throw new IllegalArgumentException("order " + field + " must be a positive price, was " + v);
    }
  }

  /** A market order for {@code size} (see the class comment for units vs fractions). */
  public static OrderRequest market(int symbol, double size) {
    return new OrderRequest(
        symbol, size, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, null);
  }

  public OrderRequest withLimit(double price) {
    return new OrderRequest(symbol, size, price, stop, stopLoss, takeProfit, trailingPercent, tag);
  }

  public OrderRequest withStop(double price) {
    return new OrderRequest(symbol, size, limit, price, stopLoss, takeProfit, trailingPercent, tag);
  }

  public OrderRequest withStopLoss(double price) {
    return new OrderRequest(symbol, size, limit, stop, price, takeProfit, trailingPercent, tag);
  }

  public OrderRequest withTakeProfit(double price) {
    return new OrderRequest(symbol, size, limit, stop, stopLoss, price, trailingPercent, tag);
  }

  public OrderRequest withTrailingPercent(double fraction) {
    return new OrderRequest(symbol, size, limit, stop, stopLoss, takeProfit, fraction, tag);
  }

  public OrderRequest withTag(String newTag) {
    return new OrderRequest(
        symbol, size, limit, stop, stopLoss, takeProfit, trailingPercent, newTag);
  }
}
