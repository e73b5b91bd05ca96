package dev.alphapulse.research.overfit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class BacktestOverfittingTest {

  static double[][] noise(int t, int n, long seed) {
    SplittableRandom rng = new SplittableRandom(seed);
    double[][] m = new double[t][n];
    for (int i = 0; i < t; i++) {
      for (int j = 0; j < n; j++) {
        m[i][j] = 0.01 * rng.nextGaussian();
      }
    }
    return m;
  }

  @Test
  void pureNoiseIsOverfitAboutHalfTheTime() {
    double sum = 0;
    for (long seed = 1; seed <= 5; seed++) {
      PboResult r =
          BacktestOverfitting.compute(noise(1_000, 50, seed), 16, PerformanceMetric.SHARPE)
              .orElseThrow();
      assertThat(r.combinations()).isEqualTo(12_870);
      assertThat(r.probability()).isBetween(0.2, 0.8);
      sum += r.probability();
    }
    assertThat(sum / 5).isBetween(0.4, 0.6);
  }

  @Test
  void aPlantedSignalIsNotOverfit() {
    double[][] m = noise(1_000, 50, 3);
    for (double[] row : m) {
      row[17] += 0.003; // Sharpe 0.3 per period against 0 for the others
    }
    PboResult r = BacktestOverfitting.compute(m, 16, PerformanceMetric.SHARPE).orElseThrow();
    assertThat(r.probability()).isLessThan(0.1);
    assertThat(r.probabilityOfOosLoss()).isLessThan(0.1);
    assertThat(r.logits()).allMatch(l -> l > 0);
  }

  /**
   * Three trials, four rows, two blocks (rows 0-1 and 2-3), mean return. Block means: A 0.02 /
   * -0.02, B 0.03 / 0.05, C -0.01 / 0.04. IS {0}: B chosen (0.03), OOS block 1 ranks it 3 of 3:
   * omega 3/4, lambda ln 3. IS {1}: B chosen (0.05), OOS block 0 ranks it 3 of 3 again. PBO 0.
   * Without B: IS {0} chooses A (0.02), which is worst OOS (-0.02): omega 1/3, lambda ln(1/2); IS
   * {1} chooses C (0.04), worst OOS (-0.01). PBO 1; degradation line through (0.02, -0.02) and
   * (0.04, -0.01): slope 0.5, intercept -0.03.
   */
  @Test
  void handComputedSmallExample() {
    double[][] abc = {
      {0.03, 0.03, -0.01},
      {0.01, 0.03, -0.01},
      {-0.02, 0.05, 0.03},
      {-0.02, 0.05, 0.05}
    };
    PboResult good =
        BacktestOverfitting.compute(abc, 2, PerformanceMetric.MEAN_RETURN).orElseThrow();
    assertThat(good.probability()).isZero();
    assertThat(good.logits()).hasSize(2);
    assertThat(good.logits().get(0)).isCloseTo(Math.log(3), within(1e-12));
    assertThat(good.logits().get(1)).isCloseTo(Math.log(3), within(1e-12));
    assertThat(good.inSamplePerformance().get(0)).isCloseTo(0.03, within(1e-15));
    assertThat(good.outOfSamplePerformance().get(0)).isCloseTo(0.05, within(1e-15));
    assertThat(good.probabilityOfOosLoss()).isZero();

    double[][] ac = {{0.03, -0.01}, {0.01, -0.01}, {-0.02, 0.03}, {-0.02, 0.05}};
    PboResult bad = BacktestOverfitting.compute(ac, 2, PerformanceMetric.MEAN_RETURN).orElseThrow();
    assertThat(bad.probability()).isEqualTo(1.0);
    assertThat(bad.logits().get(0)).isCloseTo(Math.log(0.5), within(1e-12));
    assertThat(bad.outOfSamplePerformance().get(0)).isCloseTo(-0.02, within(1e-15));
    assertThat(bad.inSamplePerformance().get(1)).isCloseTo(0.04, within(1e-15));
    assertThat(bad.outOfSamplePerformance().get(1)).isCloseTo(-0.01, within(1e-15));
    assertThat(bad.degradationSlope()).isCloseTo(0.5, within(1e-12));
    assertThat(bad.degradationIntercept()).isCloseTo(-0.03, within(1e-12));
    assertThat(bad.probabilityOfOosLoss()).isEqualTo(1.0);
  }

  @Test
  void tiesShareTheMidRankAndCountAsOverfit() {
    double[][] twins = {{0.01, 0.01}, {0.02, 0.02}, {-0.01, -0.01}, {0.0, 0.0}};
    PboResult r = BacktestOverfitting.compute(twins, 2, PerformanceMetric.SHARPE).orElseThrow();
    // rank 1.5 of 2: omega 0.5, lambda 0
    assertThat(r.logits()).containsOnly(0.0);
    assertThat(r.probability()).isEqualTo(1.0);
    // IS block 0 (Sharpe 2.12) is OOS block 1 (-0.71) and the reverse: slope -1
    assertThat(r.degradationSlope()).isCloseTo(-1.0, within(1e-9));
  }

  @Test
  void theGenericPerformanceFunctionAgreesWithTheBlockSums() {
    double[][] m = noise(120, 7, 9);
    PboResult fast = BacktestOverfitting.compute(m, 8, PerformanceMetric.SHARPE).orElseThrow();
    PboResult slow = BacktestOverfitting.compute(m, 8, Moments::sharpe).orElseThrow();
    assertThat(slow.probability()).isEqualTo(fast.probability());
    assertThat(slow.combinations()).isEqualTo(70);
    for (int k = 0; k < 70; k++) {
      assertThat(slow.logits().get(k)).isEqualTo(fast.logits().get(k));
      assertThat(slow.inSamplePerformance().get(k))
          .isCloseTo(fast.inSamplePerformance().get(k), within(1e-12));
      assertThat(slow.outOfSamplePerformance().get(k))
          .isCloseTo(fast.outOfSamplePerformance().get(k), within(1e-12));
    }
  }

  @Test
  void notEnoughTrialsOrRowsGivesNoResult() {
    assertThat(BacktestOverfitting.compute(noise(100, 1, 1), 4, PerformanceMetric.SHARPE))
        .isEqualTo(Optional.empty());
    assertThat(BacktestOverfitting.compute(noise(15, 5, 1), 8, PerformanceMetric.SHARPE)).isEmpty();
    assertThat(BacktestOverfitting.compute(noise(16, 5, 1), 8, PerformanceMetric.SHARPE))
        .isPresent();
    assertThat(BacktestOverfitting.compute(new double[0][], 2, PerformanceMetric.SHARPE)).isEmpty();
  }

  @Test
  void blocksAndCombinations() {
    assertThat(BacktestOverfitting.blockStart(0, 10, 4)).isZero();
    assertThat(BacktestOverfitting.blockStart(1, 10, 4)).isEqualTo(2);
    assertThat(BacktestOverfitting.blockStart(2, 10, 4)).isEqualTo(5);
    assertThat(BacktestOverfitting.blockStart(4, 10, 4)).isEqualTo(10);
    int[] c = {0, 1};
    int count = 1;
    while (BacktestOverfitting.nextCombination(c, 4)) {
      count++;
    }
    assertThat(count).isEqualTo(6);
    assertThat(c).containsExactly(2, 3);
  }

  @Test
  void invalidInputsNameTheField() {
    assertThatThrownBy(
            () -> BacktestOverfitting.compute(noise(40, 3, 1), 3, PerformanceMetric.SHARPE))
        .hasMessageContaining("blocks")
        .hasMessageContaining("3");
    assertThatThrownBy(
            () -> BacktestOverfitting.compute(noise(40, 3, 1), 26, PerformanceMetric.SHARPE))
        .hasMessageContaining("blocks");
    double[][] ragged = noise(40, 3, 1);
    ragged[7] = new double[2];
    assertThatThrownBy(() -> BacktestOverfitting.compute(ragged, 4, PerformanceMetric.SHARPE))
        .hasMessageContaining("returns[7]");
    double[][] nan = noise(40, 3, 1);
    nan[5][1] = Double.NaN;
    assertThatThrownBy(() -> BacktestOverfitting.compute(nan, 4, PerformanceMetric.SHARPE))
        .hasMessageContaining("returns[5][1]");
  }
}
