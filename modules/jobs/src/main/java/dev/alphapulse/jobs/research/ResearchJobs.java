package dev.alphapulse.jobs.research;

import com.fasterxml.jackson.databind.JsonNode;
import dev.alphapulse.engine.strategy.StrategyDescriptor;
import dev.alphapulse.engine.strategy.StrategyRegistry;
import dev.alphapulse.jobs.DatasetRef;
import dev.alphapulse.jobs.JobSpec;
import dev.alphapulse.jobs.JobSpecException;
import dev.alphapulse.research.optimize.ResearchSpecException;

/**
 * The door from the job pipeline to the research job types: checks a research job's sections and
 * binds it to its {@link ResearchKind}.
 */
public final class ResearchJobs {
  private ResearchJobs() {}

  /**
   * Checks a research job before anything runs, without its data.
   *
   * @throws JobSpecException naming the field (e.g. {@code search-space.fast.randint})
   */
  public static void check(JobSpec spec, StrategyRegistry registry) {
    kind(spec, null, registry);
  }

  /**
   * The job's kind, bound to its data when {@code dataset} is given (data-dependent checks, such as
   * a walk-forward window longer than the history, run only then).
   *
   * @throws JobSpecException naming the field
   * @throws IllegalArgumentException if the job is not a research job
   */
  public static ResearchKind kind(JobSpec spec, DatasetRef dataset, StrategyRegistry registry) {
    if (!spec.type().isResearch()) {
      throw new IllegalArgumentException("a " + spec.type().fileName() + " job is not research");
    }
    JsonNode research = Json.tree(spec.research());
    try {
      return switch (spec.type()) {
        case OPTIMIZE -> {
          StrategyDescriptor s = strategy(spec, registry);
          yield new OptimizeKind(spec, s, StudySections.parse(research, s, spec.seed(), true));
        }
        case WALK_FORWARD -> WalkForwardKind.create(spec, research, dataset, registry);
        case MONTE_CARLO -> MonteCarloKind.create(spec, research, dataset, registry);
        case BATCH -> BatchKind.create(spec, research, dataset, registry);
        case PORTFOLIO -> PortfolioKind.create(spec, research, dataset, registry);
        default -> throw new IllegalStateException("not research: " + spec.type());
      };
    } catch (ResearchSpecException e) {
      throw new JobSpecException(e.field(), e.reason());
    }
  }

  /** The job's strategy, or an error naming {@code strategy}. */
  static StrategyDescriptor strategy(JobSpec spec, StrategyRegistry registry) {
    return strategy(spec.strategy(), "strategy", registry);
  }

  /** A strategy by name, or an error naming {@code field}. */
  static StrategyDescriptor strategy(String name, String field, StrategyRegistry registry) {
    try {
      return registry.get(name);
    } catch (IllegalArgumentException e) {
      throw new ResearchSpecException(field, e.getMessage());
    }
  }
}
