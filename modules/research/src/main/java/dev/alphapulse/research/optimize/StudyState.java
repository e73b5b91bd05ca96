package dev.alphapulse.research.optimize;

import java.util.List;

/**
 * A complete, comparable snapshot of a {@link Study}: equal states mean equal futures. Made of
 * records, lists, maps, strings and numbers only.
 *
 * @param round index of the current round (0-based)
 * @param finished whether the study has nothing more to run
 * @param trials every trial so far, by id
 * @param roundTasks the tasks of the current round, by trial id
 * @param roundOutcomes the outcomes of the current round reported so far, by trial id
 * @param pbtSegments the PBT segments completed so far (empty for FIFO and ASHA)
 */
public record StudyState(
    int round,
    boolean finished,
    List<TrialRecord> trials,
    List<TrialTask> roundTasks,
    List<TrialOutcome> roundOutcomes,
    List<PbtSegment> pbtSegments) {

  public StudyState {
    trials = List.copyOf(trials);
    roundTasks = List.copyOf(roundTasks);
    roundOutcomes = List.copyOf(roundOutcomes);
    pbtSegments = List.copyOf(pbtSegments);
  }
}
