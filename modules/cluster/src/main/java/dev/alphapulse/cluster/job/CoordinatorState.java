package dev.alphapulse.cluster.job;

import com.fasterxml.jackson.annotation.JsonIgnore;
import dev.alphapulse.cluster.serialization.CborSerializable;
import dev.alphapulse.jobs.ChunkResult;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The persisted state of one job, rebuilt from {@link JobEvent}s (or a snapshot): the ticket, every
 * completed chunk's result, failure counts, abandoned chunks, and the outcome. Immutable; {@link
 * #apply} is the event handler. Results are kept here (not only in the aggregator) so that they
 * stay queryable after the job ends, from any node, for as long as the journal keeps them.
 *
 * <p>A snapshot ({@link CoordinatorSnapshot}) keeps the ids of the completed chunks but not their
 * results, which are in the journal already: a state recovered from one has those ids in {@code
 * inJournal} and the coordinator reads their results back from the journal's {@link
 * JobEvent.ChunkCompleted} events. So a snapshot's size grows with the chunks, not with their
 * results, and taking one every {@code checkpoint-interval} events stays cheap in a large job.
 *
 * @param ticket null until the job is accepted
 * @param completed results by chunk id, of the chunks completed since the snapshot the state was
 *     recovered from (all of them without a snapshot)
 * @param inJournal ids of the chunks completed before that snapshot, ascending, whose results are
 *     only in the journal (disjoint from {@code completed}); an unmodifiable list, passed on from
 *     state to state without a copy
 * @param failures failed attempts by chunk id (chunks that never failed are absent)
 * @param abandoned the last error of each abandoned chunk, by chunk id
 * @param attempts attempts that ended with a result or an error
 * @param finishedAtMillis when the job ended, epoch millis, or 0 while it runs
 */
