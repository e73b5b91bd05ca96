package dev.alphapulse.cluster.job;

import static org.assertj.core.api.Assertions.assertThat;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import dev.alphapulse.cluster.TestJobs;
import dev.alphapulse.cluster.worker.WorkerPool;
import dev.alphapulse.jobs.ChunkResult;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.testkit.typed.javadsl.TestProbe;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.cluster.sharding.typed.javadsl.ClusterSharding;
import org.apache.pekko.pattern.StatusReply;
import org.apache.pekko.persistence.testkit.PersistenceTestKitSnapshotPlugin;
import org.apache.pekko.persistence.testkit.javadsl.EventSourcedBehaviorTestKit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The coordinator against Pekko's EventSourcedBehaviorTestKit (in-memory journal and snapshot
 * store, serialization of commands, events and state verified on every command): recovery re-issues
 * exactly the missing chunks, duplicates count once, retries then failure, cancel, snapshots; most
 * with one journal write per result ({@code persist-batch-delay = 0s}), the group commit in tests
 * of its own.
 */
class JobCoordinatorTest {
  private static final Config CONFIG =
      ConfigFactory.parseString(
              "alphapulse.job.read-journal = \"pekko.persistence.testkit.query\"\n"
                  + "alphapulse.job.persist-batch-delay = 0s")
          .withFallback(EventSourcedBehaviorTestKit.config())
          .withFallback(PersistenceTestKitSnapshotPlugin.config())
          .withFallback(TestJobs.fastJobs())
          .withFallback(ConfigFactory.load());
  private static final ActorTestKit KIT = ActorTestKit.create("coordinator-test", CONFIG);

  // 48 parameter sets in chunks of 4: 12 chunks.
  private static final JobTicket TICKET =
      TestJobs.ticket("job-1", TestJobs.sweep(2, 600, 4, 2, 5), 2);
  private static final List<ChunkResult> RESULTS = TestJobs.sequentialChunks(TICKET);

  private final List<ClusterSharding.Passivate<JobCoordinator.Command>> passivations =
      new CopyOnWriteArrayList<>();
  private EventSourcedBehaviorTestKit<JobCoordinator.Command, JobEvent, CoordinatorState> es;
  private TestProbe<WorkerPool.Command> pool;

  @AfterAll
  static void stop() {
    KIT.shutdownTestKit();
  }

  @BeforeEach
  void setUp() {
    coordinator(CoordinatorSettings.from(KIT.system().settings().config()));
  }

  private void coordinator(CoordinatorSettings settings) {
    es =
        EventSourcedBehaviorTestKit.create(
            KIT.system(), JobCoordinator.create("job-1", passivations::add, settings));
    es.clear();
    passivations.clear();
    pool = KIT.createTestProbe();
  }

  private void submit() {
    var r =
        es.<StatusReply<JobCoordinator.Accepted>>runCommand(
            replyTo -> new JobCoordinator.Submit(TICKET, replyTo));
    assertThat(r.reply().isSuccess()).isTrue();
    assertThat(r.reply().getValue().totalChunks()).isEqualTo(12);
    assertThat(r.event()).isInstanceOf(JobEvent.JobAccepted.class);
  }

  private List<WorkerPool.Assignment> request(int slots) {
    es.runCommand(new JobCoordinator.RequestWork(slots, pool.ref()));
    WorkerPool.Command reply = pool.receiveMessage();
    if (reply instanceof WorkerPool.WorkGranted g) {
      assertThat(g.ticket()).isEqualTo(TICKET);
      return g.assignments();
    }
    assertThat(reply).isInstanceOf(WorkerPool.NoWork.class);
    return List.of();
  }

  private List<Integer> ids(List<WorkerPool.Assignment> as) {
    return as.stream().map(WorkerPool.Assignment::chunkId).toList();
  }

  private void complete(int chunk, int attempt) {
    es.runCommand(
        JobCoordinator.ReportResults.of(chunk, attempt, RESULTS.get(chunk), "n:1", pool.ref()));
  }

  private JobCoordinator.StatusReport status() {
    return es.<JobCoordinator.StatusReport>runCommand(JobCoordinator.GetStatus::new).reply();
  }

