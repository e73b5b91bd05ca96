package dev.alphapulse.engine.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.alphapulse.engine.backtest.Backtest;
import dev.alphapulse.engine.backtest.BacktestConfig;
import dev.alphapulse.engine.backtest.BacktestResult;
import dev.alphapulse.engine.broker.Commission;
import dev.alphapulse.engine.broker.FillPolicy;
import dev.alphapulse.engine.data.Universe;
import dev.alphapulse.engine.data.synthetic.SyntheticMarket;
import dev.alphapulse.engine.indicator.IndicatorCache;
import dev.alphapulse.engine.strategy.builtin.SmaCross;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The sweep path (an equity array and a {@link Metrics.Workspace} reused from run to run, as {@code
 * ChunkExecutor} does) gives the statistics of the plain path ({@code Backtest.run} with a new
 * array, then {@link Metrics#compute(BacktestResult, MetricsConvention)}) and of the definitions
 * ({@link Metrics#computeDirect}), bit for bit, for every statistic and convention: random
 * sma-cross parameter sets (fast below, equal to and above slow), several markets (long, short,
 * shorter than the warm-up), with and without commission and spread, finalized or left open, close
 * fills, and leverage that goes bankrupt; and for hand-made equity curves that leave the fused
 * passes (NaN, infinities, negative, zero start).
 */
class SweepStatisticsTest {

  private static final List<BacktestConfig> CONFIGS =
      List.of(
          BacktestConfig.defaults(),
          BacktestConfig.defaults().withFinalizeTrades(true),
          BacktestConfig.defaults()
              .withCommission(Commission.relative(0.002))
              .withSpread(0.001)
              .withFinalizeTrades(true),
          BacktestConfig.defaults().withCommission(Commission.relative(0.001)).withSpread(0.0005),
          BacktestConfig.defaults().withFillPolicy(FillPolicy.CLOSE),
          BacktestConfig.defaults().withMargin(0.02),
          BacktestConfig.defaults().withMargin(0.05).withFinalizeTrades(true));

  @Test
  void reusedArraysGiveThePlainAndTheDefinedStatistics() {
    SplittableRandom rng = new SplittableRandom(4242);
    int[][] markets = {{6_000, 3}, {6_000, 17}, {400, 5}, {150, 8}, {40, 2}};
    int cases = 0;
    int withTrades = 0;
    int openAtEnd = 0;
    int bankrupt = 0;
    for (int[] spec : markets) {
      Universe u =
          SyntheticMarket.generate(SyntheticMarket.Spec.of(1, spec[0], spec[1])).universe();
      IndicatorCache cache = new IndicatorCache();
      double[] equity = new double[u.size()];
      Metrics.Workspace workspace = new Metrics.Workspace();
      int sets = spec[0] >= 6_000 ? 120 : 40;
      for (int k = 0; k < sets; k++) {
        int fast = 1 + rng.nextInt(40);
        int slow = k % 10 == 0 ? fast : 1 + rng.nextInt(120); // fast == slow: no crossing
        BacktestConfig config = CONFIGS.get(rng.nextInt(CONFIGS.size()));
        String what = "sma-cross(" + fast + ", " + slow + ") on " + spec[0] + " bars, " + config;
        BacktestResult plain = Backtest.run(u, new SmaCross(fast, slow), config, cache);
        BacktestResult sweep = Backtest.run(u, new SmaCross(fast, slow), config, cache, equity);
        assertThat(sweep.equity()).as(what).isSameAs(equity).isEqualTo(plain.equity());
        assertThat(sweep.trades()).as(what).isEqualTo(plain.trades());
        assertThat(sweep.openTrades()).as(what).isEqualTo(plain.openTrades());
        for (MetricsConvention convention : MetricsConvention.values()) {
          Map<String, Double> expected = Metrics.compute(plain, convention).values();
          Map<String, Double> direct =
              Metrics.computeDirect(
                      u.calendar(),
                      plain.equity(),
                      plain.trades(),
                      u.series(0).closes(),
                      plain.warmup(),
                      convention)
                  .values();
          Map<String, Double> actual = Metrics.compute(sweep, convention, workspace).values();
          assertBitIdentical(actual, expected, what + ", " + convention);
          assertBitIdentical(direct, expected, what + ", " + convention + " (definitions)");
        }
        cases++;
        withTrades += plain.trades().isEmpty() ? 0 : 1;
        openAtEnd += plain.openTrades() > 0 ? 1 : 0;
        bankrupt += plain.equity()[u.size() - 1] == 0 ? 1 : 0;
      }
    }
    assertThat(cases).isEqualTo(2 * 120 + 3 * 40);
    assertThat(withTrades).as("runs with trades").isGreaterThan(cases / 2);
    assertThat(cases - withTrades).as("runs without trades").isPositive();
    assertThat(openAtEnd).as("runs with a trade open at the end").isPositive();
    assertThat(bankrupt).as("runs that went bankrupt").isPositive();
  }

  @Test
  void curvesThatLeaveTheFusedPassesGiveTheDefinitions() {
    int n = 300;
    long[] time = new long[n];
    double[] close = new double[n];
    SplittableRandom rng = new SplittableRandom(5);
    for (int t = 0; t < n; t++) {
      time[t] = 1_600_000_000_000L + t * Metrics.DAY;
      close[t] =
          100 * Math.exp(0.02 * rng.nextGaussian() + (t > 0 ? Math.log(close[t - 1] / 100) : 0));
    }
    double[] base = new double[n];
    for (int t = 0; t < n; t++) {
      base[t] = 10_000 * (1 + 0.3 * Math.sin(t / 17.0)) + rng.nextDouble();
    }
    double[][] curves = {
      fill(n, 10_000), // flat: no trade
      rising(n), // always at its peak
      base,
      with(base, 150, 0.0, n), // bankrupt from bar 150
      with(base, 120, Double.NaN, 121),
      with(base, 120, Double.POSITIVE_INFINITY, 121),
      with(base, 200, -500.0, 210), // negative equity (not from a backtest, but allowed)
      with(base, 0, 0.0, 1), // starts at zero
      with(base, 0, Double.NaN, 1),
      with(base, n - 1, 20_000.0, n), // a new peak on the last bar
      with(base, n - 1, 1.0, n), // a deep drawdown on the last bar
      with(base, 100, 9_000.0, 102), // a ratio far from 1 (Math.log), then back
      Arrays.copyOf(base, 3),
    };
    Metrics.Workspace workspace = new Metrics.Workspace();
    for (int c = 0; c < curves.length; c++) {
      double[] e = curves[c];
      long[] tm = Arrays.copyOf(time, e.length);
      double[] cl = Arrays.copyOf(close, e.length);
      for (MetricsConvention convention : MetricsConvention.values()) {
        Map<String, Double> direct =
            Metrics.computeDirect(tm, e, List.of(), cl, 0, convention).values();
        assertBitIdentical(
            Metrics.compute(tm, e, List.of(), cl, 0, convention).values(),
            direct,
            "curve " + c + ", " + convention);
        assertBitIdentical(
            Metrics.compute(tm, e, List.of(), cl, 0, convention, workspace).values(),
            direct,
            "curve " + c + ", " + convention + " (workspace)");
      }
    }
  }

  /**
   * The curves a sweep produces (several blocks of lanes long: a plain run, a ruin, a ruin on the
   * last bar, ratios far from 1) stay on the fused path, and it gives the definitions there.
   */
  @Test
  void sweepCurvesTakeTheFusedPath() {
    int n = 3 * LaneSum.LANES + 17;
    Walk w = Walk.of(n, 11, 0.015);
    long[] time = w.time();
    double[] close = w.close();
    double[] base = w.equity();
    double[][] curves = {
      base,
      with(base, 2 * LaneSum.LANES + 5, 0.0, n), // ruined in the third block of lanes
      with(base, LaneSum.LANES, 0.0, n), // ruined on a block boundary
      with(base, n - 1, 0.0, n), // ruined on the last bar
      with(base, LaneSum.LANES + 3, base[LaneSum.LANES + 2] * 1.3, LaneSum.LANES + 4),
    };
    Metrics.Workspace workspace = new Metrics.Workspace();
    for (int c = 0; c < curves.length; c++) {
      assertThat(CurveSummary.fused(time, curves[c], List.of(), close, workspace))
          .as("curve " + c)
          .isNotNull();
      assertSweepPathIsDirect(time, curves[c], close, workspace, "curve " + c);
    }
  }

  /**
   * Blocks of lanes over which the equity does not move (an account without a position) are skipped
   * by the fused pass and its drawdown scan: flat at the peak, below it, from the first bar, up to
   * the last bar or the one before, before a ruin, exactly one block, and one bar short of a block;
   * each still gives the definitions bit for bit.
   */
  @Test
  void flatBlocksAreSkippedExactly() {
    int lanes = LaneSum.LANES;
    int n = 6 * lanes + 17;
    Walk w = Walk.of(n, 5, 0.01);
    long[] time = w.time();
    double[] close = w.close();
    double[] base = w.equity();
    double peak = Arrays.stream(base, 0, lanes + 50).max().orElseThrow();
    double[][] curves = {
      with(base, 0, base[0], 2 * lanes + 10), // flat from the first bar, at the peak
      with(base, lanes + 50, base[lanes + 49] * 0.9, 4 * lanes + 3), // flat in a drawdown
      with(base, lanes + 50, peak * 1.1, 4 * lanes), // a new peak, then flat at it
      with(base, 2 * lanes + 1, peak * 0.5, n), // flat below the peak to the last bar
      with(base, 2 * lanes + 1, peak * 2, n), // flat at a new peak to the last bar
      with(base, 3 * lanes, base[3 * lanes - 1], n - 1), // flat up to the bar before the last
      with(with(base, lanes, base[lanes - 1], 4 * lanes), 4 * lanes + 3, 0.0, n), // then ruined
      with(base, lanes + 1, base[lanes], 2 * lanes + 1), // exactly the second block
      with(base, lanes + 1, base[lanes], 2 * lanes), // the second block but its last bar
      fill(n, 10_000),
      // not flat: 0 / 0 and infinity / infinity are NaN (the direct definitions take them)
      with(base, lanes + 1, 0.0, 3 * lanes),
      with(base, lanes + 1, Double.POSITIVE_INFINITY, 3 * lanes),
    };
    Metrics.Workspace workspace = new Metrics.Workspace();
    for (int c = 0; c < curves.length; c++) {
      CurveSummary fused = CurveSummary.fused(time, curves[c], List.of(), close, workspace);
      assertThat(fused == null).as("curve " + c + " off the fused path").isEqualTo(c >= 10);
      assertSweepPathIsDirect(time, curves[c], close, workspace, "curve " + c);
    }
    // a close of 0 inside a flat block: infinite market log returns, whose products with the
    // block's log returns of 0 are NaN
    double[] zeroClose = close.clone();
    zeroClose[lanes + 40] = 0;
    assertSweepPathIsDirect(time, curves[0], zeroClose, workspace, "zero close");
    boolean[] exact = workspace.flatBlocks(curves[7], n - 1);
    assertThat(new boolean[] {exact[0], exact[1], exact[2]}).containsExactly(false, true, false);
    assertThat(workspace.flatBlocks(curves[8], n - 1)[1]).isFalse();
    boolean[] allFlat = workspace.flatBlocks(curves[9], n - 1);
    assertThat(Arrays.copyOf(allFlat, 7)).containsOnly(true);
  }

  /** Daily times, a close and an equity of {@code n} bars, random walks from 100 and 10,000. */
  private record Walk(long[] time, double[] close, double[] equity) {
    static Walk of(int n, long seed, double equityVolatility) {
      long[] time = new long[n];
      double[] close = new double[n];
      double[] equity = new double[n];
      SplittableRandom rng = new SplittableRandom(seed);
      close[0] = 100;
      equity[0] = 10_000;
      for (int t = 0; t < n; t++) {
        time[t] = 1_600_000_000_000L + t * Metrics.DAY;
        if (t > 0) {
          close[t] = close[t - 1] * Math.exp(0.02 * rng.nextGaussian());
          equity[t] = equity[t - 1] * (1 + equityVolatility * rng.nextGaussian());
        }
      }
      return new Walk(time, close, equity);
    }
  }

  /**
   * The sweep path (with a workspace) gives the direct definitions' bits under every convention.
   */
  private static void assertSweepPathIsDirect(
      long[] time, double[] equity, double[] close, Metrics.Workspace workspace, String what) {
    for (MetricsConvention convention : MetricsConvention.values()) {
      assertBitIdentical(
          Metrics.compute(time, equity, List.of(), close, 0, convention, workspace).values(),
          Metrics.computeDirect(time, equity, List.of(), close, 0, convention).values(),
          what + ", " + convention);
    }
  }

  private static double[] fill(int n, double v) {
    double[] e = new double[n];
    Arrays.fill(e, v);
    return e;
  }

  private static double[] rising(int n) {
    double[] e = new double[n];
    for (int t = 0; t < n; t++) {
      e[t] = 10_000 + 7.5 * t;
    }
    return e;
  }

  private static double[] with(double[] base, int from, double v, int to) {
    double[] e = base.clone();
    Arrays.fill(e, from, to, v);
    return e;
  }

  /**
   * Every value has the same bits, -0.0 and 0.0 told apart; NaNs are equal whatever their payload
   * (a NaN's bits are not a result: the JIT may fold an operation into a NaN constant whose sign
   * bit differs from the one the CPU gives).
   */
  static void assertBitIdentical(
      Map<String, Double> actual, Map<String, Double> expected, String what) {
    assertThat(actual.keySet()).as(what).containsExactlyElementsOf(expected.keySet());
    for (Map.Entry<String, Double> e : expected.entrySet()) {
      assertThat(Double.doubleToLongBits(actual.get(e.getKey())))
          .as(what + ": " + e.getKey() + " " + actual.get(e.getKey()) + " vs " + e.getValue())
          .isEqualTo(Double.doubleToLongBits(e.getValue()));
    }
  }
}
