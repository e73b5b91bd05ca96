package dev.alphapulse.engine.backtest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.alphapulse.engine.broker.Commission;
import dev.alphapulse.engine.broker.FillPolicy;
import dev.alphapulse.engine.broker.OrderRequest;
import dev.alphapulse.engine.broker.Trade;
import dev.alphapulse.engine.data.Universe;
import dev.alphapulse.engine.data.synthetic.SyntheticMarket;
import dev.alphapulse.engine.indicator.IndicatorCache;
import dev.alphapulse.engine.strategy.Strategy;
import dev.alphapulse.engine.strategy.StrategyContext;
import dev.alphapulse.engine.strategy.builtin.SmaCross;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Property tests over many seeded random strategies (random market, limit, stop orders with
 * stop-loss, take-profit and trailing stops, partial closes) on a multi-symbol synthetic market,
 * with commission, spread and leverage: the account is conserved on every bar and reruns are
 * identical.
 */
class AccountingPropertiesTest {
  static final Universe MARKET =
      SyntheticMarket.generate(SyntheticMarket.Spec.of(3, 600, 11)).universe();

  static LongStream seeds() {
    return LongStream.range(0, 60);
  }

  /** Places random orders; checks equity = cash + marked positions at every bar it sees. */
  static final class RandomTrader implements Strategy {
    final SplittableRandom rnd;
    final List<String> violations = new ArrayList<>();
    double maxAbsError;

    RandomTrader(long seed) {
      this.rnd = new SplittableRandom(seed);
    }

    @Override
    public void init(StrategyContext ctx) {}

    @Override
    public void next(StrategyContext ctx) {
      int i = ctx.bar();
      double marked = ctx.cash();
      for (int s = 0; s < ctx.universe().symbolCount(); s++) {
        double pos = ctx.position(s);
        if (pos != 0) {
          marked += pos * (ctx.universe().series(s).close(i) - ctx.averageEntryPrice(s));
        }
      }
      double err = Math.abs(marked - ctx.equity());
      maxAbsError = Math.max(maxAbsError, err);
      if (err > 1e-6 * Math.max(1, Math.abs(ctx.equity()))) {
        violations.add("bar " + i + ": equity " + ctx.equity() + " != marked " + marked);
      }
      if (rnd.nextDouble() > 0.15) {
        return;
      }
      int s = rnd.nextInt(ctx.universe().symbolCount());
      double close = ctx.universe().series(s).close(i);
      switch (rnd.nextInt(6)) {
        case 0 -> ctx.closePosition(s, rnd.nextBoolean() ? 1.0 : 0.5);
        case 1 -> {
          double size = rnd.nextBoolean() ? rnd.nextDouble(0.05, 0.9) : 1 + rnd.nextInt(20);
          double sign = rnd.nextBoolean() ? 1 : -1;
          ctx.order(OrderRequest.market(s, sign * size));
        }
        case 2 ->
            ctx.order(
                OrderRequest.market(s, 0.5)
                    .withStopLoss(close * 0.95)
                    .withTakeProfit(close * 1.08));
        case 3 ->
            ctx.order(
                OrderRequest.market(s, -0.4).withLimit(close * 1.01).withStopLoss(close * 1.1));
        case 4 ->
            ctx.order(OrderRequest.market(s, 0.3).withStop(close * 1.01).withTrailingPercent(0.05));
        default ->
            ctx.order(OrderRequest.market(s, -0.3).withStop(close * 0.99).withLimit(close * 0.985));
      }
    }
  }

  static BacktestConfig config(long seed) {
    return BacktestConfig.defaults()
        .withCommission(Commission.relative(0.001))
        .withSpread(0.0005)
        .withMargin(seed % 3 == 0 ? 0.5 : 1.0)
        .withFillPolicy(seed % 2 == 0 ? FillPolicy.NEXT_OPEN : FillPolicy.CLOSE)
        .withFinalizeTrades(true);
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void equityIsCashPlusMarkedPositionsOnEveryBar(long seed) {
    RandomTrader trader = new RandomTrader(seed);
    BacktestResult r = Backtest.run(MARKET, trader, config(seed));
    assertThat(trader.violations).isEmpty();
    // every trade closed at the end: final equity is the final cash, and the cash is the starting
    // cash plus every trade's P&L (relative commission: entry and exit commissions add up exactly)
    double[] e = r.equity();
    assertThat(r.openTrades()).isZero();
    assertThat(e[e.length - 1]).isEqualTo(r.finalCash());
    double pnl = r.trades().stream().mapToDouble(Trade::pnl).sum();
    if (e[e.length - 1] > 0) {
      assertThat(r.finalCash())
          .isCloseTo(10_000 + pnl, org.assertj.core.data.Offset.offset(1e-6 * 10_000));
    }
    for (Trade t : r.trades()) {
      assertThat(t.exitBar()).isGreaterThanOrEqualTo(t.entryBar());
      assertThat(t.size()).isNotZero();
      assertThat(t.size()).isEqualTo(Math.rint(t.size()));
    }
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void rerunsAreIdentical(long seed) {
    BacktestResult a = Backtest.run(MARKET, new RandomTrader(seed), config(seed));
    BacktestResult b =
        Backtest.run(MARKET, new RandomTrader(seed), config(seed), new IndicatorCache());
    assertThat(b.equity()).containsExactly(a.equity());
    assertThat(b.trades()).isEqualTo(a.trades());
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void sharedIndicatorCacheDoesNotChangeResults(long seed) {
    IndicatorCache shared = new IndicatorCache();
    int fast = 2 + (int) (seed % 20);
    int slow = fast + 5 + (int) (seed % 37);
    Universe one = Universe.of(MARKET.series(0));
    Backtest.run(one, new SmaCross(fast + 1, slow + 3), BacktestConfig.defaults(), shared);
    BacktestResult viaShared =
        Backtest.run(one, new SmaCross(fast, slow), BacktestConfig.defaults(), shared);
    BacktestResult alone = Backtest.run(one, new SmaCross(fast, slow), BacktestConfig.defaults());
    assertThat(viaShared.equity()).containsExactly(alone.equity());
    assertThat(viaShared.trades()).isEqualTo(alone.trades());
  }
}