  @Test
  void hands_out_no_more_chunks_than_free_slots_lowest_first() {
    submit();
    assertThat(ids(request(3))).containsExactly(0, 1, 2);
    assertThat(ids(request(2))).containsExactly(3, 4);
    JobCoordinator.StatusReport s = status();
    assertThat(s.status()).isEqualTo(JobStatus.RUNNING);
    assertThat(s.chunks().running()).isEqualTo(5);
    assertThat(s.chunks().pending()).isEqualTo(7);
  }

  @Test
  void recovery_reissues_exactly_the_chunks_without_completion() {
    submit();
    request(12);
    for (int id : List.of(0, 3, 4, 9)) {
      complete(id, 1);
    }
    es.restart();
    assertThat(completedIds(es.getState())).containsExactly(0, 3, 4, 9);
    assertThat(ids(request(100))).containsExactly(1, 2, 5, 6, 7, 8, 10, 11);
    assertThat(ids(request(100))).isEmpty();
  }

  @Test
  void a_chunk_delivered_twice_counts_once() {
    submit();
    request(2);
    var first =
        es.runCommand(JobCoordinator.ReportResults.of(0, 1, RESULTS.get(0), "n:1", pool.ref()));
    assertThat(first.events()).hasSize(1);
    var again =
        es.runCommand(JobCoordinator.ReportResults.of(0, 1, RESULTS.get(0), "n:2", pool.ref()));
    assertThat(again.hasNoEvents()).isTrue();
    JobCoordinator.StatusReport s = status();
    assertThat(s.chunks().succeeded()).isEqualTo(1);
    assertThat(s.chunks().attempts()).isEqualTo(1);
    // A result from a lease the coordinator forgot (e.g. before a restart) is still taken, once.
    es.restart();
    var late =
        es.runCommand(JobCoordinator.ReportResults.of(1, 1, RESULTS.get(1), "n:3", pool.ref()));
    assertThat(late.events()).hasSize(1);
    assertThat(status().chunks().succeeded()).isEqualTo(2);
  }

  @Test
  void a_failing_chunk_is_retried_with_backoff_then_abandoned_and_the_job_goes_on() {
    submit();
    assertThat(ids(request(1))).containsExactly(0);
    // max-retries 2: attempts 1, 2 and 3 fail, then the chunk is abandoned.
    for (int attempt = 1; attempt <= 3; attempt++) {
      var r =
          es.runCommand(
              new JobCoordinator.ReportFailure(0, attempt, "boom " + attempt, "n:1", pool.ref()));
      if (attempt < 3) {
        assertThat(r.events())
            .containsExactly(new JobEvent.ChunkFailed(0, attempt, "boom " + attempt, "n:1"));
        // the retry waits for its back-off: chunk 0 is not pending meanwhile
        List<WorkerPool.Assignment> now = request(1);
        assertThat(ids(now)).doesNotContain(0);
        es.runCommand(
            JobCoordinator.ReportResults.of(
                now.get(0).chunkId(), 1, RESULTS.get(now.get(0).chunkId()), "n:1", pool.ref()));
        WorkerPool.Assignment retry = awaitLease(0);
        assertThat(retry.attempt()).isEqualTo(attempt + 1);
      } else {
        assertThat(r.events())
            .containsExactly(
                new JobEvent.ChunkFailed(0, 3, "boom 3", "n:1"),
                new JobEvent.ChunkAbandoned(0, 3, "boom 3"));
      }
    }
    // A stale failure (wrong attempt) is ignored.
    assertThat(
            es.runCommand(new JobCoordinator.ReportFailure(5, 7, "old", "n:1", pool.ref()))
                .hasNoEvents())
        .isTrue();
    // Every other chunk completes; the job ends with the failure recorded.
    List<Integer> rest = ids(request(100));
    for (int id : rest) {
      complete(id, 1);
    }
    JobCoordinator.StatusReport s = status();
    assertThat(s.status()).isEqualTo(JobStatus.COMPLETED_WITH_FAILURES);
    assertThat(s.chunks().succeeded()).isEqualTo(11);
    assertThat(s.chunks().failed()).isEqualTo(1);
    assertThat(s.chunks().attempts()).isEqualTo(14);
    assertThat(s.failures()).containsExactly(new ChunkFailure(0, 3, "boom 3"));
    assertThat(es.getState().finishedAtMillis()).isPositive();
    var results =
        es.<JobCoordinator.ResultReport>runCommand(r -> new JobCoordinator.GetResult(0, r)).reply();
    assertThat(results.results()).hasSize(11);
    assertThat(results.nextChunk()).isEqualTo(-1);
  }

