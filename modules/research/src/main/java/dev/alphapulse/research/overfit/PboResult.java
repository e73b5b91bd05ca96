package dev.alphapulse.research.overfit;

import java.util.List;
import java.util.Objects;

/**
 * The result of combinatorially symmetric cross-validation ({@link BacktestOverfitting}). Lists
 * have one entry per combination, in the lexicographic order of the in-sample block sets.
 *
 * @param probability PBO, the fraction of combinations whose logit is at most 0 (the trial chosen
 *     in sample ranked at or below the out-of-sample median), in [0, 1]
 * @param logits {@code lambda = ln(omega / (1 - omega))} per combination
 * @param inSamplePerformance performance of the chosen trial in sample, per combination
 * @param outOfSamplePerformance performance of the chosen trial out of sample, per combination
 * @param degradationSlope slope of the least-squares line of out-of-sample on in-sample performance
 *     of the chosen trial ({@code NaN} when the in-sample performance does not vary)
 * @param degradationIntercept intercept of that line ({@code NaN} likewise)
 * @param probabilityOfOosLoss fraction of combinations whose chosen trial performs below 0 out of
 *     sample
 * @param trials number of trials {@code N}
 * @param observations number of rows {@code T}
 * @param blocks number of row blocks {@code S}
 */
public record PboResult(
    double probability,
    List<Double> logits,
    List<Double> inSamplePerformance,
    List<Double> outOfSamplePerformance,
    double degradationSlope,
    double degradationIntercept,
    double probabilityOfOosLoss,
    int trials,
    int observations,
    int blocks) {

  public PboResult {
    if (!(probability >= 0 && probability <= 1)) {
      throw new IllegalArgumentException("probability must be in [0, 1], was " + probability);
    }
    logits = List.copyOf(Objects.requireNonNull(logits, "logits"));
    inSamplePerformance =
        List.copyOf(Objects.requireNonNull(inSamplePerformance, "inSamplePerformance"));
    outOfSamplePerformance =
        List.copyOf(Objects.requireNonNull(outOfSamplePerformance, "outOfSamplePerformance"));
    if (logits.isEmpty()
        || inSamplePerformance.size() != logits.size()
        || outOfSamplePerformance.size() != logits.size()) {
      throw new IllegalArgumentException(
          "logits, inSamplePerformance and outOfSamplePerformance must be non-empty and of one"
              + " size, were "
              + logits.size()
              + ", "
              + inSamplePerformance.size()
              + ", "
              + outOfSamplePerformance.size());
    }
    if (!(probabilityOfOosLoss >= 0 && probabilityOfOosLoss <= 1)) {
      throw new IllegalArgumentException(
          "probabilityOfOosLoss must be in [0, 1], was " + probabilityOfOosLoss);
    }
    if (trials < 2) {
      throw new IllegalArgumentException("trials must be at least 2, was " + trials);
    }
    if (blocks < 2 || blocks % 2 != 0) {
      throw new IllegalArgumentException("blocks must be even and at least 2, was " + blocks);
    }
    if (observations < 2 * blocks) {
      throw new IllegalArgumentException(
          "observations must be at least 2 * blocks (" + 2 * blocks + "), was " + observations);
    }
  }

  /** Number of combinations {@code C(S, S/2)}. */
  public int combinations() {
    return logits.size();
  }
}
