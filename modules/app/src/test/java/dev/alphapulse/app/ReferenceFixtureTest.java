package dev.alphapulse.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.alphapulse.dataio.CsvBarReader;
import dev.alphapulse.engine.backtest.Backtest;
import dev.alphapulse.engine.backtest.BacktestConfig;
import dev.alphapulse.engine.backtest.BacktestResult;
import dev.alphapulse.engine.broker.Commission;
import dev.alphapulse.engine.broker.OrderRequest;
import dev.alphapulse.engine.data.BarSeries;
import dev.alphapulse.engine.data.Universe;
import dev.alphapulse.engine.metrics.Metrics;
import dev.alphapulse.engine.metrics.MetricsConvention;
import dev.alphapulse.engine.metrics.Statistics;
import dev.alphapulse.engine.strategy.Strategy;
import dev.alphapulse.engine.strategy.StrategyContext;
import dev.alphapulse.engine.strategy.builtin.SmaCross;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BiConsumer;
import org.assertj.core.api.SoftAssertions;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The external correctness gate: backtesting.py's SmaCross(10, 30) on GOOG and its small fixtures
 * ({@code ../shared/reference/backtesting-py-compat.md}), reproduced at 1e-8 relative.
 */
class ReferenceFixtureTest {
  static BarSeries goog;

  @BeforeAll
  static void load() throws Exception {
    goog = CsvBarReader.create().read(TestData.goog()).series();
  }

  static final Map<String, Double> EXPECTED =
      Map.ofEntries(
          Map.entry("Duration", 3116.0),
          Map.entry("Exposure Time [%]", 96.74115456238361),
          Map.entry("Equity Final [$]", 51422.98999999996),
          Map.entry("Equity Peak [$]", 75787.44),
          Map.entry("Return [%]", 414.2298999999996),
          Map.entry("Buy & Hold Return [%]", 522.0601851851852),
          Map.entry("Return (Ann.) [%]", 21.191099249053224),
          Map.entry("Volatility (Ann.) [%]", 36.49716090702389),
          Map.entry("CAGR [%]", 21.160245705962623),
          Map.entry("Sharpe Ratio", 0.5806232244485349),
          Map.entry("Sortino Ratio", 1.0853434352488662),
          Map.entry("Calmar Ratio", 0.44166409202994605),
          Map.entry("Alpha [%]", 394.37391142027462),
          Map.entry("Beta", 0.03803390709192),
          Map.entry("Max. Drawdown [%]", -47.98012705007589),
          Map.entry("Avg. Drawdown [%]", -5.925851581948801),
          Map.entry("Max. Drawdown Duration", 584.0),
          Map.entry("Avg. Drawdown Duration", 41.0),
          Map.entry("# Trades", 66.0),
          Map.entry("Win Rate [%]", 46.96969696969697),
          Map.entry("Best Trade [%]", 53.59595229490424),
          Map.entry("Worst Trade [%]", -18.39887353835481),
          Map.entry("Avg. Trade [%]", 2.531715975158555),
          Map.entry("Max. Trade Duration", 183.0),
          Map.entry("Avg. Trade Duration", 46.0),
          Map.entry("Profit Factor", 2.167945974262033),
          Map.entry("Expectancy [%]", 3.2748078066748834),
          Map.entry("SQN", 1.0766187356697705),
          Map.entry("Kelly Criterion", 0.1518705127029717));

  static BacktestResult smaCross() {
    return Backtest.run(
        Universe.of(goog),
        new SmaCross(10, 30),
        BacktestConfig.defaults().withFinalizeTrades(true));
  }

  @Test
  void allStatisticsMatchAt1e8Relative() {
    Statistics s = Metrics.compute(smaCross(), MetricsConvention.BACKTESTING_PY);
    assertThat(s.convention()).isEqualTo("backtesting.py");
    assertThat(s.start()).isEqualTo(epochMillis(2004, 8, 19));
    assertThat(s.end()).isEqualTo(epochMillis(2013, 3, 1));
    assertThat(s.values()).doesNotContainKey("Commissions [$]");
    SoftAssertions soft = new SoftAssertions();
    new TreeMap<>(EXPECTED)
        .forEach(
            (k, v) ->
                soft.assertThat(s.get(k))
                    .as(k)
                    .isCloseTo(v, Offset.offset(Math.abs(v) * 1e-8 + 1e-12)));
    soft.assertAll();
    // 3 (Start, End, Duration) + 28 others: the 31 statistics of the reference, in its order
    assertThat(s.values().keySet())
        .containsExactly(
            "Duration",
            "Exposure Time [%]",
            "Equity Final [$]",
            "Equity Peak [$]",
            "Return [%]",
            "Buy & Hold Return [%]",
            "Return (Ann.) [%]",
            "Volatility (Ann.) [%]",
            "CAGR [%]",
            "Sharpe Ratio",
            "Sortino Ratio",
            "Calmar Ratio",
            "Alpha [%]",
            "Beta",
            "Max. Drawdown [%]",
            "Avg. Drawdown [%]",
            "Max. Drawdown Duration",
            "Avg. Drawdown Duration",
            "# Trades",
            "Win Rate [%]",
            "Best Trade [%]",
            "Worst Trade [%]",
            "Avg. Trade [%]",
            "Max. Trade Duration",
            "Avg. Trade Duration",
            "Profit Factor",
            "Expectancy [%]",
            "SQN",
            "Kelly Criterion");
  }

