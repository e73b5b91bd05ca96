package dev.alphapulse.jobs.research;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.alphapulse.engine.backtest.Backtest;
import dev.alphapulse.engine.data.Universe;
import dev.alphapulse.engine.indicator.IndicatorCache;
import dev.alphapulse.engine.strategy.StrategyRegistry;
import dev.alphapulse.jobs.ChunkExecutor;
import dev.alphapulse.jobs.ChunkResult;
import dev.alphapulse.jobs.ChunkSpec;
import dev.alphapulse.jobs.DataSpec;
import dev.alphapulse.jobs.DatasetFingerprint;
import dev.alphapulse.jobs.DatasetRef;
import dev.alphapulse.jobs.JobPlan;
import dev.alphapulse.jobs.JobPlanner;
import dev.alphapulse.jobs.JobResult;
import dev.alphapulse.jobs.JobSpecs;
import dev.alphapulse.jobs.RunResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.junit.jupiter.api.Test;

class SweepOverfittingTest {
  static final StrategyRegistry REGISTRY = StrategyRegistry.load();
  static final Universe UNIVERSE = new DataSpec.Synthetic(2, 1500, 11).generate();
  static final DatasetRef REF = DatasetFingerprint.ref("synthetic:2x1500:11", UNIVERSE);
  static final String SWEEP =
      """
      type: sweep
      data: {synthetic: {symbols: 2, bars: 1500, seed: 11}}
      strategy: sma-cross
      params: {fast: {range: [4, 24, 4]}, slow: [30, 50, 70]}
      backtest: {cash: 10000, commission: 0.001}
      seed: 5
      """;

  static JobPlan plan() {
    return JobPlanner.plan(JobSpecs.parseYaml(SWEEP), REF, REGISTRY, 2);
  }

  static List<RunResult> runs(JobPlan plan) {
    List<ChunkResult> chunks = new ArrayList<>();
    IndicatorCache cache = new IndicatorCache();
    for (ChunkSpec c : plan.chunks()) {
      chunks.add(ChunkExecutor.execute(plan, c, UNIVERSE, cache, REGISTRY));
    }
    return JobResult.of(plan.chunkCount(), chunks).runs();
  }

