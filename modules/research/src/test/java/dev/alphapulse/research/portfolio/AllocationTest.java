package dev.alphapulse.research.portfolio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class AllocationTest {

  @Test
  void fixedWeightsAreValidatedAndNormalised() {
    CoMoments two = CoMoments.empty(2);
    assertThat(Allocation.fixed(3, 1).weights(two)).containsExactly(0.75, 0.25);
    assertThat(Allocation.fixed(1, 0).weights(two)).containsExactly(1.0, 0.0);
    assertThat(Allocation.fixed(3, 1).needsHistory()).isFalse();
    assertThatThrownBy(() -> Allocation.fixed(1, -0.5))
        .hasMessageContaining("weights[1] must be finite and >= 0, was -0.5");
    assertThatThrownBy(() -> Allocation.fixed(0, 0)).hasMessageContaining("must not all be zero");
    assertThatThrownBy(() -> Allocation.fixed(1, Double.NaN)).hasMessageContaining("was NaN");
    assertThatThrownBy(() -> Allocation.fixed(1, 1, 1).weights(two))
        .hasMessageContaining("3 weights but there are 2 sleeves");
  }

  @Test
  void equalAndInverseVolatility() {
    CoMoments m = CoMoments.of(TestData.returns(300, 3, 1));
    assertThat(Allocation.equal().weights(m)).containsExactly(1 / 3.0, 1 / 3.0, 1 / 3.0);
    double[] w = Allocation.inverseVolatility().weights(m);
    double[] var = m.variances();
    assertThat(sum(w)).isCloseTo(1, within(1e-15));
    // w_i sigma_i is the same for every sleeve
    assertThat(w[0] * Math.sqrt(var[0])).isCloseTo(w[2] * Math.sqrt(var[2]), within(1e-15));
    assertThat(w[0]).isGreaterThan(w[1]).isGreaterThan(w[2]); // sleeve 0 is the calmest
  }

  @Test
  void minimumVarianceMatchesTheTwoAssetClosedForm() {
    CoMoments m = CoMoments.of(TestData.returns(400, 2, 2));
    double[][] c = m.covariance();
    double expected = (c[1][1] - c[0][1]) / (c[0][0] + c[1][1] - 2 * c[0][1]);
    double[] w = Allocation.minimumVariance().weights(m);
    assertThat(w[0]).isCloseTo(expected, within(1e-12));
    assertThat(w[1]).isCloseTo(1 - expected, within(1e-12));
  }

  @Test
  void minimumVarianceIsLongOnlyAndOptimalWhenTheClosedFormShorts() {
    // sleeve 1 is sleeve 0 plus extra noise: unconstrained minimum variance would short it
    double[][] x = TestData.returns(300, 3, 4);
    for (double[] row : x) {
      row[1] = 1.5 * row[0] + 0.2 * row[1];
    }
    CoMoments m = CoMoments.of(x);
    double[] w = Allocation.minimumVariance().weights(m);
    for (double v : w) {
      assertThat(v).isGreaterThanOrEqualTo(0);
    }
    assertThat(sum(w)).isCloseTo(1, within(1e-12));
    assertThat(w[1]).isEqualTo(0.0);
    double best = variance(w, m.covariance());
    // brute force over a grid of the simplex
    int steps = 200;
    for (int a = 0; a <= steps; a++) {
      for (int b = 0; a + b <= steps; b++) {
        double[] g = {a / (double) steps, b / (double) steps, (steps - a - b) / (double) steps};
        assertThat(variance(g, m.covariance())).isGreaterThanOrEqualTo(best * (1 - 1e-12));
      }
    }
  }

  @Test
  void riskParityEqualisesRiskContributions() {
    double[][] x = TestData.returns(500, 5, 6);
    CoMoments m = CoMoments.of(x);
    double[] w = Allocation.riskParity().weights(m);
    assertThat(sum(w)).isCloseTo(1, within(1e-12));
    double[] rc = Allocation.riskContributions(w, m.covariance());
    for (double r : rc) {
      assertThat(r).isCloseTo(0.2, within(1e-10));
    }
    // with two sleeves risk parity is inverse volatility
    CoMoments two = CoMoments.of(TestData.returns(500, 2, 7));
    assertThat(Allocation.riskParity().weights(two))
        .containsExactly(Allocation.inverseVolatility().weights(two), within(1e-10));
  }

  @Test
  void riskParityFailsLoudlyWhenItCannotConverge() {
    CoMoments m = CoMoments.of(TestData.returns(200, 4, 8));
    assertThatThrownBy(() -> Allocation.riskParity(1e-15, 1).weights(m))
        .isInstanceOf(ArithmeticException.class)
        .hasMessageContaining("did not converge");
    assertThatThrownBy(() -> Allocation.riskParity(0, 10))
        .hasMessageContaining("tolerance must be in (0, 0.1], was 0.0");
  }

  @Test
  void zeroVarianceSleevesShareTheWeight() {
    double[][] x = TestData.returns(50, 3, 9);
    for (double[] row : x) {
      row[2] = 0;
    }
    CoMoments m = CoMoments.of(x);
    for (Allocation a :
        new Allocation[] {
          Allocation.inverseVolatility(), Allocation.minimumVariance(), Allocation.riskParity()
        }) {
      assertThat(a.weights(m)).as(a.name()).containsExactly(0.0, 0.0, 1.0);
    }
    assertThatThrownBy(() -> Allocation.riskParity().weights(CoMoments.empty(2)))
        .hasMessageContaining("at least 2 rows, had 0");
  }

  static double sum(double[] w) {
    double s = 0;
    for (double v : w) {
      s += v;
    }
    return s;
  }

  static double variance(double[] w, double[][] c) {
    double v = 0;
    for (int i = 0; i < w.length; i++) {
      for (int j = 0; j < w.length; j++) {
        v += w[i] * c[i][j] * w[j];
      }
    }
    return v;
  }
}
