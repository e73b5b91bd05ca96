package dev.alphapulse.research.montecarlo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class MonteCarloModelTest {

  static double[] noise(int n, long seed, double mean, double sd) {
    SplittableRandom rng = new SplittableRandom(seed);
    double[] r = new double[n];
    for (int i = 0; i < n; i++) {
      r[i] = mean + sd * rng.nextGaussian();
    }
    return r;
  }

  @ParameterizedTest
  @EnumSource(MonteCarloMethod.class)
  void batchingAndMergeOrderNeverChangeAResult(MonteCarloMethod method) {
    MonteCarloSpec spec =
        MonteCarloSpec.of(method, 42, 300).withFanPaths(100).withRuinThreshold(0.9);
    MonteCarloModel model = MonteCarloModel.create(spec, noise(500, 1, 3e-4, 0.012));
    PathBatch whole = model.simulate(0, 1001);

    long[] cuts = {0, 1, 57, 58, 300, 640, 999, 1001};
    List<PathBatch> parts = new ArrayList<>();
    for (int k = 0; k + 1 < cuts.length; k++) {
      parts.add(model.simulate(cuts[k], cuts[k + 1]));
    }
    Collections.shuffle(parts, new Random(7));
    PathBatch merged = PathBatch.empty();
    for (PathBatch p : parts) {
      merged = p.merge(merged);
    }
    // a different association: ((a + b) + (c + d)) + ...
    PathBatch tree =
        parts
            .get(0)
            .merge(parts.get(1))
            .merge(parts.get(2).merge(parts.get(3)))
            .merge(parts.get(4).merge(parts.get(5).merge(parts.get(6))))
            .merge(PathBatch.empty());

    for (PathBatch b : List.of(merged, tree)) {
      assertThat(b.pathIndices()).isEqualTo(whole.pathIndices());
      assertThat(b.finalEquities()).isEqualTo(whole.finalEquities());
      assertThat(b.cagrs()).isEqualTo(whole.cagrs());
      assertThat(b.maxDrawdowns()).isEqualTo(whole.maxDrawdowns());
      assertThat(b.sharpes()).isEqualTo(whole.sharpes());
      assertThat(b.minEquities()).isEqualTo(whole.minEquities());
      assertThat(b.fanPathCount()).isEqualTo(100);
      assertThat(MonteCarloSummary.of(b, spec, 0.95, 1, 99))
          .isEqualTo(MonteCarloSummary.of(whole, spec, 0.95, 1, 99));
      FanChart fan = FanChart.of(b, 25, 75);
      FanChart wholeFan = FanChart.of(whole, 25, 75);
      for (double p : fan.percentiles()) {
        assertThat(fan.band(p)).isEqualTo(wholeFan.band(p));
      }
    }
    assertThat(whole.pathIndex(1000)).isEqualTo(1000);
  }

  @Test
  void aPathDependsOnTheJobSeedAndItsIndexOnly() {
    MonteCarloSpec spec = MonteCarloSpec.of(MonteCarloMethod.BLOCK_BOOTSTRAP, 9, 50);
    MonteCarloModel model = MonteCarloModel.create(spec, noise(100, 2, 0, 0.01));
    assertThat(model.simulate(17, 18).finalEquity(0))
        .isEqualTo(model.simulate(10, 30).finalEquity(7));
    assertThat(model.pathReturns(3)).isNotEqualTo(model.pathReturns(4));
    MonteCarloModel other =
        MonteCarloModel.create(
            new MonteCarloSpec(MonteCarloMethod.BLOCK_BOOTSTRAP, 10, 1e4, 50, 252, .5, 10, 5, 0),
            noise(100, 2, 0, 0.01));
    assertThat(other.pathReturns(3)).isNotEqualTo(model.pathReturns(3));
  }

  @ParameterizedTest
  @EnumSource(MonteCarloMethod.class)
  void streamingMetricsMatchADirectComputationFromThePathReturns(MonteCarloMethod method) {
    MonteCarloSpec spec = new MonteCarloSpec(method, 5, 2_500, 400, 52, 0.95, 4, 4, 3);
    MonteCarloModel model = MonteCarloModel.create(spec, noise(300, 3, 1e-3, 0.02));
    PathBatch batch = model.simulate(0, 20);
    for (int i = 0; i < 20; i++) {
      double[] r = model.pathReturns(i);
      double eq = 2_500;
      double peak = eq;
      double mdd = 0;
      double min = eq;
      double sum = 0;
      for (double x : r) {
        eq *= 1 + x;
        peak = Math.max(peak, eq);
        mdd = Math.max(mdd, 1 - eq / peak);
        min = Math.min(min, eq);
        sum += x;
      }
      double mean = sum / r.length;
      double ss = 0;
      for (double x : r) {
        ss += (x - mean) * (x - mean);
      }
      double sharpe = mean / Math.sqrt(ss / (r.length - 1)) * Math.sqrt(52);
      assertThat(batch.finalEquity(i)).isCloseTo(eq, within(eq * 1e-10));
      assertThat(batch.maxDrawdown(i)).isCloseTo(mdd, within(1e-10));
      assertThat(batch.minEquity(i)).isCloseTo(min, within(min * 1e-10));
      assertThat(batch.sharpe(i)).isCloseTo(sharpe, within(1e-9));
      assertThat(batch.cagr(i)).isCloseTo(Math.pow(eq / 2_500, 52.0 / 400) - 1, within(1e-10));
      assertThat(batch.ruined(i)).isEqualTo(min < 0.95 * 2_500);
      if (i < 3) {
        double[] curve = batch.fanCurve(i);
        assertThat(curve).hasSize(401);
        assertThat(curve[0]).isEqualTo(2_500);
        assertThat(curve[400]).isCloseTo(eq, within(eq * 1e-10));
      }
    }
    assertThat(batch.fanPathCount()).isEqualTo(3);
  }

  @Test
  void gbmFitRecoversKnownDriftAndVolatility() {
    double mu = 0.08;
    double sigma = 0.2;
    double dt = 1 / 252.0;
    SplittableRandom rng = new SplittableRandom(11);
    double[] r = new double[200_000];
    for (int i = 0; i < r.length; i++) {
      r[i] = Math.expm1((mu - sigma * sigma / 2) * dt + sigma * Math.sqrt(dt) * rng.nextGaussian());
    }
    GbmFit fit = GbmFit.fit(r, 252);
    // standard errors: sigma / sqrt(2n) relative for the volatility, sigma / sqrt(years) for mu
    assertThat(fit.volatility()).isCloseTo(sigma, within(0.003));
    assertThat(fit.drift()).isCloseTo(mu, within(3 * sigma / Math.sqrt(r.length * dt)));
    assertThat(fit.observations()).isEqualTo(200_000);

    // the simulated paths draw from the fitted law
    MonteCarloModel model =
        MonteCarloModel.create(MonteCarloSpec.of(MonteCarloMethod.GBM, 3, 100_000), r);
    assertThat(model.fit()).isEqualTo(fit);
    GbmFit refit = GbmFit.fit(model.pathReturns(0), 252);
    assertThat(refit.volatility()).isCloseTo(sigma, within(0.004));
  }

  @Test
  void studentTPathsKeepTheFittedVolatilityWithFatterTails() {
    double[] r = noise(5_000, 4, 2e-4, 0.01);
    MonteCarloModel model =
        MonteCarloModel.create(
            MonteCarloSpec.of(MonteCarloMethod.STUDENT_T, 8, 200_000).withDegreesOfFreedom(6), r);
    double[] sim = model.pathReturns(0);
    double[] logs = new double[sim.length];
    double mean = 0;
    for (int i = 0; i < sim.length; i++) {
      logs[i] = Math.log1p(sim[i]);
      mean += logs[i] / sim.length;
    }
    double m2 = 0;
    double m4 = 0;
    for (double l : logs) {
      m2 += (l - mean) * (l - mean) / logs.length;
      m4 += Math.pow(l - mean, 4) / logs.length;
    }
    assertThat(Math.sqrt(m2)).isCloseTo(model.fit().logSdPerStep(), within(2e-4));
    // kurtosis of t(6) is 3 + 6 / (6 - 4) = 6
    assertThat(m4 / (m2 * m2)).isBetween(4.5, 8.0);
  }

  @Test
  void blockBootstrapKeepsTheMeanBlockLength() {
    int n = 5_000;
    double[] idx = new double[n];
    for (int i = 0; i < n; i++) {
      idx[i] = i * 1e-6;
    }
    for (double meanLength : new double[] {1, 4, 10, 25}) {
      MonteCarloModel model =
          MonteCarloModel.create(
              MonteCarloSpec.of(MonteCarloMethod.BLOCK_BOOTSTRAP, 21, 2_520)
                  .withMeanBlockLength(meanLength),
              idx);
      long blocks = 0;
      long steps = 0;
      for (int p = 0; p < 40; p++) {
        double[] r = model.pathReturns(p);
        int prev = -1;
        for (double x : r) {
          int k = (int) Math.round(x * 1e6);
          if (prev < 0 || k != (prev + 1) % n) {
            blocks++;
          }
          prev = k;
          steps++;
        }
      }
      double observed = (double) steps / blocks;
      // sd of a geometric length is about the mean; ~100,000 / L blocks
      assertThat(observed)
          .as("mean block length %s", meanLength)
          .isCloseTo(meanLength, within(0.05 * meanLength + 0.01));
    }
  }

  @Test
  void aTotalLossRuinsAndAbsorbs() {
    MonteCarloSpec spec =
        MonteCarloSpec.of(MonteCarloMethod.TRADE_RESAMPLE, 1, 200).withRuinThreshold(0.01);
    MonteCarloModel model = MonteCarloModel.create(spec, new double[] {0.05, -1.0, 0.02});
    PathBatch batch = model.simulate(0, 50);
    for (int i = 0; i < batch.size(); i++) {
      assertThat(batch.finalEquity(i)).isZero();
      assertThat(batch.maxDrawdown(i)).isEqualTo(1.0);
      assertThat(batch.cagr(i)).isEqualTo(-1.0);
      assertThat(batch.minEquity(i)).isZero();
      assertThat(batch.ruined(i)).isTrue();
    }
    MonteCarloSummary summary = MonteCarloSummary.of(batch, spec, 0.95);
    assertThat(summary.probabilityOfRuin()).isEqualTo(1.0);
    assertThat(summary.probabilityOfLoss()).isEqualTo(1.0);
    assertThat(summary.valueAtRisk()).isEqualTo(1.0);
    assertThat(summary.conditionalValueAtRisk()).isEqualTo(1.0);
  }

  @Test
  void ruinIsStrictlyBelowTheThresholdAndNeverWithoutLosses() {
    MonteCarloSpec oneStep = MonteCarloSpec.of(MonteCarloMethod.IID_BOOTSTRAP, 1, 1);
    PathBatch half = MonteCarloModel.create(oneStep, new double[] {-0.5}).simulate(0, 3);
    assertThat(half.finalEquity(0)).isCloseTo(5_000, within(1e-9));
    assertThat(MonteCarloSummary.of(half, oneStep, 0.95).probabilityOfRuin()).isZero();
    assertThat(MonteCarloSummary.probabilityOfRuin(half, 10_000, 0.5)).isZero();
    assertThat(MonteCarloSummary.probabilityOfRuin(half, 10_000, 0.5000001)).isEqualTo(1.0);
    assertThat(half.sharpe(0)).isNaN(); // one step: undefined
    MonteCarloSummary s = MonteCarloSummary.of(half, oneStep, 0.95);
    assertThat(s.sharpe().values()).allMatch(v -> v.isNaN());

    MonteCarloSpec twoSteps = MonteCarloSpec.of(MonteCarloMethod.IID_BOOTSTRAP, 1, 2);
    PathBatch quarter = MonteCarloModel.create(twoSteps, new double[] {-0.5}).simulate(0, 3);
    assertThat(MonteCarloSummary.of(quarter, twoSteps, 0.95).probabilityOfRuin()).isEqualTo(1.0);

    MonteCarloSpec gains = MonteCarloSpec.of(MonteCarloMethod.BLOCK_BOOTSTRAP, 1, 100);
    PathBatch up = MonteCarloModel.create(gains, new double[] {0.01, 0.0, 0.02}).simulate(0, 100);
    MonteCarloSummary upSummary = MonteCarloSummary.of(up, gains.withRuinThreshold(1.0), 0.95);
    assertThat(upSummary.probabilityOfRuin()).isZero();
    assertThat(upSummary.probabilityOfLoss()).isZero();
    assertThat(upSummary.maxDrawdown().values()).containsOnly(0.0);
    assertThat(upSummary.valueAtRisk()).isNegative(); // even the worst tail gains
  }

  @Test
  void ruinProbabilityGrowsWithTheThreshold() {
    MonteCarloSpec spec = MonteCarloSpec.of(MonteCarloMethod.IID_BOOTSTRAP, 4, 252);
    PathBatch b = MonteCarloModel.create(spec, noise(500, 5, 0, 0.03)).simulate(0, 2_000);
    double prev = 0;
    for (double th : new double[] {0.3, 0.5, 0.7, 0.9, 1.0}) {
      double p = MonteCarloSummary.probabilityOfRuin(b, 10_000, th);
      assertThat(p).isGreaterThanOrEqualTo(prev);
      prev = p;
    }
    assertThat(prev).isGreaterThan(0.9);
    assertThat(MonteCarloSummary.of(b, spec, 0.95).probabilityOfRuin())
        .isEqualTo(MonteCarloSummary.probabilityOfRuin(b, 10_000, 0.5));
  }

  @Test
  void invalidInputsAreRejectedNamingTheField() {
    assertThatThrownBy(() -> MonteCarloSpec.of(MonteCarloMethod.GBM, 1, 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("steps")
        .hasMessageContaining("0");
    assertThatThrownBy(() -> MonteCarloSpec.of(MonteCarloMethod.GBM, 1, 5).withStartingEquity(-1))
        .hasMessageContaining("startingEquity");
    assertThatThrownBy(() -> MonteCarloSpec.of(MonteCarloMethod.GBM, 1, 5).withPeriodsPerYear(0))
        .hasMessageContaining("periodsPerYear");
    assertThatThrownBy(() -> MonteCarloSpec.of(MonteCarloMethod.GBM, 1, 5).withRuinThreshold(0))
        .hasMessageContaining("ruinThreshold");
    assertThatThrownBy(() -> MonteCarloSpec.of(MonteCarloMethod.GBM, 1, 5).withMeanBlockLength(0.5))
        .hasMessageContaining("meanBlockLength");
    assertThatThrownBy(() -> MonteCarloSpec.of(MonteCarloMethod.GBM, 1, 5).withDegreesOfFreedom(2))
        .hasMessageContaining("degreesOfFreedom");
    assertThatThrownBy(() -> MonteCarloSpec.of(MonteCarloMethod.GBM, 1, 5).withFanPaths(-1))
        .hasMessageContaining("fanPaths");
    MonteCarloSpec spec = MonteCarloSpec.of(MonteCarloMethod.IID_BOOTSTRAP, 1, 5);
    assertThatThrownBy(() -> MonteCarloModel.create(spec, new double[0]))
        .hasMessageContaining("returns");
    assertThatThrownBy(() -> MonteCarloModel.create(spec, new double[] {0.1, 0.2, Double.NaN}))
        .hasMessageContaining("returns[2]")
        .hasMessageContaining("NaN");
    MonteCarloSpec gbm = MonteCarloSpec.of(MonteCarloMethod.GBM, 1, 5);
    assertThatThrownBy(() -> MonteCarloModel.create(gbm, new double[] {0.1, -1.0}))
        .hasMessageContaining("returns[1]");
    assertThatThrownBy(() -> MonteCarloModel.create(gbm, new double[] {0.1}))
        .hasMessageContaining("returns");
    MonteCarloModel model = MonteCarloModel.create(spec, new double[] {0.1, 0.2});
    assertThatThrownBy(() -> model.simulate(-1, 3)).hasMessageContaining("fromPath");
    assertThatThrownBy(() -> model.simulate(5, 3)).hasMessageContaining("toPath");
    assertThatThrownBy(() -> model.simulate(0, 3).merge(model.simulate(2, 4)))
        .hasMessageContaining("path 2");
    assertThatThrownBy(() -> MonteCarloSummary.of(PathBatch.empty(), spec, 0.95))
        .hasMessageContaining("batch");
    assertThatThrownBy(() -> MonteCarloSummary.of(model.simulate(0, 3), spec, 1.0))
        .hasMessageContaining("level");
    assertThatThrownBy(() -> MonteCarloSummary.of(model.simulate(0, 3), spec, 0.9, 101))
        .hasMessageContaining("percentiles");
    assertThatThrownBy(() -> FanChart.of(model.simulate(5_000, 5_001)))
        .hasMessageContaining("batch");
  }

  @Test
  void emptyIsTheIdentityOfMerge() {
    MonteCarloModel model =
        MonteCarloModel.create(
            MonteCarloSpec.of(MonteCarloMethod.IID_BOOTSTRAP, 1, 5), new double[] {0.1, -0.05});
    PathBatch b = model.simulate(3, 9);
    assertThat(b.merge(PathBatch.empty())).isSameAs(b);
    assertThat(PathBatch.empty().merge(b)).isSameAs(b);
    assertThat(model.simulate(4, 4).size()).isZero();
  }
}
