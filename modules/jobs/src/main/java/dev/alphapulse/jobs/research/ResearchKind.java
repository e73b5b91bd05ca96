package dev.alphapulse.jobs.research;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.alphapulse.engine.data.Universe;
import java.util.SortedMap;

/**
 * One research job type, bound to a checked spec: its driver, how a node runs one of its tasks, and
 * how the job's result is assembled from the payloads. Implementations are immutable.
 */
public interface ResearchKind {

  /** A fresh driver (the job's first chunks known). */
  ResearchDriver driver();

  /**
   * Runs one task on {@code universe} (the job's data) and returns its payload.
   *
   * @throws RuntimeException when the task fails (the chunk is retried, then given up)
   */
  String execute(String task, Universe universe);

  /**
   * The job's result from the payloads so far (all of them once it ended) and the chunks given up
   * (chunk id to error). Deterministic: the same payloads give the same result, in any order.
   */
  ObjectNode assemble(
      SortedMap<Integer, String> payloads, SortedMap<Integer, String> failures, Universe universe);
}