  @Test
  void agreesWithAnIndependentCalculation() {
    JobPlan plan = plan();
    List<RunResult> runs = runs(plan);
    assertThat(runs).hasSize(36);
    ObjectNode of = SweepOverfitting.compute(plan, UNIVERSE, runs, "Sharpe Ratio", true, REGISTRY);

    // independent: every run's per-bar returns from its own backtest
    double[][] returns = new double[runs.size()][];
    double[] sharpes = new double[runs.size()];
    int best = -1;
    for (int k = 0; k < runs.size(); k++) {
      RunResult r = runs.get(k);
      double[] eq =
          Backtest.run(
                  Universe.of(UNIVERSE.series(r.symbolIndex())),
                  REGISTRY.get("sma-cross").create(plan.paramSets().get(r.paramIndex())),
                  plan.spec().backtest().toConfig(),
                  new IndicatorCache())
              .equity();
      returns[k] = new double[eq.length - 1];
      for (int i = 1; i < eq.length; i++) {
        returns[k][i - 1] = eq[i] / eq[i - 1] - 1;
      }
      sharpes[k] = mean(returns[k]) / sd(returns[k]);
      double v = r.stat("Sharpe Ratio");
      if (!Double.isNaN(v) && (best < 0 || v > runs.get(best).stat("Sharpe Ratio"))) {
        best = k;
      }
    }
    assertThat(of.get("trials").asInt()).isEqualTo(36);
    assertThat(of.get("trialsUsed").asInt()).isEqualTo(36);
    assertThat(of.get("sampled").asBoolean()).isFalse();
    assertThat(of.get("best").get("paramIndex").asInt()).isEqualTo(runs.get(best).paramIndex());
    assertThat(of.get("best").get("symbol").asText()).isEqualTo(runs.get(best).symbol());

    JsonNode dsr = of.get("deflatedSharpe");
    double expected = dsr(returns[best], sharpes, sharpes.length);
    assertThat(dsr.get("probability").asDouble()).isCloseTo(expected, within(1e-9));
    assertThat(dsr.get("trials").asInt()).isEqualTo(36);
    assertThat(dsr.get("observations").asInt()).isEqualTo(1499);

    JsonNode pbo = of.get("pbo");
    double[] cscv = cscv(returns, 16);
    assertThat(pbo.get("combinations").asInt()).isEqualTo(12_870);
    assertThat(pbo.get("probability").asDouble()).isCloseTo(cscv[0], within(1e-12));
    assertThat(pbo.get("probabilityOfOosLoss").asDouble()).isCloseTo(cscv[1], within(1e-12));

    // per symbol: the parameter sets are the trials
    JsonNode by = of.get("bySymbol");
    assertThat(by).hasSize(2);
    for (int s = 0; s < 2; s++) {
      List<double[]> mine = new ArrayList<>();
      List<Double> sh = new ArrayList<>();
      int b = -1;
      for (int k = 0; k < runs.size(); k++) {
        if (runs.get(k).symbolIndex() == s) {
          mine.add(returns[k]);
          sh.add(sharpes[k]);
          if (b < 0 || runs.get(k).stat("Sharpe Ratio") > runs.get(b).stat("Sharpe Ratio")) {
            b = k;
          }
        }
      }
      JsonNode n = by.get(s);
      assertThat(n.get("symbol").asText()).isEqualTo(UNIVERSE.symbol(s));
      assertThat(n.get("trials").asInt()).isEqualTo(18);
      assertThat(n.get("bestParamIndex").asInt()).isEqualTo(runs.get(b).paramIndex());
      double[] shs = sh.stream().mapToDouble(Double::doubleValue).toArray();
      assertThat(n.get("deflatedSharpe").get("probability").asDouble())
          .isCloseTo(dsr(returns[b], shs, 18), within(1e-9));
      assertThat(n.get("pbo").get("probability").asDouble())
          .isCloseTo(cscv(mine.toArray(double[][]::new), 16)[0], within(1e-12));
    }
  }

  @Test
  void bigSweepsUseADeterministicSubsetAndCountEveryTrial() {
    JobPlan plan = plan();
    List<RunResult> runs = runs(plan);
    AtomicLong calls = new AtomicLong();
    SweepOverfitting.EquitySource src = equity(plan, calls);
    ObjectNode a = SweepOverfitting.of(runs, 18, "Sharpe Ratio", true, 5, 16, 1500, src);
    // 16 runs over 2 symbols: 8 parameter sets each, plus the best when it is not among them
    assertThat(a.get("sampled").asBoolean()).isTrue();
    assertThat(a.get("parameterSetsUsed").asInt()).isEqualTo(8);
    assertThat(a.get("trialsUsed").asInt()).isEqualTo(16);
    assertThat(a.get("trials").asInt()).isEqualTo(36);
    assertThat(a.get("deflatedSharpe").get("trials").asInt()).isEqualTo(36);
    assertThat(a.get("bySymbol").get(0).get("deflatedSharpe").get("trials").asInt()).isEqualTo(18);
    assertThat(calls.get()).isBetween(16L, 18L);
    ObjectNode again = SweepOverfitting.of(runs, 18, "Sharpe Ratio", true, 5, 16, 1500, src);
    assertThat(again).isEqualTo(a);
    ObjectNode other = SweepOverfitting.of(runs, 18, "Sharpe Ratio", true, 6, 16, 1500, src);
    assertThat(other.get("trialsUsed").asInt()).isEqualTo(16);
    boolean[] s5 = SweepOverfitting.sample(18, 8, 5);
    boolean[] s6 = SweepOverfitting.sample(18, 8, 6);
    assertThat(count(s5)).isEqualTo(8);
    assertThat(s5).isNotEqualTo(s6);
    assertThat(SweepOverfitting.sample(18, 8, 5)).isEqualTo(s5);
  }

