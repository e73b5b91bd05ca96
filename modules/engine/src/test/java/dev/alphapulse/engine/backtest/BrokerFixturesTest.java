package dev.alphapulse.engine.backtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.alphapulse.engine.broker.Commission;
import dev.alphapulse.engine.broker.OrderRequest;
import dev.alphapulse.engine.broker.Trade;
import dev.alphapulse.engine.data.BarSeries;
import dev.alphapulse.engine.data.Universe;
import dev.alphapulse.engine.metrics.Metrics;
import dev.alphapulse.engine.metrics.MetricsConvention;
import dev.alphapulse.engine.metrics.Statistics;
import dev.alphapulse.engine.strategy.Strategy;
import dev.alphapulse.engine.strategy.StrategyContext;
import java.util.function.BiConsumer;
import org.junit.jupiter.api.Test;

/** Small fixtures of backtesting.py's own test suite that need no data file. */
class BrokerFixturesTest {
  private static final long DAY = 86_400_000L;
  private static final long T0 = 1_577_836_800_000L; // 2020-01-01

  static Universe flatBars(double... closes) {
    long[] t = new long[closes.length];
    for (int i = 0; i < t.length; i++) {
      t[i] = T0 + i * DAY;
    }
    return Universe.of(BarSeries.ofCloses("X", t, closes));
  }

  static Strategy onBar(BiConsumer<Integer, StrategyContext> action) {
    return new Strategy() {
      @Override
      public void init(StrategyContext ctx) {}

      @Override
      public void next(StrategyContext ctx) {
        action.accept(ctx.bar(), ctx);
      }
    };
  }

  @Test
  void fixedPlusRelativeCommissionAndTakeProfitAtGapOpen() {
    Universe u = flatBars(1, 1, 1, 2, 4, 1, 2);
    Strategy s =
        onBar(
            (i, ctx) -> {
              if (i == 1) {
                ctx.order(OrderRequest.market(0, 100).withTakeProfit(3));
              }
            });
    BacktestConfig cfg =
        BacktestConfig.defaults()
            .withCash(5000)
            .withCommission(Commission.fixedPlusRelative(10, 0.01));
    BacktestResult r = Backtest.run(u, s, cfg);
    Statistics st = Metrics.compute(r, MetricsConvention.BACKTESTING_PY);
    assertThat(st.get("Commissions [$]")).isEqualTo(25.0);
    assertThat(st.get("Equity Final [$]")).isEqualTo(5275.0);
    assertThat(r.trades()).hasSize(1);
    Trade t = r.trades().get(0);
    assertThat(t.entryPrice()).isEqualTo(1.0);
    assertThat(t.exitPrice()).isEqualTo(4.0); // the limit at 3 fills at the gap open of 4
    assertThat(t.exitBar()).isEqualTo(4);
  }

  @Test
  void noCommissionKeyWhenCommissionIsZero() {
    Universe u = flatBars(1, 1, 2, 3);
    Strategy s =
        onBar(
            (i, ctx) -> {
              if (i == 1) {
                ctx.buy(0);
              }
            });
    Statistics st =
        Metrics.compute(
            Backtest.run(u, s, BacktestConfig.defaults().withFinalizeTrades(true)),
            MetricsConvention.BACKTESTING_PY);
    assertThat(st.values()).doesNotContainKey("Commissions [$]");
    assertThat(st.get("# Trades")).isEqualTo(1.0);
    // fills at bar 2's open (2): floor(10000 * (1 - eps) / 2) = 4999 units, closed at 3
    assertThat(st.get("Equity Final [$]")).isCloseTo(10000 + 4999 * 1.0, within(1e-9));
  }

  @Test
  void stopLossHitOnTheEntryBarIsProcessedInTheSameBar() {
    // entry fills at bar 2's open (10); bar 2's low (8) breaches the stop-loss at 9
    long[] t = {T0, T0 + DAY, T0 + 2 * DAY, T0 + 3 * DAY};
    BarSeries s =
        new BarSeries(
            "X",
            t,
            new double[] {10, 10, 10, 10},
            new double[] {10, 10, 11, 10},
            new double[] {10, 10, 8, 10},
            new double[] {10, 10, 9.5, 10},
            new double[] {0, 0, 0, 0});
    Strategy st =
        onBar(
            (i, ctx) -> {
              if (i == 1) {
                ctx.order(OrderRequest.market(0, 10).withStopLoss(9));
              }
            });
    BacktestResult r = Backtest.run(Universe.of(s), st, BacktestConfig.defaults());
    assertThat(r.trades()).hasSize(1);
    assertThat(r.trades().get(0).exitPrice()).isEqualTo(9.0);
    assertThat(r.trades().get(0).exitBar()).isEqualTo(2);
  }

  @Test
  void ordersWithStopLossAboveEntryAreRejectedWithThePrices() {
    Universe u = flatBars(10, 10, 10);
    Strategy s = onBar((i, ctx) -> ctx.order(OrderRequest.market(0, 1).withStopLoss(11)));
    assertThatThrownBy(() -> Backtest.run(u, s, BacktestConfig.defaults()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("stop-loss (11.0) < price (10.0)");
  }

  @Test
  void equityFallingToZeroClosesOutAndStays() {
    Universe u = flatBars(10, 10, 10, 30, 40, 50);
    Strategy s =
        onBar(
            (i, ctx) -> {
              if (i == 1) {
                ctx.sell(0);
              }
            });
    BacktestResult r = Backtest.run(u, s, BacktestConfig.defaults());
    assertThat(r.equity()[3]).isZero();
    assertThat(r.equity()[5]).isZero();
    assertThat(r.finalCash()).isZero();
  }
}
