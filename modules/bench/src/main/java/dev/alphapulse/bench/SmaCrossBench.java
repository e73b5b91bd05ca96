package dev.alphapulse.bench;

import dev.alphapulse.engine.backtest.Backtest;
import dev.alphapulse.engine.backtest.BacktestConfig;
import dev.alphapulse.engine.backtest.BacktestResult;
import dev.alphapulse.engine.data.BarSeries;
import dev.alphapulse.engine.data.Universe;
import dev.alphapulse.engine.indicator.IndicatorCache;
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

/**
 * One backtest of {@code SmaCross(10, 30)} (backtesting.py's example) per operation, on GOOG (2,148
 * daily bars) and on a 1,000,000-bar synthetic series, by three implementations.
 *
 * <h2>Benchmarks</h2>
 *
 * <ul>
 *   <li>{@code alphapulse}: {@code Backtest.run} with the default config and a private indicator
 *       cache, so both SMA columns are computed inside the measured work, as ta4j's and the minimal
 *       loop's are.
 *   <li>{@code alphapulseWarmCache}: the same with an {@link IndicatorCache} filled before
 *       measuring, as in a parameter sweep that reuses the columns (extra information: the event
 *       loop and broker alone).
 *   <li>{@code minimalLoop}: {@link MinimalLoop}, the same SMA columns, trades and equity curve by
 *       a hand-written loop over arrays: the physical-limit proxy.
 *   <li>{@code ta4j}: {@link Ta4jSmaCross}, ta4j 0.17 with {@code DoubleNum}, fresh indicators per
 *       operation; the ta4j series is built before measuring, as the engine's is. Ten warm-up
 *       iterations instead of five (see the method).
 * </ul>
 *
 * Scores are microseconds per backtest; bars per second is the bar count divided by that.
 *
 * <h2>JVM settings</h2>
 *
 * {@code -Xms1g -Xmx4g} (ta4j's object-per-bar copy of the 1,000,000-bar series alone retains about
 * 350 MB, and each of its runs allocates 440 MB more) and {@code -XX:+UseTransparentHugePages}:
 * each fork's heap is fresh memory, and on a virtual machine the first touch of every 4 KB page is
 * slow enough (several seconds per GB measured here) that the first seconds of a run measure page
 * faults rather than code; with 2 MB pages they are gone after the first iteration or two. It
 * applies to every implementation alike.
 *
 * <h2>Running</h2>
 *
 * Through the runner (summary table or JSON): {@code java -cp <bench classpath>
 * dev.alphapulse.bench.BenchMain engine [--quick] [--json]}, or {@code ./alphapulse bench engine}.
 * Directly with JMH's own command line: {@code java -cp <bench classpath> org.openjdk.jmh.Main
 * 'dev.alphapulse.bench.SmaCrossBench' -prof gc}, where the bench classpath is the bench jar plus
 * {@code mvn -pl modules/bench dependency:build-classpath}. GOOG is read from {@code
 * $ALPHAPULSE_DATA/backtesting.py/GOOG.csv} (see {@link BenchData}).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(
    value = 2,
    jvmArgs = {"-Xms1g", "-Xmx4g", "-XX:+UseTransparentHugePages"})
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
public class SmaCrossBench {
  /** backtesting.py's SmaCross parameters. */
  static final int FAST = 10;

  static final int SLOW = 30;

  /** The engine's data set and run settings. */
  @State(Scope.Benchmark)
  public static class Data {
    @Param({BenchData.GOOG, BenchData.SYNTHETIC_1M})
    public String dataset;

    BarSeries series;
    Universe universe;
    BacktestConfig config;
    IndicatorCache warmCache;

    @Setup(Level.Trial)
    public void setUp() {
      series = BenchData.load(dataset);
      universe = Universe.of(series);
      config = BacktestConfig.defaults();
      warmCache = new IndicatorCache();
      Backtest.run(universe, new SmaCross(FAST, SLOW), config, warmCache);
    }
  }

  /** ta4j's copy of the data set (built only for the ta4j benchmark). */
  @State(Scope.Benchmark)
  public static class Ta4jData {
    org.ta4j.core.BarSeries series;

    @Setup(Level.Trial)
    public void setUp(Data data) {
      series = Ta4jSmaCross.toTa4j(data.series);
    }
  }

  @Benchmark
  public BacktestResult alphapulse(Data data) {
    return Backtest.run(data.universe, new SmaCross(FAST, SLOW), data.config);
  }

  @Benchmark
  public BacktestResult alphapulseWarmCache(Data data) {
    return Backtest.run(data.universe, new SmaCross(FAST, SLOW), data.config, data.warmCache);
  }

  @Benchmark
  public MinimalLoop.Result minimalLoop(Data data) {
    return MinimalLoop.run(
        data.series.opens(),
        data.series.closes(),
        FAST,
        SLOW,
        data.config.cash(),
        data.config.finalizeTrades());
  }

  /**
   * Warmed up twice as long as the others: on the 1,000,000-bar series ta4j runs at about half its
   * final speed for its first seven or so operations (one per second), while its heap grows into
   * the 440 bytes per bar it allocates.
   */
  @Benchmark
  @Warmup(iterations = 10, time = 1)
  public Ta4jSmaCross.Result ta4j(Ta4jData data) {
    return Ta4jSmaCross.run(data.series, FAST, SLOW);
  }
}