  @Test
  void longHistoriesAreCompoundedIntoPeriods() {
    double[] r = {0.01, -0.02, 0.03, 0.0, 0.05};
    assertThat(SweepOverfitting.compound(r, 5)).isEqualTo(r);
    double[] two = SweepOverfitting.compound(r, 2);
    // periods [0, 2) and [2, 5)
    assertThat(two[0]).isCloseTo(1.01 * 0.98 - 1, within(1e-15));
    assertThat(two[1]).isCloseTo(1.03 * 1.0 * 1.05 - 1, within(1e-15));
  }

  /** Pure-noise trials are overfit about half the time; a planted edge is not. */
  @Test
  void noiseVersusPlantedSignal() {
    double sumPbo = 0;
    for (long seed = 1; seed <= 5; seed++) {
      ObjectNode noise = synthetic(seed, -1);
      double p = noise.get("pbo").get("probability").asDouble();
      assertThat(p).isBetween(0.15, 0.85);
      sumPbo += p;
      // the best of 50 noise trials is no better than the expected maximum of 50 skill-less ones
      assertThat(noise.get("deflatedSharpe").get("probability").asDouble()).isLessThan(0.95);
    }
    assertThat(sumPbo / 5).isBetween(0.3, 0.7);
    ObjectNode planted = synthetic(3, 17);
    assertThat(planted.get("best").get("paramIndex").asInt()).isEqualTo(17);
    assertThat(planted.get("pbo").get("probability").asDouble()).isLessThan(0.1);
    assertThat(planted.get("deflatedSharpe").get("probability").asDouble()).isGreaterThan(0.99);
  }

  /** 50 parameter sets on one symbol, 1,000 bars of Gaussian returns; {@code edge} drifts. */
  static ObjectNode synthetic(long seed, int edge) {
    int p = 50;
    int t = 1001;
    double[][] equity = new double[p][t];
    List<RunResult> runs = new ArrayList<>();
    SplittableRandom rng = new SplittableRandom(seed);
    for (int k = 0; k < p; k++) {
      double[] e = equity[k];
      e[0] = 10_000;
      double[] r = new double[t - 1];
      for (int i = 1; i < t; i++) {
        r[i - 1] = 0.01 * rng.nextGaussian() + (k == edge ? 0.003 : 0);
        e[i] = e[i - 1] * (1 + r[i - 1]);
      }
      runs.add(
          new RunResult(
              k,
              0,
              Map.of("k", k),
              "SYN",
              "test",
              0,
              t,
              Map.of("Sharpe Ratio", mean(r) / sd(r) * Math.sqrt(252))));
    }
    return SweepOverfitting.of(runs, p, "Sharpe Ratio", true, seed, 1000, t, (k, s) -> equity[k]);
  }

  static SweepOverfitting.EquitySource equity(JobPlan plan, AtomicLong calls) {
    return (p, s) -> {
      calls.incrementAndGet();
      return Backtest.run(
              Universe.of(UNIVERSE.series(s)),
              REGISTRY.get("sma-cross").create(plan.paramSets().get(p)),
              plan.spec().backtest().toConfig(),
              new IndicatorCache())
          .equity();
    };
  }

  // ------------------------------------------------------------ the independent calculation

