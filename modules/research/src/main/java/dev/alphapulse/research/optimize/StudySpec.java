package dev.alphapulse.research.optimize;

import java.util.Objects;

/**
 * Everything that determines a {@link Study}: with the set of reported outcomes, its state is a
 * pure function of this record.
 *
 * @param space the search space
 * @param metric the statistic to optimise, one of {@link TrialEvaluator#metricNames()}
 * @param mode maximise or minimise the metric
 * @param searcher the search algorithm
 * @param scheduler FIFO, ASHA or PBT
 * @param numSamples number of trials (parameter sets) to start, {@code >= 1}; the PBT population
 *     size; a grid may end sooner
 * @param batchSize tasks per round, {@code >= 1} (not the number of workers: results depend on it,
 *     on nothing else about the execution); PBT rounds are whole segments of the population
 * @param seed every random choice of the searcher and the scheduler derives from it
 */
public record StudySpec(
    ParameterSpace space,
    String metric,
    Mode mode,
    SearcherSpec searcher,
    SchedulerSpec scheduler,
    int numSamples,
    int batchSize,
    long seed) {

  public StudySpec {
    Objects.requireNonNull(space, "space");
    metric = TrialEvaluator.requireMetric(metric);
    Objects.requireNonNull(mode, "mode");
    Objects.requireNonNull(searcher, "searcher");
    Objects.requireNonNull(scheduler, "scheduler");
    if (numSamples < 1) {
      throw new ResearchSpecException("num-samples", "must be >= 1, was " + numSamples);
    }
    if (batchSize < 1) {
      throw new ResearchSpecException("batch-size", "must be >= 1, was " + batchSize);
    }
    if (scheduler instanceof SchedulerSpec.Pbt && numSamples < 2) {
      throw new ResearchSpecException(
          "num-samples", "PBT needs a population of at least 2, was " + numSamples);
    }
  }
}
