package dev.alphapulse.cluster.job;

import dev.alphapulse.cluster.serialization.CborSerializable;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What a coordinator's snapshot stores: its {@link CoordinatorState} without the results, whose
 * {@link JobEvent.ChunkCompleted} events are in the journal anyway. The completed chunks are kept
 * as ids, so that recovery knows at once which chunks to re-issue; their results are read back from
 * the journal after recovery (see {@link JobCoordinator}).
 *
 * @param completedIds every completed chunk, ascending
 */
public record CoordinatorSnapshot(
    JobTicket ticket,
    JobStatus status,
    List<Integer> completedIds,
    SortedMap<Integer, Integer> failures,
    SortedMap<Integer, String> abandoned,
    long attempts,
    long finishedAtMillis)
    implements CborSerializable {

  public CoordinatorSnapshot {
    completedIds = List.copyOf(new TreeSet<>(completedIds)); // ascending, once per snapshot
    failures = new TreeMap<>(failures);
    abandoned = new TreeMap<>(abandoned);
  }

  /** The snapshot of a state. */
  public static CoordinatorSnapshot of(CoordinatorState s) {
    List<Integer> ids = new ArrayList<>(s.inJournal());
    ids.addAll(s.completed().keySet()); // the constructor sorts them
    return new CoordinatorSnapshot(
        s.ticket(),
        s.status(),
        ids,
        s.failures(),
        s.abandoned(),
        s.attempts(),
        s.finishedAtMillis());
  }

  /** The state it was taken of, with every completed chunk's result in the journal only. */
  public CoordinatorState toState() {
    return new CoordinatorState(
        ticket,
        status,
        ChunkResults.empty(),
        completedIds,
        failures,
        abandoned,
        attempts,
        finishedAtMillis);
  }
}