  private WorkerPool.Assignment awaitLease(int chunk) {
    long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
    while (System.nanoTime() < deadline) {
      for (WorkerPool.Assignment a : request(1)) {
        if (a.chunkId() == chunk) {
          return a;
        }
        // not the one we wait for: finish it so it does not come back
        complete(a.chunkId(), a.attempt());
      }
      try {
        Thread.sleep(20);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
    }
    throw new AssertionError("chunk " + chunk + " was not handed out again");
  }

  @Test
  void completing_every_chunk_finishes_the_job_and_streams_it_to_watchers() {
    submit();
    TestProbe<JobAggregator.Progress> watcher = KIT.createTestProbe();
    es.runCommand(new JobCoordinator.Subscribe(watcher.ref()));
    JobAggregator.Progress first = watcher.receiveMessage();
    assertThat(first.progress().status()).isEqualTo(JobStatus.RUNNING);
    assertThat(first.progress().chunks().total()).isEqualTo(12);
    List<Integer> all = ids(request(12));
    // arrival order does not matter
    List<Integer> shuffled = new ArrayList<>(all);
    java.util.Collections.reverse(shuffled);
    for (int id : shuffled) {
      complete(id, 1);
    }
    var last = es.getState().status();
    assertThat(last).isEqualTo(JobStatus.SUCCEEDED);
    JobProgress fin = awaitFinal(watcher);
    assertThat(fin.status()).isEqualTo(JobStatus.SUCCEEDED);
    assertThat(fin.chunks().succeeded()).isEqualTo(12);
    assertThat(fin.best()).isNotNull();
    assertThat(fin.etaSeconds()).isZero();
    // a job that ended hands out nothing and tells the pools
    assertThat(request(4)).isEmpty();
  }

  private static JobProgress awaitFinal(TestProbe<JobAggregator.Progress> watcher) {
    int runs = 0;
    while (true) {
      JobProgress p = watcher.receiveMessage(Duration.ofSeconds(5)).progress();
      runs += p.newRuns().size();
      if (p.isFinal()) {
        assertThat(runs).isEqualTo(96); // 48 parameter sets x 2 symbols
        return p;
      }
    }
  }

  @Test
  void cancel_stops_dispatching_and_ends_the_job_as_cancelled() {
    submit();
    request(3);
    complete(0, 1);
    JobCoordinator.StatusReport s =
        es.<JobCoordinator.StatusReport>runCommand(
                replyTo -> new JobCoordinator.Cancel("user", replyTo))
            .reply();
    assertThat(s.status()).isEqualTo(JobStatus.CANCELLED);
    assertThat(es.getState().status()).isEqualTo(JobStatus.CANCELLED);
    assertThat(request(5)).isEmpty();
    // late results are not recorded
    assertThat(
            es.runCommand(JobCoordinator.ReportResults.of(1, 1, RESULTS.get(1), "n", pool.ref()))
                .hasNoEvents())
        .isTrue();
    es.restart();
    assertThat(status().status()).isEqualTo(JobStatus.CANCELLED);
    assertThat(status().chunks().succeeded()).isEqualTo(1);
  }

  @Test
  void snapshots_every_checkpoint_interval_events_and_recovers_from_them() {
    submit(); // event 1
    request(12);
    for (int id = 0; id < 6; id++) {
      complete(id, 1); // events 2..7
    }
    var snapshots = es.snapshotTestKit().orElseThrow();
    // checkpoint-interval 5: a snapshot after event 5 (JobAccepted + 4 completions)
    // the snapshot lists the completed chunks without their results
    CoordinatorSnapshot snap =
        snapshots.expectNextPersistedClass("JobCoordinator|job-1", CoordinatorSnapshot.class);
    assertThat(snap.completedIds()).containsExactly(0, 1, 2, 3);
    var restarted = es.restart();
    assertThat(restarted.state().inJournal()).containsExactly(0, 1, 2, 3);
    assertThat(restarted.state().completed().keySet()).containsExactly(4, 5);
    assertThat(ids(request(100))).containsExactly(6, 7, 8, 9, 10, 11);
    // the results of the snapshot's chunks were read back from the journal
    JobCoordinator.ResultReport page =
        es.<JobCoordinator.ResultReport>runCommand(
                replyTo -> new JobCoordinator.GetResult(0, replyTo))
            .reply();
    assertThat(page.results()).isEqualTo(RESULTS.subList(0, 6));
  }

  private static Set<Integer> completedIds(CoordinatorState s) {
    Set<Integer> ids = new TreeSet<>(s.completed().keySet());
    ids.addAll(s.inJournal());
    return ids;
  }

  @Test
  void an_unknown_job_answers_unknown_and_passivates() {
    JobCoordinator.StatusReport s = status();
    assertThat(s.status()).isEqualTo(JobStatus.UNKNOWN);
    assertThat(s.ticket()).isNull();
    assertThat(request(3)).isEmpty();
    assertThat(passivations).isNotEmpty();
  }

  // ---- group commit

  private void batching(Duration delay, int max) {
    coordinator(
        CoordinatorSettings.from(KIT.system().settings().config()).withPersistBatch(delay, max));
  }

  private boolean waits(int chunk) {
    return es.runCommand(
            JobCoordinator.ReportResults.of(chunk, 1, RESULTS.get(chunk), "n:1", pool.ref()))
        .hasNoEvents();
  }

  private static JobEvent completion(int chunk) {
    return new JobEvent.ChunkCompleted(chunk, 1, RESULTS.get(chunk), "n:1");
  }

  @Test
  void results_wait_and_are_persisted_in_one_write_when_the_batch_is_full() {
    batching(Duration.ofMinutes(1), 3);
    submit();
    request(12);
    assertThat(waits(0)).isTrue();
    assertThat(waits(1)).isTrue();
    // a duplicate of a waiting result counts once
    assertThat(waits(1)).isTrue();
    JobCoordinator.StatusReport s = status();
    assertThat(s.chunks().succeeded()).isZero();
    assertThat(s.chunks().running()).isEqualTo(12); // 10 leased, 2 waiting for the journal
    assertThat(s.chunks().pending()).isZero();
    var third =
        es.runCommand(JobCoordinator.ReportResults.of(2, 1, RESULTS.get(2), "n:1", pool.ref()));
    assertThat(third.events()).containsExactly(completion(0), completion(1), completion(2));
    assertThat(status().chunks().succeeded()).isEqualTo(3);
    assertThat(status().chunks().attempts()).isEqualTo(3);
  }

  @Test
  void waiting_results_are_persisted_after_the_delay() {
    batching(Duration.ofMillis(100), 64);
    submit();
    request(12);
    assertThat(waits(0)).isTrue();
    assertThat(waits(5)).isTrue();
    long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
    while (status().chunks().succeeded() < 2 && System.nanoTime() < deadline) {
      sleep(20);
    }
    assertThat(completedIds(es.getState())).containsExactly(0, 5);
    es.restart();
    assertThat(completedIds(es.getState())).containsExactly(0, 5);
  }

  @Test
  void results_come_with_a_request_whose_grant_does_not_wait_and_the_last_one_ends_the_job() {
    batching(Duration.ofMinutes(1), 64);
    submit();
    assertThat(ids(request(2))).containsExactly(0, 1);
    es.runCommand(
        new JobCoordinator.RequestWork(
            1,
            pool.ref(),
            false,
            List.of(new JobCoordinator.Completed(0, 1, RESULTS.get(0))),
            "n:1"));
    WorkerPool.WorkGranted g = pool.expectMessageClass(WorkerPool.WorkGranted.class);
    assertThat(g.ticket()).as("the pool has the ticket").isNull();
    assertThat(ids(g.assignments())).containsExactly(2);
    assertThat(status().chunks().succeeded()).isZero();
    List<Integer> rest = ids(request(100));
    assertThat(rest).containsExactly(3, 4, 5, 6, 7, 8, 9, 10, 11);
    assertThat(waits(1)).isTrue();
    assertThat(waits(2)).isTrue();
    for (int id : rest.subList(0, rest.size() - 1)) {
      assertThat(waits(id)).isTrue();
    }
    var last =
        es.runCommand(JobCoordinator.ReportResults.of(11, 1, RESULTS.get(11), "n:1", pool.ref()));
    assertThat(last.events()).hasSize(13);
    assertThat(last.events().subList(0, 3))
        .containsExactly(completion(0), completion(1), completion(2));
    assertThat(last.events().get(12)).isInstanceOf(JobEvent.JobFinished.class);
    assertThat(es.getState().status()).isEqualTo(JobStatus.SUCCEEDED);
    assertThat(es.getState().completed().size()).isEqualTo(12);
  }

  @Test
  void a_crash_loses_only_the_waiting_results_whose_chunks_are_handed_out_again() {
    batching(Duration.ofMinutes(1), 3);
    submit();
    request(12);
    assertThat(waits(0)).isTrue();
    assertThat(waits(1)).isTrue();
    assertThat(waits(2)).isFalse();
    assertThat(waits(3)).isTrue();
    es.restart();
    assertThat(completedIds(es.getState())).containsExactly(0, 1, 2);
    assertThat(ids(request(100))).containsExactly(3, 4, 5, 6, 7, 8, 9, 10, 11);
  }

  @Test
  void cancel_persists_the_waiting_results_first_and_streams_them() {
    batching(Duration.ofMinutes(1), 64);
    submit();
    TestProbe<JobAggregator.Progress> watcher = KIT.createTestProbe();
    es.runCommand(new JobCoordinator.Subscribe(watcher.ref()));
    watcher.receiveMessage();
    request(4);
    assertThat(waits(1)).isTrue();
    var cancel =
        es.<JobCoordinator.StatusReport>runCommand(
            replyTo -> new JobCoordinator.Cancel("user", replyTo));
    assertThat(cancel.events()).hasSize(2);
    assertThat(cancel.events().get(0)).isEqualTo(completion(1));
    assertThat(cancel.events().get(1)).isInstanceOf(JobEvent.JobCancelled.class);
    assertThat(cancel.reply().chunks().succeeded()).isEqualTo(1);
    JobProgress last = watcher.receiveMessage(Duration.ofSeconds(5)).progress();
    assertThat(last.status()).isEqualTo(JobStatus.CANCELLED);
    assertThat(last.newRuns()).isEqualTo(RESULTS.get(1).runs());
  }

  @Test
  void a_stop_persists_the_waiting_results_first() {
    JobTicket ticket = TestJobs.ticket("job-stop", TestJobs.sweep(2, 600, 4, 2, 5), 2);
    ActorRef<JobCoordinator.Command> c =
        KIT.spawn(
            JobCoordinator.create(
                "job-stop",
                p -> {},
                CoordinatorSettings.from(KIT.system().settings().config())
                    .withPersistBatch(Duration.ofMinutes(1), 64)));
    TestProbe<StatusReply<JobCoordinator.Accepted>> accepted = KIT.createTestProbe();
    c.tell(new JobCoordinator.Submit(ticket, accepted.ref()));
    assertThat(accepted.receiveMessage().isSuccess()).isTrue();
    c.tell(new JobCoordinator.RequestWork(2, pool.ref()));
    pool.expectMessageClass(WorkerPool.WorkGranted.class);
    c.tell(JobCoordinator.ReportResults.of(0, 1, RESULTS.get(0), "n:1", pool.ref()));
    c.tell(JobCoordinator.Stop.INSTANCE);
    pool.expectTerminated(c);
    assertThat(es.persistenceTestKit().persistedInStorage("JobCoordinator|job-stop"))
        .contains(completion(0));
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }
}
