package dev.alphapulse.research.portfolio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class SleevePortfolioTest {
  private static final List<Allocation> ALL =
      List.of(
          Allocation.equal(),
          Allocation.inverseVolatility(),
          Allocation.minimumVariance(),
          Allocation.riskParity());

  @Test
  void handComputedExample() {
    double[][] r = {{0, 0}, {0.10, -0.10}, {0.10, 0.0}, {0.0, 0.5}};
    SleeveCombination c = SleevePortfolio.combine(r, Allocation.fixed(1, 1), 2, 2, 100);
    // bar 1: 55 + 45 = 100; bar 2: 60.5 + 45 = 105.5, rebalanced to 52.75 each; bar 3: 52.75 * 2.5
    assertThat(c.equity())
        .containsExactly(new double[] {100, 100, 105.5, 52.75 + 79.125}, within(1e-12));
    assertThat(c.sleeveValues()[2]).containsExactly(new double[] {52.75, 52.75}, within(1e-12));
    assertThat(c.schedule()).extracting(Rebalance::bar).containsExactly(0, 2);
    assertThat(c.averageWeights()).containsExactly(new double[] {0.5, 0.5}, within(1e-15));
  }

  @Test
  void twoIdenticalSleevesGiveTheCurveOfOne() {
    double[][] one = TestData.returns(300, 1, 1);
    double[][] two = new double[one.length][];
    for (int t = 0; t < one.length; t++) {
      two[t] = new double[] {one[t][0], one[t][0]};
    }
    double[] single = SleevePortfolio.combine(one, Allocation.equal(), 21, 63, 1000).equity();
    for (Allocation a : ALL) {
      double[] both = SleevePortfolio.combine(two, a, 21, 63, 1000).equity();
      assertThat(both).as(a.name()).containsExactly(single, within(1e-9));
    }
  }

  @Test
  void fixedHundredZeroIsTheFirstSleevesEquity() {
    double[][] r = TestData.returns(400, 2, 3);
    double[] equity = new double[r.length];
    equity[0] = 10_000;
    for (int t = 1; t < r.length; t++) {
      equity[t] = equity[t - 1] * (1 + r[t][0]);
    }
    double[][] fromCurves =
        SleevePortfolio.returnMatrix(List.of(equity, equity.clone())); // any second sleeve
    for (double[][] m : List.of(r, fromCurves)) {
      SleeveCombination c = SleevePortfolio.combine(m, Allocation.fixed(1, 0), 21, 63, 10_000);
      for (int t = 0; t < equity.length; t++) {
        assertThat(c.equity()[t]).isCloseTo(equity[t], within(1e-9 * equity[t]));
      }
    }
  }

  @Test
  void noLookAhead() {
    double[][] r = TestData.returns(300, 3, 5);
    int cut = 150;
    double[][] changed = new double[r.length][];
    for (int t = 0; t < r.length; t++) {
      changed[t] = r[t].clone();
      if (t > cut) {
        for (int i = 0; i < 3; i++) {
          changed[t][i] = (t * 7 + i) % 5 == 0 ? 0.2 : -0.03 * i;
        }
      }
    }
    for (Allocation a : ALL) {
      SleeveCombination x = SleevePortfolio.combine(r, a, 10, 40, 1);
      SleeveCombination y = SleevePortfolio.combine(changed, a, 10, 40, 1);
      for (int j = 0; j < x.schedule().size(); j++) {
        if (x.schedule().get(j).bar() <= cut) {
          assertThat(y.schedule().get(j)).as(a.name()).isEqualTo(x.schedule().get(j));
        }
      }
      for (int t = 0; t <= cut; t++) {
        assertThat(y.equity()[t]).isEqualTo(x.equity()[t]);
      }
      assertThat(y.equity()[r.length - 1]).isNotEqualTo(x.equity()[r.length - 1]);
    }
  }

  @Test
  void warmupUsesEqualWeightsThenTheAllocation() {
    double[][] r = TestData.returns(200, 3, 6);
    for (double[] row : r) {
      row[1] *= 2; // sleeve 0 calm, 2 wild
      row[2] *= 4;
    }
    SleeveCombination c = SleevePortfolio.combine(r, Allocation.inverseVolatility(), 21, 63, 1);
    for (Rebalance rb : c.schedule()) {
      assertThat(rb.bar() % 21).isZero();
      assertThat(rb.warmup()).isEqualTo(rb.bar() < 63);
      if (rb.warmup()) {
        assertThat(rb.weights()).containsExactly(1 / 3.0, 1 / 3.0, 1 / 3.0);
      } else {
        // the weights come from exactly the trailing window, and the sleeves were set to them
        CoMoments w = CoMoments.of(r, rb.bar() - 62, rb.bar() + 1);
        assertThat(rb.weights()).containsExactly(Allocation.inverseVolatility().weights(w));
        for (int i = 0; i < 3; i++) {
          assertThat(c.sleeveValues()[rb.bar()][i] / c.equity()[rb.bar()])
              .isCloseTo(rb.weight(i), within(1e-12));
        }
        // sleeve 0 is the calmest
        assertThat(rb.weight(0)).isGreaterThan(rb.weight(1)).isGreaterThan(rb.weight(2));
      }
    }
  }

  @Test
  void riskParityScheduleEqualisesTrailingRiskContributions() {
    double[][] r = TestData.returns(250, 4, 7);
    SleeveCombination c = SleevePortfolio.combine(r, Allocation.riskParity(), 21, 63, 1);
    int checked = 0;
    for (Rebalance rb : c.schedule()) {
      if (!rb.warmup()) {
        double[][] cov = CoMoments.of(r, rb.bar() - 62, rb.bar() + 1).covariance();
        for (double rc : Allocation.riskContributions(rb.weights(), cov)) {
          assertThat(rc).isCloseTo(0.25, within(1e-9));
        }
        checked++;
      }
    }
    assertThat(checked).isGreaterThan(5);
  }

  @Test
  void neverRebalancingLetsWeightsDrift() {
    double[][] r = {{0, 0}, {1.0, 0.0}, {0.0, 0.0}};
    SleeveCombination c = SleevePortfolio.combine(r, Allocation.equal(), 0, 2, 10);
    assertThat(c.equity()).containsExactly(10, 15, 15);
    assertThat(c.schedule()).hasSize(1);
  }

  @Test
  void diversificationRatio() {
    double[][] cov = {{0.04, 0}, {0, 0.01}};
    // (0.5 * 0.2 + 0.5 * 0.1) / sqrt(0.25 * 0.04 + 0.25 * 0.01)
    assertThat(SleevePortfolio.diversificationRatio(new double[] {0.5, 0.5}, cov))
        .isCloseTo(0.15 / Math.sqrt(0.0125), within(1e-12));
    double[][] perfect = {{0.04, 0.02}, {0.02, 0.01}};
    assertThat(SleevePortfolio.diversificationRatio(new double[] {0.3, 0.7}, perfect))
        .isCloseTo(1, within(1e-12));
  }

  @Test
  void validation() {
    double[][] r = {{0, 0}, {0.1, 0.1}};
    assertThatThrownBy(() -> SleevePortfolio.combine(r, Allocation.equal(), -1, 2, 1))
        .hasMessageContaining("rebalance must be >= 0 (0 = never), was -1");
    assertThatThrownBy(() -> SleevePortfolio.combine(r, Allocation.equal(), 1, 1, 1))
        .hasMessageContaining("lookback must be >= 2, was 1");
    assertThatThrownBy(() -> SleevePortfolio.combine(r, Allocation.equal(), 1, 2, 0))
        .hasMessageContaining("capital must be positive and finite, was 0.0");
    assertThatThrownBy(
            () -> SleevePortfolio.combine(new double[][] {{0}, {-2}}, Allocation.equal(), 1, 2, 1))
        .hasMessageContaining("returns[1][0] must be finite and >= -1, was -2.0");
    assertThatThrownBy(() -> SleevePortfolio.returns(new double[] {1, Double.NaN}))
        .hasMessageContaining("equity[1] must be finite and >= 0, was NaN");
    assertThat(SleevePortfolio.returns(new double[] {2, 0, 0, 1})).containsExactly(0, -1, 0, 0);
  }
}
