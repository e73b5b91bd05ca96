package dev.alphapulse.engine.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.alphapulse.engine.backtest.Backtest;
import dev.alphapulse.engine.backtest.BacktestConfig;
import dev.alphapulse.engine.backtest.BacktestResult;
import dev.alphapulse.engine.broker.Commission;
import dev.alphapulse.engine.broker.FillPolicy;
import dev.alphapulse.engine.data.BarSeries;
import dev.alphapulse.engine.data.Universe;
import dev.alphapulse.engine.data.synthetic.SyntheticMarket;
import dev.alphapulse.engine.indicator.IndicatorCache;
import dev.alphapulse.engine.strategy.Strategy;
import dev.alphapulse.engine.strategy.StrategyContext;
import dev.alphapulse.engine.strategy.builtin.SmaCross;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The sweep fast paths give exactly the results of the plain ones, bit for bit, for a few hundred
 * random sma-cross parameter sets under several settings (commission, spread, close fills,
 * finalized trades, leverage that can wipe the account out):
 *
 * <ul>
 *   <li>{@code Backtest.run} of a {@link dev.alphapulse.engine.strategy.SignalStrategy} (marking to
 *       market between signals) against the same strategy hidden behind a plain {@link Strategy}
 *       (called on every bar): equal equity curves, trades and final state;
 *   <li>{@link Metrics#compute} (fused passes, memoized calendar and market) against {@link
 *       Metrics#computeDirect} (the definitions): equal statistics, under every convention.
 * </ul>
 */
class SweepFastPathTest {
  private static final Universe MARKET =
      SyntheticMarket.generate(SyntheticMarket.Spec.of(1, 6_000, 3)).universe();

  private static final List<BacktestConfig> CONFIGS =
      List.of(
          BacktestConfig.defaults(),
          BacktestConfig.defaults().withCommission(Commission.relative(0.002)).withSpread(0.001),
          BacktestConfig.defaults().withFillPolicy(FillPolicy.CLOSE).withFinalizeTrades(true),
          BacktestConfig.defaults().withMargin(0.02).withFinalizeTrades(true));

  @Test
  void signalPathAndFusedMetricsAreBitIdentical() {
    SplittableRandom rng = new SplittableRandom(2024);
    IndicatorCache cache = new IndicatorCache();
    BarSeries series = MARKET.series(0);
    int bankrupt = 0;
    for (int k = 0; k < 300; k++) {
      int fast = 1 + rng.nextInt(60);
      int slow = fast + 1 + rng.nextInt(150);
      BacktestConfig config = CONFIGS.get(k % CONFIGS.size());
      BacktestResult fastPath = Backtest.run(MARKET, new SmaCross(fast, slow), config, cache);
      BacktestResult plain =
          Backtest.run(MARKET, new EveryBar(new SmaCross(fast, slow)), config, cache);
      String what = "sma-cross(" + fast + ", " + slow + ") with " + config;
      assertThat(fastPath.equity()).as(what).isEqualTo(plain.equity());
      assertThat(fastPath.trades()).as(what).isEqualTo(plain.trades());
      assertThat(fastPath.openTrades()).as(what).isEqualTo(plain.openTrades());
      assertThat(Double.doubleToRawLongBits(fastPath.finalCash()))
          .as(what)
          .isEqualTo(Double.doubleToRawLongBits(plain.finalCash()));
      bankrupt += plain.equity()[plain.equity().length - 1] == 0 ? 1 : 0;
      for (MetricsConvention convention : MetricsConvention.values()) {
        Statistics fused = Metrics.compute(fastPath, convention);
        Statistics direct =
            Metrics.computeDirect(
                MARKET.calendar(),
                plain.equity(),
                plain.trades(),
                series.closes(),
                plain.warmup(),
                convention);
        assertBitIdentical(fused.values(), direct.values(), what + ", " + convention);
      }
    }
    assertThat(bankrupt).as("runs that went bankrupt (the leveraged setting)").isPositive();
  }

  @Test
  void exposureCountsTheUnionOfTradeIntervals() {
    Universe u = SyntheticMarket.generate(SyntheticMarket.Spec.of(1, 2_000, 9)).universe();
    BacktestResult r = Backtest.run(u, new SmaCross(3, 7), BacktestConfig.defaults());
    boolean[] in = new boolean[u.size()];
    r.trades().forEach(t -> java.util.Arrays.fill(in, t.entryBar(), t.exitBar() + 1, true));
    int expected = 0;
    for (boolean b : in) {
      expected += b ? 1 : 0;
    }
    assertThat(CurveSummary.exposedBars(r.trades(), u.size())).isEqualTo(expected);
  }

  private static void assertBitIdentical(
      Map<String, Double> actual, Map<String, Double> expected, String what) {
    assertThat(actual.keySet()).as(what).containsExactlyElementsOf(expected.keySet());
    for (Map.Entry<String, Double> e : expected.entrySet()) {
      assertThat(Double.doubleToRawLongBits(actual.get(e.getKey())))
          .as(what + ": " + e.getKey() + " " + actual.get(e.getKey()) + " vs " + e.getValue())
          .isEqualTo(Double.doubleToRawLongBits(e.getValue()));
    }
  }

  /** Hides a strategy's signal scanning, so the loop calls it on every bar. */
  private record EveryBar(Strategy inner) implements Strategy {
    @Override
    public void init(StrategyContext ctx) {
      inner.init(ctx);
    }

    @Override
    public void next(StrategyContext ctx) {
      inner.next(ctx);
    }
  }
}
