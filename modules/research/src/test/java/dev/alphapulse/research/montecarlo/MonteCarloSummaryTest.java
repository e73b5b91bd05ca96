package dev.alphapulse.research.montecarlo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.List;
import org.apache.commons.math3.stat.descriptive.rank.Percentile;
import org.apache.commons.math3.stat.descriptive.rank.Percentile.EstimationType;
import org.junit.jupiter.api.Test;

class MonteCarloSummaryTest {

  @Test
  void bandsAgreeWithCommonsMathR7Percentiles() {
    double[] values = MonteCarloModelTest.noise(777, 9, 0, 1);
    MonteCarloBands bands = MonteCarloBands.of(values, 1, 0, 100, 37.5, 99);
    assertThat(bands.percentiles()).containsExactly(0.0, 1.0, 5.0, 37.5, 50.0, 95.0, 99.0, 100.0);
    Percentile reference = new Percentile().withEstimationType(EstimationType.R_7);
    for (double p : bands.percentiles()) {
      double expected =
          p == 0 ? Arrays.stream(values).min().orElseThrow() : reference.evaluate(values, p);
      assertThat(bands.at(p)).as("p%s", p).isCloseTo(expected, within(1e-12));
    }
  }

  @Test
  void bandsLeaveOutNaNAndAreNaNWithoutValues() {
    MonteCarloBands bands = MonteCarloBands.of(new double[] {Double.NaN, 1, 3, Double.NaN});
    assertThat(bands.p5()).isCloseTo(1.1, within(1e-12));
    assertThat(bands.p50()).isEqualTo(2.0);
    assertThat(bands.p95()).isCloseTo(2.9, within(1e-12));
    assertThat(MonteCarloBands.of(new double[] {Double.NaN}).values()).allMatch(v -> v.isNaN());
  }

  @Test
  void summaryAgreesWithADirectComputation() {
    MonteCarloSpec spec =
        MonteCarloSpec.of(MonteCarloMethod.BLOCK_BOOTSTRAP, 77, 252).withRuinThreshold(0.8);
    MonteCarloModel model =
        MonteCarloModel.create(spec, MonteCarloModelTest.noise(1_000, 8, 2e-4, 0.015));
    PathBatch batch = model.simulate(0, 1_000);
    MonteCarloSummary s = MonteCarloSummary.of(batch, spec, 0.95, 10, 90);

    double[] fe = batch.finalEquities();
    Percentile r7 = new Percentile().withEstimationType(EstimationType.R_7);
    for (double p : List.of(5.0, 10.0, 50.0, 90.0, 95.0)) {
      assertThat(s.finalEquity().at(p)).isCloseTo(r7.evaluate(fe, p), within(1e-9));
      assertThat(s.cagr().at(p)).isCloseTo(r7.evaluate(batch.cagrs(), p), within(1e-12));
      assertThat(s.maxDrawdown().at(p))
          .isCloseTo(r7.evaluate(batch.maxDrawdowns(), p), within(1e-12));
      assertThat(s.sharpe().at(p)).isCloseTo(r7.evaluate(batch.sharpes(), p), within(1e-12));
    }
    double[] ret = new double[fe.length];
    int losses = 0;
    int ruined = 0;
    for (int i = 0; i < fe.length; i++) {
      ret[i] = fe[i] / 10_000 - 1;
      losses += fe[i] < 10_000 ? 1 : 0;
      ruined += batch.minEquity(i) < 8_000 ? 1 : 0;
    }
    Arrays.sort(ret);
    // 5% of 1,000 paths: the 50 worst
    double tail = 0;
    for (int i = 0; i < 50; i++) {
      tail += ret[i];
    }
    assertThat(s.paths()).isEqualTo(1_000);
    assertThat(s.valueAtRisk()).isEqualTo(-ret[49]);
    assertThat(s.conditionalValueAtRisk()).isCloseTo(-tail / 50, within(1e-15));
    assertThat(s.conditionalValueAtRisk()).isGreaterThanOrEqualTo(s.valueAtRisk());
    assertThat(s.probabilityOfLoss()).isEqualTo(losses / 1_000.0);
    assertThat(s.probabilityOfRuin()).isEqualTo(ruined / 1_000.0);
    assertThat(s.ruinThreshold()).isEqualTo(0.8);
    assertThat(s.level()).isEqualTo(0.95);
  }

  @Test
  void tailCountRoundsUpWithoutFloatingPointSurprises() {
    assertThat(MonteCarloSummary.tailCount(1_000, 0.95)).isEqualTo(50);
    assertThat(MonteCarloSummary.tailCount(1_000, 0.99)).isEqualTo(10);
    assertThat(MonteCarloSummary.tailCount(1_001, 0.95)).isEqualTo(51);
    assertThat(MonteCarloSummary.tailCount(10, 0.999)).isEqualTo(1);
    assertThat(MonteCarloSummary.tailCount(1, 0.5)).isEqualTo(1);
  }

  @Test
  void fanChartBandsArePerStepPercentilesOfTheKeptCurves() {
    MonteCarloSpec spec = MonteCarloSpec.of(MonteCarloMethod.IID_BOOTSTRAP, 3, 30).withFanPaths(40);
    MonteCarloModel model =
        MonteCarloModel.create(spec, MonteCarloModelTest.noise(200, 1, 0, 0.02));
    PathBatch batch = model.simulate(0, 100);
    FanChart fan = FanChart.of(batch);
    assertThat(fan.paths()).isEqualTo(40);
    assertThat(fan.points()).isEqualTo(31);
    assertThat(fan.band(50)[0]).isEqualTo(10_000);
    Percentile r7 = new Percentile().withEstimationType(EstimationType.R_7);
    double[] column = new double[40];
    for (int t : new int[] {1, 15, 30}) {
      for (int i = 0; i < 40; i++) {
        column[i] = batch.fanCurve(i)[t];
      }
      assertThat(fan.band(5)[t]).isCloseTo(r7.evaluate(column, 5), within(1e-9));
      assertThat(fan.band(95)[t]).isCloseTo(r7.evaluate(column, 95), within(1e-9));
    }
  }
}
