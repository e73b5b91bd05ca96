package dev.alphapulse.research.aggregate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.apache.commons.math3.distribution.TDistribution;
import org.apache.commons.math3.stat.descriptive.DescriptiveStatistics;
import org.junit.jupiter.api.Test;

class ConfidenceIntervalTest {

  @Test
  void studentIntervalByHand() {
    double[] x = {1.2, 0.4, -0.3, 2.2, 0.9, 1.1};
    DescriptiveStatistics d = new DescriptiveStatistics(x);
    double q = new TDistribution(5).inverseCumulativeProbability(0.975);
    double half = q * d.getStandardDeviation() / Math.sqrt(6);
    ConfidenceInterval ci = ConfidenceInterval.student(x, 0.95);
    assertThat(ci.method()).isEqualTo("t");
    assertThat(ci.n()).isEqualTo(6);
    assertThat(ci.estimate()).isCloseTo(d.getMean(), within(1e-15));
    assertThat(ci.lower()).isCloseTo(d.getMean() - half, within(1e-12));
    assertThat(ci.upper()).isCloseTo(d.getMean() + half, within(1e-12));
    // q for 5 df at 97.5% is 2.5706
    assertThat(q).isCloseTo(2.5706, within(1e-4));
  }

  @Test
  void bootstrapIsSeededAndOrderIndependent() {
    double[] x = sample(new SplittableRandom(1), 60);
    double[] reversed = new double[x.length];
    for (int i = 0; i < x.length; i++) {
      reversed[i] = x[x.length - 1 - i];
    }
    ConfidenceInterval a = ConfidenceInterval.bootstrap(x, 0.95, 5000, 42);
    assertThat(ConfidenceInterval.bootstrap(reversed, 0.95, 5000, 42)).isEqualTo(a);
    assertThat(ConfidenceInterval.bootstrap(x, 0.95, 5000, 43)).isNotEqualTo(a);
    assertThat(a.contains(a.estimate())).isTrue();
    // close to the t interval for a near-normal sample of 60
    ConfidenceInterval t = ConfidenceInterval.student(x, 0.95);
    double wb = a.upper() - a.lower();
    double wt = t.upper() - t.lower();
    assertThat(wb / wt).isBetween(0.85, 1.15);
  }

  @Test
  void coverageIsNearTheLevel() {
    SplittableRandom rnd = new SplittableRandom(3);
    int trials = 400;
    int tHits = 0;
    int bHits = 0;
    for (int k = 0; k < trials; k++) {
      double[] x = sample(rnd, 40); // true mean 0
      tHits += ConfidenceInterval.student(x, 0.9).contains(0) ? 1 : 0;
      bHits += ConfidenceInterval.bootstrap(x, 0.9, 400, k).contains(0) ? 1 : 0;
    }
    assertThat(tHits / (double) trials).isBetween(0.85, 0.95);
    assertThat(bHits / (double) trials).isBetween(0.83, 0.95);
  }

  @Test
  void quantileInterpolatesLikeNumpy() {
    double[] s = {1, 2, 3, 4};
    assertThat(ConfidenceInterval.quantile(s, 0.5)).isEqualTo(2.5);
    assertThat(ConfidenceInterval.quantile(s, 0.1)).isCloseTo(1.3, within(1e-15));
    assertThat(ConfidenceInterval.quantile(s, 1)).isEqualTo(4.0);
  }

  @Test
  void validation() {
    assertThatThrownBy(() -> ConfidenceInterval.student(new double[] {1}, 0.95))
        .hasMessageContaining("at least 2 values, had 1");
    assertThatThrownBy(() -> ConfidenceInterval.student(new double[] {1, 2}, 1.0))
        .hasMessageContaining("level must be in (0, 1), was 1.0");
    assertThatThrownBy(() -> ConfidenceInterval.bootstrap(new double[] {1, 2}, 0.9, 5, 1))
        .hasMessageContaining("resamples must be >= 10, was 5");
    assertThatThrownBy(
            () -> ConfidenceInterval.bootstrap(new double[] {1, Double.NaN}, 0.9, 100, 1))
        .hasMessageContaining("sample[1] must be finite, was NaN");
    ConfidenceInterval one = ConfidenceInterval.bootstrap(new double[] {2}, 0.9, 100, 1);
    assertThat(one.lower()).isEqualTo(2.0);
    assertThat(one.upper()).isEqualTo(2.0);
  }

  private static double[] sample(SplittableRandom rnd, int n) {
    double[] x = new double[n];
    for (int i = 0; i < n; i++) {
      double u = rnd.nextDouble();
      double v = rnd.nextDouble();
      x[i] = Math.sqrt(-2 * Math.log(1 - u)) * Math.cos(2 * Math.PI * v);
    }
    return x;
  }
}