public record CoordinatorState(
    JobTicket ticket,
    JobStatus status,
    ChunkResults completed,
    List<Integer> inJournal,
    SortedMap<Integer, Integer> failures,
    SortedMap<Integer, String> abandoned,
    long attempts,
    long finishedAtMillis)
    implements CborSerializable {

  public CoordinatorState {
    completed = completed == null ? ChunkResults.empty() : completed; // immutable already
    // null when read from a snapshot of an earlier build, which held every result; List.copyOf
    // returns an unmodifiable list as it is, so states share it
    inJournal = inJournal == null ? List.of() : List.copyOf(inJournal);
    failures = Collections.unmodifiableSortedMap(new TreeMap<>(failures));
    abandoned = Collections.unmodifiableSortedMap(new TreeMap<>(abandoned));
  }

  /** Before {@link JobEvent.JobAccepted}. */
  public static CoordinatorState empty() {
    return new CoordinatorState(
        null,
        JobStatus.UNKNOWN,
        ChunkResults.empty(),
        List.of(),
        new TreeMap<>(),
        new TreeMap<>(),
        0,
        0);
  }

  /** Whether a job was accepted. */
  @JsonIgnore
  public boolean isAccepted() {
    return ticket != null;
  }

  /** Whether the chunk has an outcome (result or abandoned). */
  public boolean isDone(int chunkId) {
    return isCompleted(chunkId) || abandoned.containsKey(chunkId);
  }

  /** Whether the chunk has a result (here or in the journal). */
  public boolean isCompleted(int chunkId) {
    return completed.containsKey(chunkId) || Collections.binarySearch(inJournal, chunkId) >= 0;
  }

  /** Chunks with a result (here or in the journal). */
  public int completedCount() {
    return completed.size() + inJournal.size();
  }

  /** Chunks with an outcome. */
  public int doneCount() {
    return completedCount() + abandoned.size();
  }

  /** Whether every chunk of an accepted job has an outcome. */
  public boolean allChunksDone() {
    return isAccepted() && doneCount() >= ticket.totalChunks();
  }

  /** The attempt number the next lease of a chunk gets (1 for a chunk that never failed). */
  public int nextAttempt(int chunkId) {
    return failures.getOrDefault(chunkId, 0) + 1;
  }

  /** Ids of chunks with no outcome, ascending: what is (re-)issued on start and on recovery. */
  public List<Integer> missingChunks() {
    if (!isAccepted()) {
      return List.of();
    }
    List<Integer> out = new ArrayList<>();
    for (int id = 0; id < ticket.totalChunks(); id++) {
      if (!isDone(id)) {
        out.add(id);
      }
    }
    return out;
  }

  /** The status the job ends with once every chunk has an outcome. */
  public JobStatus finalStatus() {
    return abandoned.isEmpty() ? JobStatus.SUCCEEDED : JobStatus.COMPLETED_WITH_FAILURES;
  }

  /** The abandoned chunks with their errors, by chunk id. */
  public List<ChunkFailure> failureList() {
    List<ChunkFailure> out = new ArrayList<>(abandoned.size());
    abandoned.forEach(
        (id, reason) -> out.add(new ChunkFailure(id, failures.getOrDefault(id, 0), reason)));
    return out;
  }

  /** The counts, with the given in-memory dispatch figures for a running job. */
  public ChunkCounts counts(int running, int pending) {
    int total = isAccepted() ? ticket.totalChunks() : 0;
    boolean live = status == JobStatus.RUNNING;
    return new ChunkCounts(
        total,
        completedCount(),
        abandoned.size(),
        attempts,
        live ? running : 0,
        live ? pending : 0);
  }

  /** The event handler. */
  public CoordinatorState apply(JobEvent event) {
    if (event instanceof JobEvent.JobAccepted e) {
      return new CoordinatorState(
          e.ticket(), JobStatus.RUNNING, completed, inJournal, failures, abandoned, attempts, 0);
    }
    if (event instanceof JobEvent.ChunkCompleted e) {
      if (isCompleted(e.chunkId())) {
        return this;
      }
      ChunkResults next = completed.with(e.chunkId(), e.result());
      return new CoordinatorState(
          ticket, status, next, inJournal, failures, abandoned, attempts + 1, finishedAtMillis);
    }
    if (event instanceof JobEvent.ChunkFailed e) {
      SortedMap<Integer, Integer> next = new TreeMap<>(failures);
      next.merge(e.chunkId(), 1, Integer::sum);
      return new CoordinatorState(
          ticket, status, completed, inJournal, next, abandoned, attempts + 1, finishedAtMillis);
    }
    if (event instanceof JobEvent.ChunkAbandoned e) {
      SortedMap<Integer, String> next = new TreeMap<>(abandoned);
      next.put(e.chunkId(), e.reason());
      return new CoordinatorState(
          ticket, status, completed, inJournal, failures, next, attempts, finishedAtMillis);
    }
    if (event instanceof JobEvent.JobFinished e) {
      return new CoordinatorState(
          ticket,
          e.status(),
          completed,
          inJournal,
          failures,
          abandoned,
          attempts,
          e.finishedAtMillis());
    }
    if (event instanceof JobEvent.JobCancelled e) {
      return new CoordinatorState(
          ticket,
          JobStatus.CANCELLED,
          completed,
          inJournal,
          failures,
          abandoned,
          attempts,
          e.cancelledAtMillis());
    }
    throw new IllegalArgumentException("unknown event " + event);
  }

  /** The results held here (not those only in the journal), in chunk order. */
  public List<ChunkResult> results() {
    return completed.values();
  }

  /**
   * The state with the results of the chunks in {@link #inJournal}, read back from the journal,
   * added to {@link #completed}: what it was before the snapshot. Results of other chunks are
   * ignored; a chunk of {@code inJournal} without one (its event deleted from the journal) stays
   * out of the results.
   */
  public CoordinatorState withJournalResults(Map<Integer, ChunkResult> fromJournal) {
    Map<Integer, ChunkResult> restored = new HashMap<>();
    for (int id : inJournal) {
      ChunkResult r = fromJournal.get(id);
      if (r != null) {
        restored.put(id, r);
      }
    }
    ChunkResults all = completed.withAll(restored);
    return new CoordinatorState(
        ticket, status, all, List.of(), failures, abandoned, attempts, finishedAtMillis);
  }
}