  /** DSR from the formulas of Bailey and Lopez de Prado (2014), written out again here. */
  static double dsr(double[] best, double[] trialSharpes, int trials) {
    NormalDistribution z = new NormalDistribution(null, 0, 1);
    double v = 0;
    double m = mean(trialSharpes);
    for (double s : trialSharpes) {
      v += (s - m) * (s - m);
    }
    v /= trialSharpes.length - 1;
    double g = 0.5772156649015329;
    double sr0 =
        Math.sqrt(v)
            * ((1 - g) * z.inverseCumulativeProbability(1 - 1.0 / trials)
                + g * z.inverseCumulativeProbability(1 - 1 / (trials * Math.E)));
    double mu = mean(best);
    double m2 = 0;
    double m3 = 0;
    double m4 = 0;
    for (double x : best) {
      double d = x - mu;
      m2 += d * d;
      m3 += d * d * d;
      m4 += d * d * d * d;
    }
    m2 /= best.length;
    m3 /= best.length;
    m4 /= best.length;
    double skew = m3 / Math.pow(m2, 1.5);
    double kurt = m4 / (m2 * m2);
    double sr = mu / sd(best);
    return z.cumulativeProbability(
        (sr - sr0)
            * Math.sqrt(best.length - 1.0)
            / Math.sqrt(1 - skew * sr + (kurt - 1) / 4 * sr * sr));
  }

  /**
   * CSCV written out again: every mask of {@code blocks / 2} blocks in sample, Sharpe ratios from
   * per-block count, sum and sum of squares; {PBO, probability of an out-of-sample loss}.
   *
   * @param byTrial {@code byTrial[n][t]}
   */
  static double[] cscv(double[][] byTrial, int blocks) {
    int n = byTrial.length;
    int t = byTrial[0].length;
    double[][] sum = new double[n][blocks];
    double[][] sumSq = new double[n][blocks];
    double[] count = new double[blocks];
    for (int b = 0; b < blocks; b++) {
      for (int i = (int) ((long) b * t / blocks); i < (int) ((long) (b + 1) * t / blocks); i++) {
        count[b]++;
        for (int j = 0; j < n; j++) {
          sum[j][b] += byTrial[j][i];
          sumSq[j][b] += byTrial[j][i] * byTrial[j][i];
        }
      }
    }
    int combos = 0;
    int overfit = 0;
    int loss = 0;
    for (int mask = 0; mask < 1 << blocks; mask++) {
      if (Integer.bitCount(mask) != blocks / 2) {
        continue;
      }
      combos++;
      double[] is = new double[n];
      double[] oos = new double[n];
      for (int j = 0; j < n; j++) {
        double[] in = new double[3];
        double[] out = new double[3];
        for (int b = 0; b < blocks; b++) {
          double[] acc = (mask >> b & 1) == 1 ? in : out;
          acc[0] += count[b];
          acc[1] += sum[j][b];
          acc[2] += sumSq[j][b];
        }
        is[j] = sharpe(in);
        oos[j] = sharpe(out);
      }
      int star = 0;
      for (int j = 1; j < n; j++) {
        if (is[j] > is[star]) {
          star = j;
        }
      }
      double rank = 1;
      for (int j = 0; j < n; j++) {
        if (j != star) {
          rank += oos[j] < oos[star] ? 1 : oos[j] == oos[star] ? 0.5 : 0;
        }
      }
      double w = rank / (n + 1);
      overfit += Math.log(w / (1 - w)) <= 0 ? 1 : 0;
      loss += oos[star] < 0 ? 1 : 0;
    }
    return new double[] {(double) overfit / combos, (double) loss / combos};
  }

  /** Sharpe ratio from {count, sum, sum of squares}: mean over the sample sd. */
  static double sharpe(double[] c) {
    double mean = c[1] / c[0];
    double var = (c[2] - c[0] * mean * mean) / (c[0] - 1);
    return var > 0 ? mean / Math.sqrt(var) : 0;
  }

  static double mean(double[] x) {
    double s = 0;
    for (double v : x) {
      s += v;
    }
    return s / x.length;
  }

  static double sd(double[] x) {
    double m = mean(x);
    double s = 0;
    for (double v : x) {
      s += (v - m) * (v - m);
    }
    return Math.sqrt(s / (x.length - 1));
  }

  static int count(boolean[] b) {
    int c = 0;
    for (boolean x : b) {
      c += x ? 1 : 0;
    }
    return c;
  }
}
