package dev.alphapulse.jobs.research;

import com.fasterxml.jackson.databind.JsonNode;
import dev.alphapulse.engine.strategy.StrategyRegistry;
import dev.alphapulse.jobs.DatasetRef;
import dev.alphapulse.jobs.JobSpec;
import dev.alphapulse.research.optimize.ResearchSpecException;

/** Placeholder until this job type is wired (being written now). */
final class BatchKind {
  private BatchKind() {}

  static ResearchKind create(
      JobSpec spec, JsonNode research, DatasetRef dataset, StrategyRegistry registry) {
    throw new ResearchSpecException("type", "not wired yet");
  }
}
