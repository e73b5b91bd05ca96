package dev.alphapulse.engine.broker;

import dev.alphapulse.engine.data.BarSeries;
import dev.alphapulse.engine.data.Universe;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * The simulated broker: one cash account shared by all symbols of a universe, orders, open trades
 * and their contingent stop-loss/take-profit orders.
 *
 * <h2>Semantics</h2>
 *
 * The order book follows backtesting.py 0.6 (see {@code docs/engine.md}): orders are processed at
 * the start of each bar with that bar's prices; stop orders become market orders when touched; a
 * limit that is hit fills at the better of open and limit; market orders fill at the open (or at
 * the previous close under {@link FillPolicy#CLOSE}); an opposite order first closes or reduces
 * existing trades of the same symbol, oldest first (FIFO netting, no hedging); stop-loss orders are
 * processed before take-profit orders, and a trade opened by a market order with a stop-loss or
 * take-profit is checked against the same bar again. Fractional sizes buy whole units with a
 * fraction of the available margin after spread and commission; an order the account cannot afford
 * is cancelled. Commission is charged on entry and on exit; spread raises (lowers) the entry price
 * of longs (shorts). Equity is cash plus open trades marked at the close.
 *
 * <h2>Cost</h2>
 *
 * No allocation while no order is pending; orders and trades are objects, bars are not.
 *
 * <p>Not thread-safe: one broker per backtest.
 */
public final class Broker {
  private final Universe universe;
  private final BarSeries[] series;
  private final double[][] closes;
  private final boolean[] gapless;
  private int trailingTrades;
  private final FillPolicy fillPolicy;
  private final Commission commission;
  private final double spread;
  private final double leverage;
  private final List<Order> orders = new ArrayList<>();
  private final List<OpenTrade> trades = new ArrayList<>();
  private final List<Trade> closedTrades = new ArrayList<>();
  private Order[] scratch = new Order[8];
  private double cash;
  private int bar = -1;
  private boolean bankrupt;

  /**
   * @param universe the bars
   * @param cash starting cash, positive
   * @param commission commission model
   * @param spread relative bid-ask spread applied to entry prices, in [0, 1)
   * @param margin required margin, in (0, 1]; leverage is {@code 1 / margin}
   * @param fillPolicy when market orders fill
   */
  public Broker(
      Universe universe,
      double cash,
      Commission commission,
      double spread,
      double margin,
      FillPolicy fillPolicy) {
    if (!(cash > 0) || Double.isInfinite(cash)) {
      throw new IllegalArgumentException("cash must be positive, was " + cash);
    }
    if (!(spread >= 0 && spread < 1)) {
      throw new IllegalArgumentException("spread must be in [0, 1), was " + spread);
    }
    if (!(margin > 0 && margin <= 1)) {
      throw new IllegalArgumentException("margin must be in (0, 1], was " + margin);
    }
    this.universe = universe;
    this.series = universe.series().toArray(new BarSeries[0]);
    this.closes = new double[series.length][];
    this.gapless = new boolean[series.length];
    for (int s = 0; s < series.length; s++) {
      closes[s] = series[s].closes();
      gapless[s] = universe.hasEveryBar(s);
    }
    this.cash = cash;
    this.commission = commission;
    this.spread = spread;
    this.leverage = 1 / margin;
    this.fillPolicy = fillPolicy;
  }

  // ---------------------------------------------------------------- strategy-facing API

  /**
   * Queues an order for processing at the next bar (or, for stops and limits, whenever they
   * trigger). Validates stop-loss/take-profit against the order's reference price: for a long, SL <
   * limit (or stop, or the current close with spread) < TP; mirrored for a short.
   *
   * @throws IllegalArgumentException naming the prices when they are in the wrong order
   */
  public void placeOrder(OrderRequest r) {
    if (r.symbol() >= series.length) {
      throw new IllegalArgumentException(
          "order symbol index " + r.symbol() + " is outside the universe of " + series.length);
    }
    double ref =
        !Double.isNaN(r.limit())
            ? r.limit()
            : !Double.isNaN(r.stop()) ? r.stop() : adjustedPrice(r.size(), lastClose(r.symbol()));
    boolean isLong = r.size() > 0;
    double sl = r.stopLoss();
    double tp = r.takeProfit();
    if (isLong) {
      if (!(nanOr(sl, Double.NEGATIVE_INFINITY) < ref
          && ref < nanOr(tp, Double.POSITIVE_INFINITY))) {
        throw new IllegalArgumentException(
            "long orders require stop-loss ("
                + sl
                + ") < price ("
                + ref
                + ") < take-profit ("
                + tp
                + ")");
      }
    } else if (!(nanOr(tp, Double.NEGATIVE_INFINITY) < ref
        && ref < nanOr(sl, Double.POSITIVE_INFINITY))) {
      throw new IllegalArgumentException(
          "short orders require take-profit ("
              + tp
              + ") < price ("
              + ref
              + ") < stop-loss ("
              + sl
              + ")");
    }
    Order o =
        new Order(r.symbol(), r.size(), r.limit(), r.stop(), sl, tp, r.trailingPercent(), r.tag());
    orders.add(o);
  }

  /**
   * Closes {@code portion} (in (0, 1]) of every open trade of {@code symbol} with market orders
   * that are processed before any other pending order.
   */
  public void closePosition(int symbol, double portion) {
    if (!(portion > 0 && portion <= 1)) {
      throw new IllegalArgumentException("portion must be in (0, 1], was " + portion);
    }
    for (int k = 0, n = trades.size(); k < n; k++) {
      OpenTrade t = trades.get(k);
      if (t.symbol == symbol) {
        closeTrade(t, portion);
      }
    }
  }

  /** Closes all open trades of all symbols (used to finalize a backtest). */
  public void closeAll() {
    for (int k = trades.size() - 1; k >= 0; k--) {
      closeTrade(trades.get(k), 1.0);
    }
  }

  private void closeTrade(OpenTrade t, double portion) {
    double size = Math.copySign(Math.max(1, Math.rint(Math.abs(t.size) * portion)), -t.size);
    Order o =
        new Order(
            t.symbol, size, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, t.tag);
    o.parent = t;
    orders.add(0, o);
  }

  /** Net position of a symbol in units (sum of open trade sizes). */
  public double position(int symbol) {
    double s = 0;
    for (int k = 0, n = trades.size(); k < n; k++) {
      OpenTrade t = trades.get(k);
      if (t.symbol == symbol) {
        s += t.size;
      }
    }
    return s;
  }

  /**
   * Size-weighted average entry price of the open trades of {@code symbol} (spread included), or
   * {@code NaN} when flat. Trades of one symbol always share a direction (FIFO netting).
   */
  public double averageEntryPrice(int symbol) {
    double units = 0;
    double cost = 0;
    for (int k = 0, n = trades.size(); k < n; k++) {
      OpenTrade t = trades.get(k);
      if (t.symbol == symbol) {
        units += t.size;
        cost += t.size * t.entryPrice;
      }
    }
    return units == 0 ? Double.NaN : cost / units;
  }

  /** Cash: starting cash plus realized P&L less commissions. */
  public double cash() {
    return cash;
  }

  /** Cash plus open trades marked at the current bar's close. */
  public double equity() {
    int n = trades.size();
    if (n == 0) {
      return cash;
    }
    double e = cash;
    for (int k = 0; k < n; k++) {
      OpenTrade t = trades.get(k);
      e += t.size * (lastClose(t.symbol) - t.entryPrice);
    }
    return e;
  }

  /** Equity less the margin held by open trades (their value at the close divided by leverage). */
  public double marginAvailable() {
    double used = 0;
    for (int k = 0, n = trades.size(); k < n; k++) {
      OpenTrade t = trades.get(k);
      used += Math.abs(t.size) * lastClose(t.symbol) / leverage;
    }
    return Math.max(0, equity() - used);
  }

  /** Number of open trades. */
  public int openTradeCount() {
    return trades.size();
  }

  /** Number of pending orders (including contingent stop-loss/take-profit orders). */
  public int pendingOrderCount() {
    return orders.size();
  }

  /** Cancels all pending orders that are not attached to an open trade. */
  public void cancelPendingEntries() {
    orders.removeIf(o -> o.parent == null);
  }

  /** Closed trades so far, in order of closing (read-only view). */
  public List<Trade> closedTrades() {
    return Collections.unmodifiableList(closedTrades);
  }

  /** True once equity hit zero; the account is then flat and stays at zero. */
  public boolean bankrupt() {
    return bankrupt;
  }

  /** Index of the bar being processed. */
  public int bar() {
    return bar;
  }

  /** The universe this broker trades. */
  public Universe universe() {
    return universe;
  }

  // ---------------------------------------------------------------- backtest-loop API

  /**
   * Processes pending orders with bar {@code i}'s prices and returns equity at its close. If equity
   * is zero or below, closes everything at the close, sets cash to zero and marks the account
   * bankrupt. Called by the backtest loop once per bar (and once more on the last bar to finalize).
   */
  public double processBar(int i) {
    bar = i;
    if (!orders.isEmpty()) {
      processOrders();
    }
    double equity = equity();
    if (equity <= 0) {
      for (int k = trades.size() - 1; k >= 0; k--) {
        OpenTrade t = trades.get(k);
        closeAt(t, lastClose(t.symbol), i);
      }
      cash = 0;
      bankrupt = true;
      return 0;
    }
    return equity;
  }

  /**
   * True when nothing but prices can change the account from one bar to the next: no pending order
   * (contingent stop-loss/take-profit orders included) and no trailing stop. {@link #processBar}
   * then only marks the open trades to the close.
   */
  public boolean quiescent() {
    return orders.isEmpty() && trailingTrades == 0;
  }

  /**
   * {@link #processBar} for the bars {@code from} up to {@code to} (exclusive) of a {@link
   * #quiescent()} account, writing each bar's equity to {@code equity[i]}: the same values, by the
   * same operations, as calling {@code processBar(i)} bar by bar. Stops at the first bar whose
   * equity is zero or below, without recording it, and returns its index so that the caller
   * processes that bar (bankruptcy) with {@code processBar}; else returns {@code to}.
   *
   * @throws IllegalStateException if the account is not quiescent
   */
  public int markToMarket(int from, int to, double[] equity) {
    if (!quiescent()) {
      throw new IllegalStateException("markToMarket needs a quiescent account (no pending orders)");
    }
    if (from >= to) {
      return to;
    }
    int n = trades.size();
    if (n == 0) {
      if (cash <= 0) {
        bar = from;
        return from;
      }
      Arrays.fill(equity, from, to, cash);
      bar = to - 1;
      return to;
    }
    if (n == 1) {
      OpenTrade t = trades.get(0);
      final double[] c = closes[t.symbol];
      final double size = t.size;
      final double entry = t.entryPrice;
      final double base = cash;
      for (int i = from; i < to; i++) {
        double e = base + size * (c[i] - entry);
        if (e <= 0) {
          bar = i;
          return i;
        }
        equity[i] = e;
      }
      bar = to - 1;
      return to;
    }
    for (int i = from; i < to; i++) {
      bar = i;
      double e = equity();
      if (e <= 0) {
        return i;
      }
      equity[i] = e;
    }
    return to;
  }

  /**
   * Moves trailing stop-losses after the strategy has seen bar {@link #bar()}: a long's stop rises
   * to {@code close * (1 - trail)}, a short's falls to {@code close * (1 + trail)}; never loosened.
   */
  public void updateTrailingStops() {
    if (trailingTrades == 0) {
      return;
    }
    for (int k = 0, n = trades.size(); k < n; k++) {
      OpenTrade t = trades.get(k);
      if (Double.isNaN(t.trail)) {
        continue;
      }
      double c = lastClose(t.symbol);
      if (t.size > 0) {
        double target = c * (1 - t.trail);
        if (Double.isNaN(t.sl) || target > t.sl) {
          setStopLoss(t, target);
        }
      } else {
        double target = c * (1 + t.trail);
        if (Double.isNaN(t.sl) || target < t.sl) {
          setStopLoss(t, target);
        }
      }
    }
  }

  // ---------------------------------------------------------------- order processing

  private void processOrders() {
    final int i = bar;
    int n = orders.size();
    if (scratch.length < n) {
      scratch = new Order[Math.max(n, scratch.length * 2)];
    }
    orders.toArray(scratch);
    boolean reprocess = false;
    for (int k = 0; k < n; k++) {
      Order order = scratch[k];
      scratch[k] = null;
      if (!order.active) {
        continue;
      }
      BarSeries s = series[order.symbol];
      double open = s.open(i);
      if (Double.isNaN(open) || (!gapless[order.symbol] && !universe.hasBar(order.symbol, i))) {
        continue; // the symbol does not trade on this bar
      }
      boolean isLong = order.size > 0;
      double stopPrice = order.stop;
      boolean needsRange =
          !Double.isNaN(stopPrice)
              || !Double.isNaN(order.limit)
              || !Double.isNaN(order.sl)
              || !Double.isNaN(order.tp);
      // high and low are read only when a stop, limit or bracket needs them (cache misses on long
      // series otherwise)
      double high = needsRange ? s.high(i) : Double.NaN;
      double low = needsRange ? s.low(i) : Double.NaN;
      if (!Double.isNaN(stopPrice)) {
        boolean hit = isLong ? high >= stopPrice : low <= stopPrice;
        if (!hit) {
          continue;
        }
        order.stop = Double.NaN; // a touched stop becomes a market (or limit) order
      }
      double price;
      if (!Double.isNaN(order.limit)) {
        boolean limitHit = isLong ? low <= order.limit : high >= order.limit;
        boolean limitBeforeStop =
            limitHit
                && (isLong
                    ? order.limit <= nanOr(stopPrice, Double.NEGATIVE_INFINITY)
                    : order.limit >= nanOr(stopPrice, Double.POSITIVE_INFINITY));
        if (!limitHit || limitBeforeStop) {
          continue;
        }
        price =
            isLong
                ? Math.min(nanOr(stopPrice, open), order.limit)
                : Math.max(nanOr(stopPrice, open), order.limit);
      } else {
        boolean onClose = fillPolicy == FillPolicy.CLOSE && !order.isContingent() && i > 0;
        price = onClose ? s.close(i - 1) : open;
        if (!Double.isNaN(stopPrice)) {
          price = isLong ? Math.max(price, stopPrice) : Math.min(price, stopPrice);
        }
      }
      boolean isMarket = Double.isNaN(order.limit) && Double.isNaN(stopPrice);
      int timeIndex =
          isMarket && fillPolicy == FillPolicy.CLOSE && !order.isContingent() && i > 0 ? i - 1 : i;

      if (order.parent != null) {
        OpenTrade trade = order.parent;
        double size =
            Math.copySign(Math.min(Math.abs(trade.size), Math.abs(order.size)), order.size);
        if (trade.open) {
          reduceTrade(trade, price, size, timeIndex);
        }
        if (order != trade.slOrder && order != trade.tpOrder) {
          remove(order); // a close order placed by the strategy, now done
        }
        continue;
      }

      double adjusted = adjustedPrice(order.size, price);
      double adjustedPlusCommission =
          adjusted + commission.of(order.size, price) / Math.abs(order.size);
      double size = order.size;
      if (-1 < size && size < 1) {
        size =
            Math.copySign(
                Math.floor(marginAvailable() * leverage * Math.abs(size) / adjustedPlusCommission),
                size);
        if (size == 0) {
          remove(order); // not enough margin for a single unit
          continue;
        }
      }
      double need = size;
      for (int t = 0; t < trades.size() && need != 0; ) {
        OpenTrade trade = trades.get(t);
        if (trade.symbol != order.symbol || (trade.size > 0) == isLong) {
          t++;
          continue;
        }
        if (Math.abs(need) >= Math.abs(trade.size)) {
          closeAt(trade, price, timeIndex); // removes it from trades: do not advance t
          need += trade.size;
        } else {
          reduceTrade(trade, price, need, timeIndex);
          need = 0;
        }
      }
      if (Math.abs(need) * adjustedPlusCommission > marginAvailable() * leverage) {
        remove(order); // the broker cancels what the account cannot cover
        continue;
      }
      if (need != 0) {
        openTrade(order, adjusted, need, timeIndex);
        if (!Double.isNaN(order.sl) || !Double.isNaN(order.tp)) {
          if (isMarket) {
            reprocess = true;
          } else if (!Double.isNaN(stopPrice)
              && Double.isNaN(order.limit)
              && !Double.isNaN(order.tp)
              && ((isLong && order.tp <= high && nanOr(order.sl, Double.NEGATIVE_INFINITY) < low)
                  || (!isLong
                      && order.tp >= low
                      && nanOr(order.sl, Double.POSITIVE_INFINITY) > high))) {
            reprocess = true;
          }
        }
      }
      remove(order);
    }
    if (reprocess) {
      processOrders();
    }
  }

  private void openTrade(Order order, double price, double size, int timeIndex) {
    OpenTrade t = new OpenTrade(order.symbol, size, price, timeIndex, order.tag, order.trail);
    trades.add(t);
    if (!Double.isNaN(t.trail)) {
      trailingTrades++;
    }
    cash -= commission.of(size, price);
    if (!Double.isNaN(order.tp)) {
      setTakeProfit(t, order.tp);
    }
    if (!Double.isNaN(order.sl)) {
      setStopLoss(t, order.sl);
    }
  }

  private void setStopLoss(OpenTrade t, double price) {
    if (t.slOrder != null) {
      remove(t.slOrder);
    }
    Order o =
        new Order(t.symbol, -t.size, Double.NaN, price, Double.NaN, Double.NaN, Double.NaN, t.tag);
    o.parent = t;
    t.slOrder = o;
    t.sl = price;
    orders.add(0, o);
  }

  private void setTakeProfit(OpenTrade t, double price) {
    if (t.tpOrder != null) {
      remove(t.tpOrder);
    }
    Order o =
        new Order(t.symbol, -t.size, price, Double.NaN, Double.NaN, Double.NaN, Double.NaN, t.tag);
    o.parent = t;
    t.tpOrder = o;
    t.tp = price;
    orders.add(0, o);
  }

  private void reduceTrade(OpenTrade trade, double price, double size, int timeIndex) {
    double left = trade.size + size;
    OpenTrade toClose;
    if (left == 0) {
      toClose = trade;
    } else {
      trade.size = left;
      if (trade.slOrder != null) {
        trade.slOrder.size = -left;
      }
      if (trade.tpOrder != null) {
        trade.tpOrder.size = -left;
      }
      toClose =
          new OpenTrade(
              trade.symbol, -size, trade.entryPrice, trade.entryBar, trade.tag, Double.NaN);
      toClose.sl = trade.sl;
      toClose.tp = trade.tp;
      trades.add(toClose);
    }
    closeAt(toClose, price, timeIndex);
  }

  private void closeAt(OpenTrade t, double price, int fillIndex) {
    // Under FillPolicy.CLOSE a market order is dated to the previous bar; when it nets against a
    // trade that a stop or limit opened on this bar, the exit must not predate the entry.
    int timeIndex = Math.max(fillIndex, t.entryBar);
    trades.remove(t);
    t.open = false;
    if (!Double.isNaN(t.trail)) {
      trailingTrades--;
    }
    if (t.slOrder != null) {
      remove(t.slOrder);
    }
    if (t.tpOrder != null) {
      remove(t.tpOrder);
    }
    double exitCommission = commission.of(t.size, price);
    double gross = t.size * (price - t.entryPrice);
    cash += gross - exitCommission;
    double commissions = exitCommission + commission.of(t.size, t.entryPrice);
    double ret =
        Math.signum(t.size) * (price / t.entryPrice - 1)
            - commissions / (Math.abs(t.size) * t.entryPrice);
    BarSeries s = series[t.symbol];
    closedTrades.add(
        new Trade(
            s.symbol(),
            t.size,
            t.entryBar,
            timeIndex,
            t.entryPrice,
            price,
            t.sl,
            t.tp,
            gross - commissions,
            commissions,
            ret,
            s.time(t.entryBar),
            s.time(timeIndex),
            t.tag));
  }

  private void remove(Order o) {
    o.active = false;
    orders.remove(o);
  }

  private double adjustedPrice(double size, double price) {
    return price * (1 + Math.copySign(spread, size));
  }

  private double lastClose(int symbol) {
    return closes[symbol][bar < 0 ? 0 : bar];
  }

  private static double nanOr(double v, double fallback) {
    return Double.isNaN(v) ? fallback : v;
  }

  /** A pending order; {@code parent} is set for orders that act on an existing trade. */
  private static final class Order {
    final int symbol;
    double size;
    final double limit;
    double stop;
    final double sl;
    final double tp;
    final double trail;
    final String tag;
    OpenTrade parent;
    boolean active = true;

    Order(
        int symbol,
        double size,
        double limit,
        double stop,
        double sl,
        double tp,
        double trail,
        String tag) {
      this.symbol = symbol;
      this.size = size;
      this.limit = limit;
      this.stop = stop;
      this.sl = sl;
      this.tp = tp;
      this.trail = trail;
      this.tag = tag;
    }

    /** Stop-loss and take-profit orders of a trade (not strategy-placed close orders). */
    boolean isContingent() {
      return parent != null && (this == parent.slOrder || this == parent.tpOrder);
    }
  }

  private static final class OpenTrade {
    final int symbol;
    double size;
    final double entryPrice;
    final int entryBar;
    final String tag;
    final double trail;
    double sl = Double.NaN;
    double tp = Double.NaN;
    Order slOrder;
    Order tpOrder;
    boolean open = true;

    OpenTrade(int symbol, double size, double entryPrice, int entryBar, String tag, double trail) {
      this.symbol = symbol;
      this.size = size;
      this.entryPrice = entryPrice;
      this.entryBar = entryBar;
      this.tag = tag;
      this.trail = trail;
    }
  }
}
