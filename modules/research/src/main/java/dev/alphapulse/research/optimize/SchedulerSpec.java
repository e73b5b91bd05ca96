package dev.alphapulse.research.optimize;

import java.util.ArrayList;
import java.util.List;

/**
 * How a {@link Study} spends its budget on trials. The budget of a trial is a fraction of the
 * history: a trial at budget {@code b} is backtested on the first {@code b} of the bars.
 */
public sealed interface SchedulerSpec
    permits SchedulerSpec.Fifo, SchedulerSpec.Asha, SchedulerSpec.Pbt {

  /** The scheduler's name in job files: {@code fifo}, {@code asha}, {@code pbt}. */
  String name();

  /** Every trial runs once at the full budget (1.0). */
  record Fifo() implements SchedulerSpec {
    @Override
    public String name() {
      return "fifo";
    }
  }

  /**
   * Asynchronous successive halving (Li et al. 2020, as Ray Tune's {@code ASHAScheduler}), made
   * deterministic by rounds (see {@link Study}).
   *
   * <p>Rungs are at budgets {@code gracePeriod * reductionFactor^k} for every {@code k >= 0} whose
   * budget is below {@code maxBudget}, plus {@code maxBudget} itself as the last rung. Every trial
   * starts at rung 0. When a trial's result at rung {@code k} is processed it is promoted to rung
   * {@code k+1} if it ranks among the best {@code max(1, floor(n / reductionFactor))} of the {@code
   * n} results recorded at rung {@code k} so far (this round's included), otherwise it is stopped
   * early.
   *
   * @param gracePeriod budget of rung 0, in (0, maxBudget]
   * @param reductionFactor eta, {@code > 1}
   * @param maxBudget budget of the last rung, in (0, 1]; 1.0 is the whole history
   */
  record Asha(double gracePeriod, double reductionFactor, double maxBudget)
      implements SchedulerSpec {
    public Asha {
      if (!(maxBudget > 0 && maxBudget <= 1)) {
        throw new ResearchSpecException(
            "scheduler.max-budget", "must be in (0, 1], was " + maxBudget);
      }
      if (!(gracePeriod > 0 && gracePeriod <= maxBudget)) {
        throw new ResearchSpecException(
            "scheduler.grace-period",
            "must be in (0, max-budget=" + maxBudget + "], was " + gracePeriod);
      }
      if (!(reductionFactor > 1) || !Double.isFinite(reductionFactor)) {
        throw new ResearchSpecException(
            "scheduler.reduction-factor", "must be > 1, was " + reductionFactor);
      }
    }

    /** The rung budgets, increasing, the last being {@code maxBudget}. */
    public List<Double> rungs() {
      List<Double> out = new ArrayList<>();
      for (double b = gracePeriod; b < maxBudget * (1 - 1e-9); b *= reductionFactor) {
        out.add(b);
      }
      out.add(maxBudget);
      return List.copyOf(out);
    }

    @Override
    public String name() {
      return "asha";
    }
  }

  /**
   * Population-based training over consecutive time segments (Jaderberg et al. 2017, as Ray Tune's
   * {@code PopulationBasedTraining} with time segments as training steps). The population is the
   * study's {@code numSamples} members, drawn by its searcher; the history is cut into {@code
   * segments} equal consecutive segments; every member runs on every segment. At each boundary the
   * {@code max(1, floor(population * quantile))} worst members copy the parameters of a random
   * member among as many best ones and explore: each parameter is, with probability {@code
   * resampleProbability}, drawn anew from its domain, otherwise perturbed (numeric values
   * multiplied by 0.8 or 1.2 and snapped to the domain, moved by at least one step for integers;
   * categorical values moved to a neighbouring index).
   *
   * @param segments number of consecutive segments, {@code >= 2}
   * @param quantile fraction replaced at each boundary, in (0, 0.5]
   * @param resampleProbability in [0, 1]
   */
  record Pbt(int segments, double quantile, double resampleProbability) implements SchedulerSpec {
    public Pbt {
      if (segments < 2) {
        throw new ResearchSpecException("scheduler.segments", "must be >= 2, was " + segments);
      }
      if (!(quantile > 0 && quantile <= 0.5)) {
        throw new ResearchSpecException(
            "scheduler.quantile", "must be in (0, 0.5], was " + quantile);
      }
      if (!(resampleProbability >= 0 && resampleProbability <= 1)) {
        throw new ResearchSpecException(
            "scheduler.resample-probability", "must be in [0, 1], was " + resampleProbability);
      }
    }

    @Override
    public String name() {
      return "pbt";
    }
  }
}