  @Test
  void tradesAndEquityCheckpoints() {
    BacktestResult r = smaCross();
    assertThat(r.trades()).hasSize(66);
    assertThat(r.trades().get(0).size()).isEqualTo(-55);
    assertThat(r.trades().get(0).entryPrice()).isEqualTo(180.36);
    double[] e = r.equity();
    for (int i = 0; i <= 30; i++) {
      assertThat(e[i]).isEqualTo(10000.0);
    }
    assertThat(e[70]).isCloseTo(9962.05, within(0.005));
    assertThat(e[500]).isCloseTo(21152.19, within(0.005));
    assertThat(e[1000]).isCloseTo(47087.77, within(0.005));
    assertThat(e[1500]).isCloseTo(61136.04, within(0.005));
    assertThat(e[2000]).isCloseTo(43873.65, within(0.005));
    assertThat(e[2147]).isCloseTo(51422.99, within(0.005));
  }

  @Test
  void withoutFinalizingTheLastTradeStaysOpen() {
    BacktestResult r =
        Backtest.run(Universe.of(goog), new SmaCross(10, 30), BacktestConfig.defaults());
    assertThat(r.trades()).hasSize(65);
    assertThat(r.openTrades()).isEqualTo(1);
  }

  @Test
  void arithmeticSharpeConventionIsNamedAndDiffers() {
    Statistics s = Metrics.compute(smaCross(), MetricsConvention.ARITHMETIC_252);
    assertThat(s.convention()).isEqualTo("arithmetic-252");
    assertThat(s.get("Sharpe Ratio")).isCloseTo(0.798352, within(5e-7));
  }

  // ------------------------------------------------------------- the small fixtures (first 20
  // bars)

  static Strategy buyAtBar1CloseAtBar2() {
    return onBar(
        (i, ctx) -> {
          if (i == 1) {
            ctx.buy(0);
          } else if (i == 2) {
            ctx.closePosition(0);
          }
        });
  }

  static BacktestResult first20(BacktestConfig cfg) {
    return Backtest.run(Universe.of(goog.slice(0, 20)), buyAtBar1CloseAtBar2(), cfg);
  }

  @Test
  void spreadAndCommission() {
    BacktestResult r =
        first20(
            BacktestConfig.defaults().withSpread(0.01).withCommission(Commission.relative(0.01)));
    assertThat(r.trades().get(0).entryPrice()).isCloseTo(111.8575, within(1e-9));
    assertThat(r.trades().get(0).size()).isEqualTo(88);
    assertThat(r.equity()[2]).isCloseTo(9685.31, within(0.005));
    assertThat(r.equity()[3]).isCloseTo(9749.33, within(0.005));
  }

  @Test
  void fixedPlusRelativeCommission() {
    BacktestResult r =
        first20(BacktestConfig.defaults().withCommission(Commission.fixedPlusRelative(100, 0.01)));
    assertThat(r.trades().get(0).size()).isEqualTo(47);
    assertThat(r.equity()[2]).isCloseTo(9784.50, within(0.005));
    assertThat(r.equity()[3]).isCloseTo(9718.69, within(0.005));
  }

  @Test
  void customCommissionOfTradedValue() {
    BacktestResult r =
        first20(
            BacktestConfig.defaults()
                .withCommission((size, price) -> Math.abs(size) * price * 0.01));
    assertThat(r.trades().get(0).size()).isEqualTo(89);
    assertThat(r.equity()[2]).isCloseTo(9781.28, within(0.005));
    assertThat(r.equity()[3]).isCloseTo(9846.04, within(0.005));
  }

  @Test
  void stopLossHitOnTheEntryBar() {
    long signal = epochMillis(2012, 10, 17);
    BacktestResult r =
        Backtest.run(
            Universe.of(goog),
            onBar(
                (i, ctx) -> {
                  if (ctx.data().time(i) == signal) {
                    ctx.order(OrderRequest.market(0, OrderRequest.ALL_IN).withStopLoss(720));
                  }
                }),
            BacktestConfig.defaults());
    assertThat(r.trades()).hasSize(1);
    assertThat(r.trades().get(0).exitPrice()).isEqualTo(720.0);
  }

  @Test
  void stopEntryWithStopLossExitsAtTheGapOpen() {
    long signal = epochMillis(2012, 10, 17);
    BacktestResult r =
        Backtest.run(
            Universe.of(goog),
            onBar(
                (i, ctx) -> {
                  if (ctx.data().time(i) == signal) {
                    ctx.order(
                        OrderRequest.market(0, OrderRequest.ALL_IN)
                            .withStop(758)
                            .withStopLoss(720));
                  }
                }),
            BacktestConfig.defaults());
    assertThat(r.trades()).hasSize(1);
    assertThat(r.trades().get(0).exitPrice()).isEqualTo(705.58);
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

  static long epochMillis(int y, int m, int d) {
    return LocalDate.of(y, m, d).atStartOfDay().toInstant(ZoneOffset.UTC).toEpochMilli();
  }
}
