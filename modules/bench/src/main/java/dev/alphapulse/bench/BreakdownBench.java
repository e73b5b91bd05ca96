package dev.alphapulse.bench;

import dev.alphapulse.engine.backtest.Backtest;
import dev.alphapulse.engine.backtest.BacktestConfig;
import dev.alphapulse.engine.backtest.BacktestResult;
import dev.alphapulse.engine.data.BarSeries;
import dev.alphapulse.engine.data.Universe;
import dev.alphapulse.engine.indicator.IndicatorCache;
import dev.alphapulse.engine.indicator.IndicatorColumns;
import dev.alphapulse.engine.indicator.Sma;
import dev.alphapulse.engine.strategy.builtin.SmaCross;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Where the time of {@link SmaCrossBench}'s {@code alphapulse} goes, next to the minimal loop's:
 * the two SMA columns and the trading loop, each measured alone. Not part of {@code BenchMain
 * engine} (diagnosis, not a headline figure).
 *
 * <ul>
 *   <li>{@code smaColumnsEngine}: {@code IndicatorColumns.compute} of {@code Sma(10)} and {@code
 *       Sma(30)}, what a fresh indicator cache does inside {@code Backtest.run};
 *   <li>{@code smaColumnsMinimal}: {@link MinimalLoop#sma} of both periods (bit-identical columns);
 *   <li>{@code tradingLoopEngine}: {@code Backtest.run} on a filled indicator cache (event loop,
 *       strategy, broker, result);
 *   <li>{@code tradingLoopMinimal}: {@link MinimalLoop#trade} on precomputed columns.
 * </ul>
 *
 * <h2>Running</h2>
 *
 * {@code java -cp <bench classpath> org.openjdk.jmh.Main 'dev.alphapulse.bench.BreakdownBench'
 * -prof gc} (see {@link SmaCrossBench} for the class path and the data).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(
    value = 2,
    jvmArgs = {"-Xms1g", "-Xmx4g", "-XX:+UseTransparentHugePages"})
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@State(Scope.Benchmark)
public class BreakdownBench {
  @Param({BenchData.GOOG, BenchData.SYNTHETIC_1M})
  public String dataset;

  private BarSeries series;
  private Universe universe;
  private BacktestConfig config;
  private IndicatorCache warmCache;
  private double[] fastSma;
  private double[] slowSma;

  @Setup(Level.Trial)
  public void setUp() {
    series = BenchData.load(dataset);
    universe = Universe.of(series);
    config = BacktestConfig.defaults();
    warmCache = new IndicatorCache();
    Backtest.run(universe, new SmaCross(SmaCrossBench.FAST, SmaCrossBench.SLOW), config, warmCache);
    fastSma = MinimalLoop.sma(series.closes(), SmaCrossBench.FAST);
    slowSma = MinimalLoop.sma(series.closes(), SmaCrossBench.SLOW);
  }

  @Benchmark
  public void smaColumnsEngine(Blackhole bh) {
    bh.consume(IndicatorColumns.compute(new Sma(SmaCrossBench.FAST), series));
    bh.consume(IndicatorColumns.compute(new Sma(SmaCrossBench.SLOW), series));
  }

  @Benchmark
  public void smaColumnsMinimal(Blackhole bh) {
    bh.consume(MinimalLoop.sma(series.closes(), SmaCrossBench.FAST));
    bh.consume(MinimalLoop.sma(series.closes(), SmaCrossBench.SLOW));
  }

  @Benchmark
  public BacktestResult tradingLoopEngine() {
    return Backtest.run(
        universe, new SmaCross(SmaCrossBench.FAST, SmaCrossBench.SLOW), config, warmCache);
  }

  @Benchmark
  public MinimalLoop.Result tradingLoopMinimal() {
    return MinimalLoop.trade(
        series.opens(),
        series.closes(),
        fastSma,
        slowSma,
        Math.max(SmaCrossBench.FAST, SmaCrossBench.SLOW),
        config.cash(),
        config.finalizeTrades());
  }
}
