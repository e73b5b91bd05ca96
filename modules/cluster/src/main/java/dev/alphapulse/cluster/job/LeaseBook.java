package dev.alphapulse.cluster.job;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.IntUnaryOperator;

/**
 * The in-memory dispatch book of one running job: which chunks wait for a worker, which are leased
 * to which worker pool (and until when), and which wait for a retry. Not persisted: after a restart
 * every chunk without an outcome is simply pending again, and a result that still arrives from an
 * old lease is accepted then (results are idempotent by chunk id).
 *
 * <p>Pure and single-threaded (owned by its coordinator actor); {@code P} is the worker pool's
 * reference type, {@code now} values are monotonic nanoseconds.
 *
 * @param <P> identifies a worker pool (an actor ref in production)
 */
final class LeaseBook<P> {

  /** A chunk handed to a pool, for one attempt, until {@code deadlineNanos}. */
  record Lease<P>(int chunkId, int attempt, P pool, long deadlineNanos) {}

  private final TreeSet<Integer> pending = new TreeSet<>();
  private final Map<Integer, Lease<P>> leases = new HashMap<>();
  private final Set<Integer> waitingRetry = new TreeSet<>();

  /** A book whose pending chunks are {@code missing}, ascending. */
  LeaseBook(Collection<Integer> missing) {
    pending.addAll(missing);
  }

  /** New chunks became known (a research job's next round): they are pending now. */
  void addPending(Collection<Integer> ids) {
    pending.addAll(ids);
  }

  /**
   * Leases up to {@code max} pending chunks to {@code pool}, lowest ids first.
   *
   * @param attemptOf the attempt number each chunk's lease gets
   * @param leaseNanos how long a lease lasts before it is re-queued
   */
  List<Lease<P>> lease(int max, P pool, IntUnaryOperator attemptOf, long now, long leaseNanos) {
    Objects.requireNonNull(pool, "pool");
    List<Lease<P>> out = new ArrayList<>(Math.min(max, pending.size()));
    while (out.size() < max && !pending.isEmpty()) {
      int id = pending.pollFirst();
      Lease<P> lease = new Lease<>(id, attemptOf.applyAsInt(id), pool, now + leaseNanos);
      leases.put(id, lease);
      out.add(lease);
    }
    return out;
  }

  /** The current lease of a chunk, or null. */
  Lease<P> leaseOf(int chunkId) {
    return leases.get(chunkId);
  }

  /** Whether {@code pool} holds the chunk's current lease for that attempt. */
  boolean holds(int chunkId, int attempt, P pool) {
    Lease<P> l = leases.get(chunkId);
    return l != null && l.attempt() == attempt && l.pool().equals(pool);
  }

  /** The chunk has an outcome: forget it wherever it is. */
  void complete(int chunkId) {
    pending.remove(chunkId);
    leases.remove(chunkId);
    waitingRetry.remove(chunkId);
  }

  /** The chunk's attempt failed and will be retried later: from its lease to the retry wait. */
  void awaitRetry(int chunkId) {
    leases.remove(chunkId);
    pending.remove(chunkId);
    waitingRetry.add(chunkId);
  }

  /**
   * A retry's back-off ended: the chunk is pending again.
   *
   * @return whether it was waiting (false if it got an outcome meanwhile)
   */
  boolean retryDue(int chunkId) {
    if (waitingRetry.remove(chunkId)) {
      pending.add(chunkId);
      return true;
    }
    return false;
  }

  /** Every lease held by {@code pool} goes back to pending (its node left or its actor stopped). */
  List<Integer> requeue(P pool) {
    List<Integer> out = new ArrayList<>();
    for (Iterator<Lease<P>> it = leases.values().iterator(); it.hasNext(); ) {
      Lease<P> l = it.next();
      if (l.pool().equals(pool)) {
        it.remove();
        pending.add(l.chunkId());
        out.add(l.chunkId());
      }
    }
    return out;
  }

  /** Leases past their deadline go back to pending. */
  List<Integer> expire(long now) {
    List<Integer> out = new ArrayList<>();
    for (Iterator<Lease<P>> it = leases.values().iterator(); it.hasNext(); ) {
      Lease<P> l = it.next();
      if (now - l.deadlineNanos() > 0) {
        it.remove();
        pending.add(l.chunkId());
        out.add(l.chunkId());
      }
    }
    return out;
  }

  /** Whether any pool holds a lease. */
  boolean anyLeasedTo(P pool) {
    return leases.values().stream().anyMatch(l -> l.pool().equals(pool));
  }

  /** Drops everything (the job ended). */
  void clear() {
    pending.clear();
    leases.clear();
    waitingRetry.clear();
  }

  int pendingCount() {
    return pending.size();
  }

  int leasedCount() {
    return leases.size();
  }

  int waitingRetryCount() {
    return waitingRetry.size();
  }

  boolean hasPending() {
    return !pending.isEmpty();
  }
}
