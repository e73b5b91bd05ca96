package dev.alphapulse.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.alphapulse.engine.backtest.Backtest;
import dev.alphapulse.engine.backtest.BacktestConfig;
import dev.alphapulse.engine.backtest.BacktestResult;
import dev.alphapulse.engine.data.BarSeries;
import dev.alphapulse.engine.data.Universe;
import dev.alphapulse.engine.strategy.builtin.SmaCross;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * AlphaPulse, the minimal loop and ta4j produce the same trades for SmaCross(10, 30) on the
 * benchmark data, and AlphaPulse and the minimal loop the same equity curve, bit for bit: the
 * benchmarks compare like with like.
 */
class SmaCrossEquivalenceTest {
  private static final Map<String, BarSeries> DATA = new ConcurrentHashMap<>();

  private static BarSeries data(String name) {
    return DATA.computeIfAbsent(name, BenchData::load);
  }

  private static BacktestResult engine(BarSeries series, boolean finalizeTrades) {
    return Backtest.run(
        Universe.of(series),
        new SmaCross(SmaCrossBench.FAST, SmaCrossBench.SLOW),
        BacktestConfig.defaults().withFinalizeTrades(finalizeTrades));
  }

  private static MinimalLoop.Result minimal(BarSeries series, boolean finalizeTrades) {
    return MinimalLoop.run(
        series.opens(),
        series.closes(),
        SmaCrossBench.FAST,
        SmaCrossBench.SLOW,
        BacktestConfig.defaults().cash(),
        finalizeTrades);
  }

  @Test
  void engineReproducesBacktestingPyOnGoog() {
    BarSeries goog = data(BenchData.GOOG);
    assertThat(goog.size()).isEqualTo(2148);

    BacktestResult finalized = engine(goog, true);
    assertThat(finalized.trades()).hasSize(66);
    assertThat(finalized.openTrades()).isZero();
    assertThat(finalized.equity()[goog.size() - 1]).isCloseTo(51422.99, within(0.005));

    BacktestResult open = engine(goog, false);
    assertThat(open.trades()).hasSize(65);
    assertThat(open.openTrades()).isEqualTo(1);
  }

  @ParameterizedTest(name = "{0}, finalizeTrades={1}")
  @CsvSource({"goog, false", "goog, true", "synthetic1m, false", "synthetic1m, true"})
  void minimalLoopMatchesEngineExactly(String dataset, boolean finalizeTrades) {
    BarSeries series = data(dataset);
    BacktestResult engine = engine(series, finalizeTrades);
    MinimalLoop.Result loop = minimal(series, finalizeTrades);

    List<RoundTrip> engineTrades = engine.trades().stream().map(RoundTrip::of).toList();
    List<RoundTrip> loopTrades = loop.roundTrips();
    assertThat(loopTrades.subList(0, loop.tradeCount())).isEqualTo(engineTrades);
    assertThat(loopTrades.size() - loop.tradeCount()).isEqualTo(engine.openTrades());
    for (int k = 0; k < loop.tradeCount(); k++) {
      assertThat(loop.size()[k]).as("size of trade %d", k).isEqualTo(engine.trades().get(k).size());
    }
    assertThat(loop.cash()).isEqualTo(engine.finalCash());
    int mismatch = Arrays.mismatch(loop.equity(), engine.equity());
    assertThat(mismatch)
        .as(
            "first bar where the equity curves differ (%s)",
            mismatch < 0
                ? "none"
                : "loop " + loop.equity()[mismatch] + " vs engine " + engine.equity()[mismatch])
        .isEqualTo(-1);
    assertThat(engineTrades.size()).as("the data must exercise the strategy").isGreaterThan(50);
  }

  @ParameterizedTest
  @ValueSource(strings = {BenchData.GOOG, BenchData.SYNTHETIC_1M})
  void ta4jEntersAndExitsWhereTheEngineDoes(String dataset) {
    BarSeries series = data(dataset);
    BacktestResult engine = engine(series, false);
    MinimalLoop.Result loop = minimal(series, false);
    Ta4jSmaCross.Result ta4j =
        Ta4jSmaCross.run(Ta4jSmaCross.toTa4j(series), SmaCrossBench.FAST, SmaCrossBench.SLOW);

    List<RoundTrip> ta4jTrades = ta4j.roundTrips();
    List<RoundTrip> engineClosed = engine.trades().stream().map(RoundTrip::of).toList();
    assertThat(ta4jTrades.stream().filter(t -> !t.isOpen()).toList()).isEqualTo(engineClosed);
    // the engine reports how many trades are open, not which: the minimal loop (equal to the
    // engine, see above) says which
    assertThat(ta4jTrades).isEqualTo(loop.roundTrips());
    assertThat(ta4jTrades.stream().filter(RoundTrip::isOpen).count())
        .isEqualTo(engine.openTrades());
  }
}
