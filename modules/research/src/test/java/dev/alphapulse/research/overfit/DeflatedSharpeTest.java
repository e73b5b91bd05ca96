package dev.alphapulse.research.overfit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/**
 * Reference values come from an independent Python 3 calculation (math.erf for the normal CDF, a
 * 200-step bisection of it for the quantile; no numpy/scipy), with the formulas as printed in
 * Bailey and Lopez de Prado (2014).
 */
class DeflatedSharpeTest {

  /**
   * The paper's numerical example: annualised SR 2.5 over T = 1,250 daily observations (5 years of
   * 250 days), N = 100 trials with annualised Sharpe variance 0.5, skewness -3, kurtosis 10, gives
   * DSR 0.9004. Per period: SR = 2.5 / sqrt(250), V = 0.5 / 250. Python: SR0 = 0.11317200186513204
   * per day (1.789406466273206 annualised), DSR = 0.9003968344493909 (with 252 days a year it would
   * be 0.89967, so the paper's 0.9004 is the 250-day conversion).
   */
  @Test
  void reproducesThePapersWorkedExample() {
    double sr = 2.5 / Math.sqrt(250);
    double v = 0.5 / 250;
    assertThat(DeflatedSharpe.expectedMaxSharpe(100, v))
        .isCloseTo(0.11317200186513204, within(1e-9));
    assertThat(DeflatedSharpe.expectedMaxSharpe(100, 0.5))
        .isCloseTo(1.789406466273206, within(1e-8));
    DeflatedSharpeRatio dsr = DeflatedSharpe.deflated(sr, 1250, -3, 10, 100, v);
    assertThat(dsr.probability()).isCloseTo(0.9003968344493909, within(1e-7));
    assertThat(dsr.probability()).isCloseTo(0.9004, within(5e-5));
    assertThat(dsr.benchmarkSharpe()).isCloseTo(0.11317200186513204, within(1e-9));
    assertThat(dsr.trials()).isEqualTo(100);
    assertThat(dsr.observations()).isEqualTo(1250);
  }

  @Test
  void agreesWithAnIndependentCalculation() {
    double sr0 = DeflatedSharpe.expectedMaxSharpe(10, 0.01);
    assertThat(sr0).isCloseTo(0.15745983013457499, within(1e-9));
    assertThat(DeflatedSharpe.probabilisticSharpe(0.1, sr0, 500, -0.5, 4.0))
        .isCloseTo(0.10598404478199863, within(1e-7));
    // normal returns, zero benchmark: Z(0.1 sqrt(251) / sqrt(1 + 0.5 * 0.01))
    assertThat(DeflatedSharpe.probabilisticSharpe(0.1, 0, 252, 0, 3))
        .isCloseTo(0.9429868610243624, within(1e-7));
    assertThat(DeflatedSharpe.expectedMaxSharpe(1, 0.3)).isZero();
  }

  @Test
  void estimatesMomentsFromReturns() {
    double[] r = {0.01, -0.02, 0.015, 0.003, -0.007, 0.02, 0.001, -0.004};
    DeflatedSharpeRatio dsr = DeflatedSharpe.fromReturns(r, 20, 0.04);
    assertThat(dsr.sharpe()).isCloseTo(0.17482203111006606, within(1e-12));
    assertThat(dsr.skewness()).isCloseTo(-0.28094335812742843, within(1e-12));
    assertThat(dsr.kurtosis()).isCloseTo(2.2804131682311644, within(1e-12));
    assertThat(dsr.benchmarkSharpe()).isCloseTo(0.3801415902362396, within(1e-9));
    assertThat(dsr.probability()).isCloseTo(0.298784139999293, within(1e-7));
  }

  @Test
  void fromTrialsSelectsTheBestAndUsesTheVarianceOfTrialSharpes() {
    double[][] trials = {
      {0.01, -0.02, 0.015, 0.003, -0.007, 0.02, 0.001, -0.004},
      {0.00, 0.01, -0.01, 0.00, 0.01, -0.01, 0.00, 0.005},
      {-0.01, 0.0, 0.01, -0.02, 0.0, 0.01, -0.01, 0.002}
    };
    double[] sharpes = new double[3];
    for (int j = 0; j < 3; j++) {
      sharpes[j] = Moments.sharpe(trials[j]);
    }
    double m = (sharpes[0] + sharpes[1] + sharpes[2]) / 3;
    double v = 0;
    for (double s : sharpes) {
      v += (s - m) * (s - m) / 2;
    }
    DeflatedSharpeRatio dsr = DeflatedSharpe.fromTrials(trials);
    assertThat(dsr.sharpe()).isEqualTo(sharpes[0]);
    assertThat(dsr.trials()).isEqualTo(3);
    assertThat(dsr.trialSharpeVariance()).isCloseTo(v, within(1e-15));
  }

  @Test
  void moreTrialsDeflateMore() {
    double prev = 1;
    for (long n : new long[] {2, 10, 100, 1000, 100_000}) {
      double p = DeflatedSharpe.deflated(0.1, 1000, 0, 3, n, 0.001).probability();
      assertThat(p).isLessThan(prev);
      prev = p;
    }
  }

  @Test
  void inconsistentMomentsGiveNaNAndBadInputsNameTheField() {
    // 1 - skew * SR + (kurt - 1) / 4 * SR^2 = 1 - 2 + 0 < 0
    assertThat(DeflatedSharpe.probabilisticSharpe(1, 0, 100, 2, 1)).isNaN();
    assertThatThrownBy(() -> DeflatedSharpe.expectedMaxSharpe(0, 1)).hasMessageContaining("trials");
    assertThatThrownBy(() -> DeflatedSharpe.expectedMaxSharpe(5, -1))
        .hasMessageContaining("trialSharpeVariance");
    assertThatThrownBy(() -> DeflatedSharpe.probabilisticSharpe(0.1, 0, 1, 0, 3))
        .hasMessageContaining("observations");
    assertThatThrownBy(() -> DeflatedSharpe.probabilisticSharpe(Double.NaN, 0, 10, 0, 3))
        .hasMessageContaining("sharpe");
    assertThatThrownBy(() -> DeflatedSharpe.fromReturns(new double[] {0.1}, 3, 0.1))
        .hasMessageContaining("selectedReturns");
    assertThatThrownBy(
            () -> DeflatedSharpe.fromTrials(new double[][] {{0.1, 0.2}, {0.1, Double.NaN}}))
        .hasMessageContaining("trialReturns[1][1]");
  }
}
