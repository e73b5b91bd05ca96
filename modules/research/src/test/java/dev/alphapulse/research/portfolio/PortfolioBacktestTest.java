package dev.alphapulse.research.portfolio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.alphapulse.engine.backtest.Backtest;
import dev.alphapulse.engine.backtest.BacktestConfig;
import dev.alphapulse.engine.backtest.BacktestResult;
import dev.alphapulse.engine.data.Universe;
import dev.alphapulse.engine.data.synthetic.SyntheticMarket;
import dev.alphapulse.engine.metrics.Metrics;
import dev.alphapulse.engine.metrics.MetricsConvention;
import dev.alphapulse.engine.strategy.StrategyRegistry;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PortfolioBacktestTest {
  private static final Universe U =
      SyntheticMarket.generate(SyntheticMarket.Spec.of(4, 700, 17L)).universe();
  private static final StrategyRegistry REGISTRY = StrategyRegistry.load();
  private static final BacktestConfig CONFIG = BacktestConfig.defaults().withCash(100_000);
  private static final MetricsConvention CONV = MetricsConvention.BACKTESTING_PY;
  private static final List<SleeveSpec> SLEEVES =
      List.of(
          new SleeveSpec("sma", "sma-cross", Map.of("fast", 10, "slow", 40), List.of("SYN01")),
          SleeveSpec.of("mom", "momentum", Map.of("lookback", 40, "top-n", 2)),
          new SleeveSpec("rsi", "rsi", Map.of(), List.of("SYN00", "SYN02")));

  @Test
  void hundredPercentInOneSleeveIsThatStrategysBacktest() {
    PortfolioResult p =
        PortfolioBacktest.run(
            U, SLEEVES, Allocation.fixed(1, 0, 0), 21, 63, CONFIG, CONV, REGISTRY);
    BacktestResult alone =
        Backtest.run(
            Universe.of(U.series(1)),
            REGISTRY.get("sma-cross").create(Map.of("fast", 10, "slow", 40)),
            CONFIG);
    for (int t = 0; t < U.size(); t++) {
      assertThat(p.equity()[t]).isCloseTo(alone.equity()[t], within(1e-9 * alone.equity()[t]));
    }
    assertThat(p.sleeveStatistics().get("sma").values())
        .isEqualTo(Metrics.compute(alone, CONV).values());
    assertThat(p.statistics().get("Return [%]"))
        .isCloseTo(Metrics.compute(alone, CONV).get("Return [%]"), within(1e-7));
  }

  @Test
  void riskParityPortfolioOfThreeSleeves() {
    PortfolioResult p =
        PortfolioBacktest.run(U, SLEEVES, Allocation.riskParity(), 21, 63, CONFIG, CONV, REGISTRY);
    assertThat(p.sleeves()).containsExactly("sma", "mom", "rsi");
    assertThat(p.sleeveStatistics().keySet()).containsExactly("sma", "mom", "rsi");
    assertThat(p.equity()).hasSize(U.size());
    assertThat(p.equity()[0]).isEqualTo(100_000);
    assertThat(p.calendar()).isEqualTo(U.calendar());
    assertThat(p.schedule())
        .extracting(Rebalance::bar)
        .allSatisfy(b -> assertThat(b % 21).isZero());
    assertThat(p.schedule()).filteredOn(r -> !r.warmup()).isNotEmpty();
    assertThat(p.correlation()[1][1]).isEqualTo(1.0);
    assertThat(p.correlation()[0][2]).isEqualTo(p.correlation()[2][0]);
    assertThat(p.diversificationRatio()).isGreaterThanOrEqualTo(1.0 - 1e-12);
    assertThat(p.statistics().values())
        .containsKeys("Return [%]", "CAGR [%]", "Sharpe Ratio", "Max. Drawdown [%]", "Beta");
    assertThat(p.statistics().values()).doesNotContainKeys("# Trades", "Exposure Time [%]");
    assertThat(p.allocation()).isEqualTo("risk-parity");
    // the rsi sleeve runs once per symbol with half the cash each
    assertThat(p.sleeveStatistics().get("rsi").get("Equity Final [$]")).isPositive();
  }

  @Test
  void badSleevesAreNamed() {
    List<SleeveSpec> unknownSymbol =
        List.of(new SleeveSpec("x", "sma-cross", Map.of(), List.of("NOPE")));
    assertThatThrownBy(
            () ->
                PortfolioBacktest.run(
                    U, unknownSymbol, Allocation.equal(), 21, 63, CONFIG, CONV, REGISTRY))
        .hasMessageContaining("sleeve x: symbol NOPE is not in the universe");
    List<SleeveSpec> badParam =
        List.of(SleeveSpec.of("y", "sma-cross", Map.of("fast", 50, "slow", 10)));
    assertThatThrownBy(
            () ->
                PortfolioBacktest.run(
                    U, badParam, Allocation.equal(), 21, 63, CONFIG, CONV, REGISTRY))
        .hasMessageContaining("sleeve y:");
    List<SleeveSpec> twice = List.of(SLEEVES.get(0), SLEEVES.get(0));
    assertThatThrownBy(
            () ->
                PortfolioBacktest.run(U, twice, Allocation.equal(), 21, 63, CONFIG, CONV, REGISTRY))
        .hasMessageContaining("sleeve name sma appears twice");
    assertThatThrownBy(() -> new SleeveSpec(" ", "rsi", Map.of(), List.of()))
        .hasMessageContaining("name must not be blank");
  }
}
