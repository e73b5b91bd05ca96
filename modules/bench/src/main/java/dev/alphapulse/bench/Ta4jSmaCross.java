package dev.alphapulse.bench;

import dev.alphapulse.engine.data.BarSeries;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.ta4j.core.BaseBarSeriesBuilder;
import org.ta4j.core.BaseStrategy;
import org.ta4j.core.Position;
import org.ta4j.core.Rule;
import org.ta4j.core.Strategy;
import org.ta4j.core.Trade.TradeType;
import org.ta4j.core.TradingRecord;
import org.ta4j.core.backtest.BarSeriesManager;
import org.ta4j.core.backtest.TradeOnNextOpenModel;
import org.ta4j.core.indicators.SMAIndicator;
import org.ta4j.core.indicators.helpers.ClosePriceIndicator;
import org.ta4j.core.num.DoubleNum;
import org.ta4j.core.num.Num;
import org.ta4j.core.rules.CrossedDownIndicatorRule;
import org.ta4j.core.rules.CrossedUpIndicatorRule;

/**
 * {@code SmaCross(fast, slow)} in ta4j 0.17, set up to trade as the engine does.
 *
 * <h2>Setup</h2>
 *
 * <ul>
 *   <li>The series is a {@code BaseBarSeries} of {@link DoubleNum} (ta4j's fastest number type; its
 *       default is {@code DecimalNum}), one {@code BaseBar} per bar ending at the engine's bar time
 *       plus the series' smallest bar spacing.
 *   <li>One pair of {@link SMAIndicator}s over a {@link ClosePriceIndicator}, and one {@link
 *       CrossedUpIndicatorRule} and {@link CrossedDownIndicatorRule} on them, shared by two
 *       strategies: a ta4j trading record holds one direction, so the engine's stop-and-reverse
 *       system is a long strategy (enter on the up-cross, exit on the down-cross) plus a short one
 *       (the reverse), each run by a {@link BarSeriesManager}. Their positions, merged by entry,
 *       are the engine's trades.
 *   <li>Fill at the next bar's open ({@link TradeOnNextOpenModel}), no costs; positions still open
 *       at the end are left open (the engine's default, {@code finalizeTrades = false}).
 *   <li>{@code unstableBars = max(fast, slow)}: the first decision is on the bar where the engine's
 *       loop starts. (ta4j's SMA averages a partial window before that; the engine's is {@code
 *       NaN}.)
 * </ul>
 *
 * ta4j does not size positions all-in, so only entries and exits (bars and prices) are comparable.
 * Its crossover rule also counts a cross through exactly equal values, which the engine's strict
 * rule does not; with real-valued prices that needs bit-equal SMAs on consecutive bars and is not
 * met on the benchmark data (the module's tests check that the trades agree).
 */
public final class Ta4jSmaCross {
  private Ta4jSmaCross() {}

  /** The two trading records of one run. */
  public record Result(TradingRecord longs, TradingRecord shorts) {

    /** Closed positions of both records, by entry bar, then the open one if any. */
    public List<RoundTrip> roundTrips() {
      List<RoundTrip> closed = new ArrayList<>();
      List<RoundTrip> open = new ArrayList<>();
      for (TradingRecord record : List.of(longs, shorts)) {
        for (Position p : record.getPositions()) {
          closed.add(roundTrip(p));
        }
        Position current = record.getCurrentPosition();
        if (current.isOpened()) {
          open.add(roundTrip(current));
        }
      }
      closed.sort(Comparator.comparingInt(RoundTrip::entryBar));
      open.sort(Comparator.comparingInt(RoundTrip::entryBar));
      closed.addAll(open);
      return closed;
    }

    private static RoundTrip roundTrip(Position p) {
      boolean isLong = p.getEntry().isBuy();
      int entryBar = p.getEntry().getIndex();
      double entryPrice = p.getEntry().getPricePerAsset().doubleValue();
      if (p.getExit() == null) {
        return new RoundTrip(isLong, entryBar, entryPrice, -1, Double.NaN);
      }
      return new RoundTrip(
          isLong,
          entryBar,
          entryPrice,
          p.getExit().getIndex(),
          p.getExit().getPricePerAsset().doubleValue());
    }
  }

  /** Copies the engine's series into a ta4j {@code BaseBarSeries} of {@link DoubleNum}. */
  public static org.ta4j.core.BarSeries toTa4j(BarSeries series) {
    org.ta4j.core.BarSeries out =
        new BaseBarSeriesBuilder()
            .withName(series.symbol())
            .withNumTypeOf(DoubleNum::valueOf)
            .build();
    Duration period = Duration.ofMillis(smallestSpacingMillis(series));
    for (int i = 0; i < series.size(); i++) {
      ZonedDateTime end =
          ZonedDateTime.ofInstant(Instant.ofEpochMilli(series.time(i)), ZoneOffset.UTC)
              .plus(period);
      out.addBar(
          period,
          end,
          num(series.open(i)),
          num(series.high(i)),
          num(series.low(i)),
          num(series.close(i)),
          num(series.volume(i)));
    }
    return out;
  }

  /**
   * Runs the strategy with fresh indicators (so their caches start empty, as the engine's run with
   * a private indicator cache).
   */
  public static Result run(org.ta4j.core.BarSeries series, int fast, int slow) {
    ClosePriceIndicator close = new ClosePriceIndicator(series);
    SMAIndicator f = new SMAIndicator(close, fast);
    SMAIndicator s = new SMAIndicator(close, slow);
    Rule up = new CrossedUpIndicatorRule(f, s);
    Rule down = new CrossedDownIndicatorRule(f, s);
    int unstable = Math.max(fast, slow);
    Strategy longs = new BaseStrategy("sma-cross-long", up, down, unstable);
    Strategy shorts = new BaseStrategy("sma-cross-short", down, up, unstable);
    BarSeriesManager manager = new BarSeriesManager(series, new TradeOnNextOpenModel());
    return new Result(manager.run(longs, TradeType.BUY), manager.run(shorts, TradeType.SELL));
  }

  private static Num num(double v) {
    return DoubleNum.valueOf(v);
  }

  private static long smallestSpacingMillis(BarSeries series) {
    long min = Long.MAX_VALUE;
    for (int i = 1; i < series.size(); i++) {
      min = Math.min(min, series.time(i) - series.time(i - 1));
    }
    return min == Long.MAX_VALUE ? 60_000L : min;
  }
}
